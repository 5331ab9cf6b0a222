import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { type DragEvent, useRef, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { importMessages } from './import.messages';

interface DropZoneProps {
  onFiles: (files: File[]) => void;
  /** The desktop app's own open dialog (import.pick); when absent the browser's file chooser is used. */
  onPickWithDialog?: () => void;
  disabled?: boolean;
}

/** Drag and drop, or a button for the file chooser. Several files at once are fine. */
export function DropZone({ onFiles, onPickWithDialog, disabled }: DropZoneProps) {
  const t = useT(importMessages);
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    if (disabled) return;
    const files = Array.from(event.dataTransfer.files);
    if (files.length) onFiles(files);
  }

  return (
    <Box
      data-testid="import-drop-zone"
      onDragOver={(e) => {
        e.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      sx={{
        border: 2,
        borderStyle: 'dashed',
        borderColor: over ? 'primary.main' : 'divider',
        bgcolor: over ? 'action.hover' : 'background.paper',
        borderRadius: 2,
        p: { xs: 3, md: 4 },
        textAlign: 'center',
        transition: 'background-color 120ms, border-color 120ms',
      }}
    >
      <UploadFileIcon color="primary" sx={{ fontSize: 48 }} />
      <Typography variant="h6" component="p">
        {over ? t('dropActive') : t('dropTitle')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ maxWidth: 640, mx: 'auto', mb: 2 }}>
        {t('dropHint')}
      </Typography>
      <Button variant="contained" disabled={disabled} onClick={() => (onPickWithDialog ? onPickWithDialog() : input.current?.click())}>
        {t('chooseFiles')}
      </Button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        accept=".csv,.tsv,.txt,.json,.ndjson,.jsonl,.xlsx,.xlsm,.xls"
        data-testid="import-file-input"
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          if (files.length) onFiles(files);
        }}
      />
    </Box>
  );
}
