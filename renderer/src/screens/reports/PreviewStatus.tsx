import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/i18n';
import { previewStatusMessages } from './preview-status.messages';
import type { PreviewState } from './use-kept-preview';

/**
 * A preview's figures with their state (use-kept-preview.ts): while the current ones are computed, the
 * earlier ones stay on screen greyed out under a note saying when they were computed, so no one copies
 * an old total as today's. `data-preview-state` tells tests and the benchmark which figures show.
 */
export function PreviewStatus({ state, answeredAt, children }: { state: PreviewState; answeredAt: string | null; children: ReactNode }) {
  const t = useT(previewStatusMessages);
  const f = useFormat();
  return (
    <Box data-preview-state={state}>
      {state !== 'current' && (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }} data-testid="preview-refreshing">
          <CircularProgress size={16} aria-label={t('loading')} />
          <Typography variant="body2" color={state === 'refreshing' ? 'warning.main' : 'text.secondary'}>
            {state === 'refreshing' ? t('refreshing', { when: f.dateTime(answeredAt) }) : t('loading')}
          </Typography>
        </Stack>
      )}
      <Box sx={state === 'refreshing' ? { opacity: 0.45, pointerEvents: 'none' } : undefined} aria-busy={state !== 'current'}>
        {children}
      </Box>
    </Box>
  );
}
