import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { keyframes } from '@mui/material/styles';
import type { ReactNode } from 'react';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/i18n';
import { previewStatusMessages } from './preview-status.messages';
import type { PreviewState } from './use-kept-preview';

/** The refreshing mark fades in: see `settling` below. */
const fadeIn = keyframes`from { opacity: 0; } to { opacity: 1; }`;
const dim = keyframes`from { opacity: 1; } to { opacity: 0.45; }`;
const SETTLE_MS = 150;

/**
 * A preview's figures with their state (use-kept-preview.ts): while the current ones are computed, the
 * earlier ones stay on screen greyed out under a note saying when they were computed, so no one copies
 * an old total as today's. The note lies over the figures' top instead of pushing them down, so nothing
 * jumps. `settling`: the figures were the current ones a moment ago (the shop changed while the screen
 * was open) — the mark then appears only if the answer takes longer than SETTLE_MS, so a quick answer
 * does not flicker the card; figures kept from an earlier visit are marked at once.
 * `data-preview-state` tells tests and the benchmark which figures show.
 */
export function PreviewStatus({ state, answeredAt, settling, children }: { state: PreviewState; answeredAt: string | null; settling: boolean; children: ReactNode }) {
  const t = useT(previewStatusMessages);
  const f = useFormat();
  const delay = settling ? `${SETTLE_MS}ms` : '0ms';
  if (state === 'loading') {
    return (
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} data-preview-state={state} data-testid="preview-refreshing">
        <CircularProgress size={16} aria-label={t('loading')} />
        <Typography variant="body2" color="text.secondary">
          {t('loading')}
        </Typography>
      </Stack>
    );
  }
  const refreshing = state === 'refreshing';
  return (
    <Box data-preview-state={state} sx={{ position: 'relative' }}>
      {refreshing && (
        <Alert
          severity="warning"
          data-testid="preview-refreshing"
          icon={<CircularProgress size={16} color="inherit" aria-label={t('loading')} />}
          sx={{ position: 'absolute', top: -6, left: 0, right: 0, zIndex: 1, py: 0, animation: `${fadeIn} 1ms ${delay} both` }}
        >
          {t('refreshing', { when: f.dateTime(answeredAt) })}
        </Alert>
      )}
      <Box sx={refreshing ? { animation: `${dim} 1ms ${delay} both`, pointerEvents: 'none' } : undefined} aria-busy={refreshing}>
        {children}
      </Box>
    </Box>
  );
}
