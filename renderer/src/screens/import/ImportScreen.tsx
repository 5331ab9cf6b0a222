import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
import { DropZone } from './DropZone';
import { newImportToken } from './file-bytes';
import { ImportHistory } from './ImportHistory';
import { ImportItem, type ImportSource } from './ImportItem';
import { importMessages } from './import.messages';
import { UnmatchedLines } from './UnmatchedLines';

interface Entry {
  id: number;
  source: ImportSource;
}

/** Inside the desktop app the core's own open dialog is used (the renderer never handles paths). */
const hasDesktopDialog = typeof window !== 'undefined' && 'zaplecze' in window && Boolean((window as { zaplecze?: unknown }).zaplecze);

let nextId = 1;

/** Import: drop or choose files → preview each → import → history with undo; lines without a product. */
export default function ImportScreen() {
  const t = useT(importMessages);
  const [entries, setEntries] = useState<Entry[]>([]);
  const [pickError, setPickError] = useState<unknown>(null);
  const [picking, setPicking] = useState(false);

  function add(sources: ImportSource[]) {
    setEntries((current) => [...sources.map((source) => ({ id: nextId++, source })), ...current]);
  }

  async function pickWithDialog() {
    setPicking(true);
    setPickError(null);
    try {
      const { previews } = await api.call('import.pick', { token: newImportToken() });
      add(previews.map((preview) => ({ kind: 'preview' as const, preview })));
    } catch (error) {
      setPickError(error);
    } finally {
      setPicking(false);
    }
  }

  return (
    <Box>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Stack spacing={3}>
        <DropZone
          onFiles={(files) => add(files.map((file) => ({ kind: 'file' as const, file })))}
          onPickWithDialog={hasDesktopDialog ? () => void pickWithDialog() : undefined}
          disabled={picking}
        />
        <ErrorAlert error={pickError} />
        {entries.map((entry) => (
          <ImportItem key={entry.id} source={entry.source} onRemove={() => setEntries((current) => current.filter((e) => e.id !== entry.id))} />
        ))}
        <UnmatchedLines />
        <ImportHistory />
      </Stack>
    </Box>
  );
}
