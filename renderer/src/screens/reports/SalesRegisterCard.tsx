import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
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
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notify';
import { useLiveQuery } from '../../components/use-live-query';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/i18n';
import { defaultMonth, isMonth, monthLabel, recentMonths } from './report-dates';
import { reportsMessages } from './reports.messages';

type RegisterFormat = 'csv' | 'xlsx' | 'epp';

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
  const notify = useNotify();
  const f = useFormat();
  const [months] = useState(() => recentMonths(36));
  const [month, setMonth] = useState(defaultMonth);
  const [format, setFormat] = useState<RegisterFormat>('xlsx');
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const valid = isMonth(month);
  const preview = useLiveQuery(
    () => (valid ? api.call('export.salesRegisterPreview', { month }) : Promise.resolve(undefined)),
    ['orders', 'returns'],
    [month, valid],
  );
  const summary = valid ? preview.data : undefined;

  async function save() {
    setSaving(true);
    setSaveError(null);
    try {
      const result = await api.call('export.salesRegister', { month, format });
      if (result.savedTo) notify(t('savedTo', { file: result.savedTo }));
      else notify(t('saveCancelled'), 'info');
    } catch (error) {
      setSaveError(error);
    } finally {
      setSaving(false);
    }
  }

  const warnings = new Map<string, string[]>();
  for (const w of summary?.warnings ?? []) warnings.set(w.code, [...(warnings.get(w.code) ?? []), w.reference]);
  const currencies = summary ? summary.grandTotals.map((g) => g.currency) : [];

  return (
    <Card variant="outlined" component="section" aria-labelledby="register-title">
      <CardContent>
        <Typography id="register-title" variant="h6" component="h2">
          {t('registerTitle')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {t('registerHint')}
        </Typography>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={3} sx={{ mb: 2 }}>
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
          <div>
            <FormLabel id="register-format">{t('format')}</FormLabel>
            <RadioGroup row aria-labelledby="register-format" value={format} onChange={(e) => setFormat(e.target.value as RegisterFormat)}>
              <FormControlLabel value="xlsx" control={<Radio />} label={t('formatXlsx')} />
              <FormControlLabel value="csv" control={<Radio />} label={t('formatCsv')} />
              <FormControlLabel value="epp" control={<Radio />} label={t('formatEpp')} />
            </RadioGroup>
            {format === 'epp' && (
              <Typography variant="caption" color="text.secondary">
                {t('formatEppHint')}
              </Typography>
            )}
          </div>
        </Stack>
        <ErrorAlert error={preview.error} onRetry={preview.reload} />
        {summary && (
          <Stack spacing={2}>
            <Typography variant="body2" data-testid="register-counts">
              {t('sales', { n: summary.sales })} · {t('corrections', { n: summary.corrections })} · {t('rows', { n: summary.rows })}
            </Typography>
            {summary.rows === 0 && <Alert severity="info">{t('empty')}</Alert>}
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
                  {[...warnings].map(([code, references]) => (
                    <li key={code}>
                      {t(`warn_${code}` as 'warn_rate_assumed')}: {references.join(', ')}
                    </li>
                  ))}
                </ul>
              </Alert>
            )}
          </Stack>
        )}
        <ErrorAlert error={saveError} onClose={() => setSaveError(null)} />
        <Stack direction="row" sx={{ mt: 2 }}>
          <Button variant="contained" onClick={save} disabled={!valid || saving || !summary}>
            {saving ? t('saving') : t('save')}
          </Button>
        </Stack>
      </CardContent>
    </Card>
  );
}
