import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/i18n';
import { importMessages } from './import.messages';
import type { ImportProgress } from './use-import-progress';

/** Progress of a long step from `import.progress`; indeterminate until the core knows the total. */
export function ImportProgressBar({ progress, fallbackLabel }: { progress: ImportProgress | null; fallbackLabel: string }) {
  const t = useT(importMessages);
  const format = useFormat();
  const total = progress?.total ?? null;
  const percent = total && total > 0 ? Math.min(100, Math.round(((progress?.done ?? 0) / total) * 100)) : null;
  const label = progress ? t(`phase_${progress.phase}`) : fallbackLabel;
  return (
    <Box role="status" aria-live="polite" sx={{ my: 1.5 }} data-testid="import-progress">
      <Typography variant="body2" sx={{ mb: 0.5 }}>
        {label}
        {/* Bytes or rows, whichever the phase counts: a percentage reads the same for both. */}
        {percent !== null ? ` — ${format.number(percent)}%` : ''}
      </Typography>
      {percent === null ? <LinearProgress /> : <LinearProgress variant="determinate" value={percent} aria-valuenow={percent} />}
    </Box>
  );
}
