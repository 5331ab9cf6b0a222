import Alert from '@mui/material/Alert';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/i18n';
import { defaultMonth, monthLabel, recentMonths } from './report-dates';
import { stockAccountsMessages } from './stock-accounts.messages';
import { PreviewStatus } from './PreviewStatus';
import { useKeptPreview } from './use-kept-preview';

const LINES = [
  ['opening', 1],
  ['receipts', 1],
  ['returns', 1],
  ['otherIn', 1],
  ['costOfSales', -1],
  ['writeOffs', -1],
] as const;

/** Stock at purchase cost over a month by FIFO layers: what came in, what went out, what is left. */
export function StockMonthCard() {
  const t = useT(stockAccountsMessages);
  const f = useFormat();
  const [months] = useState(() => recentMonths(36));
  const [month, setMonth] = useState(defaultMonth);
  const preview = useKeptPreview(`stockMonth:${month}`, () => api.call('accounting.stockMonth', { month }), ['stock', 'orders', 'returns']);
  const s = preview.data;

  return (
    <Card variant="outlined" component="section" aria-labelledby="stock-month-title">
      <CardContent>
        <Typography id="stock-month-title" variant="h6" component="h2">
          {t('monthTitle')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {t('monthHint')}
        </Typography>
        <TextField
          select
          label={t('month')}
          value={month}
          onChange={(e) => setMonth(e.target.value)}
          slotProps={{ htmlInput: { 'data-testid': 'stock-month' }, select: { native: true } }}
          sx={{ width: 220, mb: 2 }}
        >
          {months.map((m) => (
            <option key={m} value={m}>
              {monthLabel(m, f.locale)}
            </option>
          ))}
        </TextField>
        <ErrorAlert error={preview.error} onRetry={preview.reload} />
        <PreviewStatus state={preview.state} answeredAt={preview.answeredAt} settling={preview.settling}>
          {s && (
            <Stack spacing={1.5}>
              <Table size="small" sx={{ maxWidth: 560 }} data-testid="stock-month-table">
                <TableBody>
                  {LINES.map(([key, sign]) => (
                    <TableRow key={key} data-line={key}>
                      <TableCell>{t(key)}</TableCell>
                      <TableCell align="right">{key === 'opening' ? '' : sign > 0 ? '+' : '−'}</TableCell>
                      <TableCell align="right">{f.money(s[key])}</TableCell>
                    </TableRow>
                  ))}
                  <TableRow data-line="closing" sx={{ '& td': { fontWeight: 600 } }}>
                    <TableCell>{t('closing')}</TableCell>
                    <TableCell align="right">=</TableCell>
                    <TableCell align="right">{f.money(s.closing)}</TableCell>
                  </TableRow>
                </TableBody>
              </Table>
              {s.soldNotShipped.units > 0 && (
                <Alert severity="info" data-testid="stock-month-sold">
                  {t('soldNotShipped', { units: f.number(s.soldNotShipped.units), orders: f.number(s.soldNotShipped.orders), value: f.money(s.soldNotShipped.value) })}
                </Alert>
              )}
              {s.priceFromCard > 0 && (
                <Typography variant="body2" color="warning.main">
                  {t('priceFromCard', { n: s.priceFromCard })}
                </Typography>
              )}
              {s.withoutPrice > 0 && (
                <Typography variant="body2" color="warning.main">
                  {t('withoutPrice', { n: s.withoutPrice })}
                </Typography>
              )}
            </Stack>
          )}
        </PreviewStatus>
      </CardContent>
    </Card>
  );
}
