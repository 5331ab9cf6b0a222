import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { SalesRegisterSummary } from '../../../../shared/contract/export.contract';
import { api } from '../../api';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/i18n';
import { FormatChoice } from './FormatChoice';
import { defaultMonth, isMonth, monthLabel, recentMonths } from './report-dates';
import { ReportCard } from './ReportCard';
import { reportsMessages } from './reports.messages';
import { RegisterInputs, registerBlocked } from './RegisterInputs';
import { PreviewStatus } from './PreviewStatus';
import { useKeptPreview } from './use-kept-preview';

type RegisterFormat = 'csv' | 'xlsx' | 'epp';
const REGISTER_FORMATS: readonly RegisterFormat[] = ['xlsx', 'csv', 'epp'];

const rateLabel = (rate: string) => (rate === 'zw' || rate === 'np' ? rate : `${rate}%`);

/** Totals per VAT rate of one currency, as the file's summary has them. */
function TotalsTable({ summary, currency }: { summary: SalesRegisterSummary; currency: string }) {
  const t = useT(reportsMessages);
  const f = useFormat();
  const grand = summary.grandTotals.find((g) => g.currency === currency);
  return (
    <Table size="small" aria-label={`${t('registerTitle')} ${currency}`} data-testid={`register-totals-${currency}`}>
      <TableHead>
        <TableRow>
          <TableCell>{t('rate')}</TableCell>
          <TableCell align="right">{t('net')}</TableCell>
          <TableCell align="right">{t('vat')}</TableCell>
          <TableCell align="right">{t('gross')}</TableCell>
          <TableCell align="right">{t('shipping')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {summary.totals
          .filter((row) => row.currency === currency)
          .map((row) => (
            <TableRow key={row.rate} data-rate={row.rate}>
              <TableCell>{rateLabel(row.rate)}</TableCell>
              <TableCell align="right">{f.money(row.net, currency)}</TableCell>
              <TableCell align="right">{f.money(row.vat, currency)}</TableCell>
              <TableCell align="right">{f.money(row.gross, currency)}</TableCell>
              <TableCell align="right">{f.money(row.shipping, currency)}</TableCell>
            </TableRow>
          ))}
        {grand && (
          <TableRow data-rate="all" sx={{ '& td': { fontWeight: 600 } }}>
            <TableCell>{t('total')}</TableCell>
            <TableCell align="right">{f.money(grand.net, currency)}</TableCell>
            <TableCell align="right">{f.money(grand.vat, currency)}</TableCell>
            <TableCell align="right">{f.money(grand.gross, currency)}</TableCell>
            <TableCell align="right">{f.money(grand.shipping, currency)}</TableCell>
          </TableRow>
        )}
      </TableBody>
    </Table>
  );
}

/** The monthly sales register: pick the month and format, see the totals per VAT rate, save the file. */
export function SalesRegisterCard() {
  const t = useT(reportsMessages);
  const f = useFormat();
  const [months] = useState(() => recentMonths(36));
  const [month, setMonth] = useState(defaultMonth);
  const [format, setFormat] = useState<RegisterFormat>('xlsx');
  const valid = isMonth(month);
  const preview = useKeptPreview(valid ? `sales:${month}` : null, () => api.call('export.salesRegisterPreview', { month }), ['orders', 'returns']);
  const summary = valid ? preview.data : undefined;
  const current = preview.state === 'current';

  // Orders are named by the number the Zamówienia list shows ("nr 25"), not the files' ZAP-25 reference.
  const warnings = new Map<string, number[]>();
  for (const w of summary?.warnings ?? []) {
    const orders = warnings.get(w.code) ?? [];
    if (!orders.includes(w.orderId)) orders.push(w.orderId);
    warnings.set(w.code, orders);
  }
  const currencies = summary ? summary.grandTotals.map((g) => g.currency) : [];

  return (
    <ReportCard
      id="register"
      title={t('registerTitle')}
      hint={t('registerHint')}
      preview={preview}
      canSave={valid && summary !== undefined && current && !registerBlocked(summary)}
      onSave={async () => {
        const saved = await api.call('export.salesRegister', { month, format });
        // Saving may have closed the month: show it closed (and its numbers) at once.
        preview.reload();
        return saved;
      }}
      controls={
        <>
          {/* A list of months in the app's language: the browser's own month input speaks the system's language. */}
          <TextField
            select
            label={t('month')}
            value={month}
            onChange={(e) => setMonth(e.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'register-month' }, select: { native: true } }}
            sx={{ width: 220 }}
          >
            {months.map((m) => (
              <option key={m} value={m}>
                {monthLabel(m, f.locale)}
              </option>
            ))}
          </TextField>
          <FormatChoice id="register-format" formats={REGISTER_FORMATS} value={format} onChange={setFormat}>
            {format === 'epp' && (
              <Typography variant="caption" color="text.secondary">
                {t('formatEppHint')}
              </Typography>
            )}
          </FormatChoice>
        </>
      }
    >
      {valid && (
        <PreviewStatus state={preview.state} answeredAt={preview.answeredAt} settling={preview.settling}>
          {summary && (
            <Stack spacing={2}>
              <Typography variant="body2" data-testid="register-counts">
                {t('sales', { n: summary.sales })} · {t('corrections', { n: summary.corrections })} · {t('rows', { n: summary.rows })}
              </Typography>
              {summary.closedAt ? (
                <Alert severity="success" data-testid="register-closed">
                  {t('monthClosed', { when: f.dateTime(summary.closedAt) })}
                </Alert>
              ) : summary.closesOnSave ? (
                <Alert severity="info" data-testid="register-closes">
                  {t('monthWillClose')}
                </Alert>
              ) : (
                <Typography variant="caption" color="text.secondary" data-testid="register-running">
                  {t('monthRunning')}
                </Typography>
              )}
              {summary.rows === 0 && <Alert severity="info">{t('empty')}</Alert>}
              {/* Entering a rate or a report acts on the current figures only. */}
              {current && <RegisterInputs key={month} month={month} summary={summary} onChanged={preview.reload} />}
              {currencies.map((currency) => (
                <div key={currency}>
                  {currency !== 'PLN' && (
                    <Typography variant="caption" color="text.secondary">
                      {t('currencyNote', { currency })}
                    </Typography>
                  )}
                  <TotalsTable summary={summary} currency={currency} />
                </div>
              ))}
              {warnings.size > 0 && (
                <Alert severity="warning" role="status" data-testid="register-warnings">
                  <Typography variant="subtitle2">{t('checkTitle')}</Typography>
                  <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
                    {[...warnings].map(([code, orders]) => (
                      <li key={code}>
                        {t(`warn_${code}` as 'warn_rate_assumed')}
                        {/* A warning about the month as a whole (the EU threshold) names no order. */}
                        {orders.some((o) => o > 0) ? `: ${t('warnOrders', { numbers: orders.filter((o) => o > 0).join(', ') })}` : ''}
                      </li>
                    ))}
                  </ul>
                </Alert>
              )}
            </Stack>
          )}
        </PreviewStatus>
      )}
    </ReportCard>
  );
}
