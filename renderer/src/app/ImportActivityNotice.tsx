import Alert from '@mui/material/Alert';
import CircularProgress from '@mui/material/CircularProgress';
import Box from '@mui/material/Box';
import { useEffect, useState } from 'react';
import type { EventPayloads } from '../../../shared/contract/events';
import { api } from '../api';
import { useT } from '../i18n/i18n';
import { importActivityMessages } from './import-activity.messages';

/**
 * "Trwa import…": while an import is saving, a change made on any screen (a receipt, a status, a scan)
 * waits for it instead of failing; this notice tells the person why their save is taking a while. It
 * shows above dialogs too (the waiting save is usually in one) and goes when nothing waits any more.
 */
export function ImportActivityNotice() {
  const t = useT(importActivityMessages);
  const [activity, setActivity] = useState<EventPayloads['import.activity'] | null>(null);
  useEffect(() => api.on('import.activity', setActivity), []);
  if ((activity?.waiting ?? 0) === 0) return null;
  // Not a Snackbar: screens' own "saved" snackbars are found by that class, and this is not one of them.
  return (
    <Box sx={{ position: 'fixed', top: { xs: 64, sm: 72 }, left: '50%', transform: 'translateX(-50%)', zIndex: (theme) => theme.zIndex.snackbar, maxWidth: 'calc(100vw - 32px)' }}>
      <Alert
        severity="info"
        icon={<CircularProgress size={18} aria-hidden />}
        role="status"
        aria-live="polite"
        data-testid="import-activity-notice"
        sx={{ boxShadow: 3, alignItems: 'center' }}
      >
        {activity?.file ? t('waitingFile', { file: activity.file }) : t('waiting')}
      </Alert>
    </Box>
  );
}
