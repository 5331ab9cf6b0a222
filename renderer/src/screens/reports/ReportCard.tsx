import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { type ReactNode, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notify';
import type { LiveQuery } from '../../components/use-live-query';
import { useT } from '../../i18n/i18n';
import { reportsMessages } from './reports.messages';

interface ReportCardProps {
  /** Prefix of the card's element ids (`<id>-title`). */
  id: string;
  title: string;
  hint: string;
  /** The period and the format, side by side above the preview. */
  controls: ReactNode;
  /** The preview's load: its error shows above the preview, with a retry. */
  preview: Pick<LiveQuery<unknown>, 'error' | 'reload'>;
  /** The preview itself. */
  children: ReactNode;
  canSave: boolean;
  /** Asks the core to write the file; `savedTo` is null when the save dialog was closed. */
  onSave: () => Promise<{ savedTo: string | null }>;
}

/** One report for the accountant: title and hint, choices, the preview, and the "save the file" button. */
export function ReportCard({ id, title, hint, controls, preview, children, canSave, onSave }: ReportCardProps) {
  const t = useT(reportsMessages);
  const notify = useNotify();
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);

  async function save() {
    setSaving(true);
    setSaveError(null);
    try {
      const result = await onSave();
      if (result.savedTo) notify(t('savedTo', { file: result.savedTo }));
      else notify(t('saveCancelled'), 'info');
    } catch (error) {
      setSaveError(error);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card variant="outlined" component="section" aria-labelledby={`${id}-title`}>
      <CardContent>
        <Typography id={`${id}-title`} variant="h6" component="h2">
          {title}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {hint}
        </Typography>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={3} sx={{ mb: 2 }}>
          {controls}
        </Stack>
        <ErrorAlert error={preview.error} onRetry={preview.reload} />
        {children}
        <ErrorAlert error={saveError} onClose={() => setSaveError(null)} />
        <Stack direction="row" sx={{ mt: 2 }}>
          <Button variant="contained" onClick={save} disabled={!canSave || saving}>
            {saving ? t('saving') : t('save')}
          </Button>
        </Stack>
      </CardContent>
    </Card>
  );
}
