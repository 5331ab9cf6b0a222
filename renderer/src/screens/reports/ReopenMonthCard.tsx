import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { api } from '../../api';
import { ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notify';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/i18n';
import { booksMessages } from './books.messages';
import { defaultMonth, monthLabel, recentMonths } from './report-dates';

/** Reopening a month closed for the accountant, with a reason (kept in the change history). */
export function ReopenMonthCard() {
  const t = useT(booksMessages);
  const f = useFormat();
  const notify = useNotify();
  const [months] = useState(() => recentMonths(36));
  const [month, setMonth] = useState(defaultMonth);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function reopen() {
    setBusy(true);
    setRefused(null);
    setError(null);
    try {
      await api.call('books.reopenMonth', { month, reason });
      notify(t('reopened', { month: monthLabel(month, f.locale) }));
      setReason('');
    } catch (e) {
      const details = e instanceof ApiError && e.code === 'conflict' ? (e.details as { reason?: string; months?: string[]; corrections?: number } | undefined) : undefined;
      if (details?.reason === 'not_closed') setRefused(t('reopen_not_closed'));
      else if (details?.reason === 'later_month_closed') setRefused(t('reopen_later_month_closed', { months: (details.months ?? []).map((m) => monthLabel(m, f.locale)).join(', ') }));
      else if (details?.reason === 'numbered_corrections') setRefused(t('reopen_numbered_corrections', { n: details.corrections ?? 0 }));
      else setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card variant="outlined" component="section" aria-labelledby="reopen-month-title">
      <CardContent>
        <Typography id="reopen-month-title" variant="h6" component="h2">
          {t('reopenTitle')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {t('reopenHint')}
        </Typography>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
          <TextField
            select
            label={t('reopenMonth')}
            value={month}
            onChange={(e) => setMonth(e.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'reopen-month' }, select: { native: true } }}
            sx={{ width: 220 }}
          >
            {months.map((m) => (
              <option key={m} value={m}>
                {monthLabel(m, f.locale)}
              </option>
            ))}
          </TextField>
          <TextField label={t('reason')} value={reason} onChange={(e) => setReason(e.target.value)} sx={{ flex: 1, minWidth: 280 }} slotProps={{ htmlInput: { maxLength: 500 } }} />
          <Button variant="outlined" color="warning" onClick={() => void reopen()} disabled={busy || reason.trim().length < 5} sx={{ mt: 1 }}>
            {t('reopenButton')}
          </Button>
        </Stack>
        {refused && (
          <Alert severity="info" sx={{ mt: 2 }} data-testid="reopen-refused">
            {refused}
          </Alert>
        )}
        <ErrorAlert error={error} onClose={() => setError(null)} />
      </CardContent>
    </Card>
  );
}
