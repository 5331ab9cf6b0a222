import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { type FormEvent, useRef, useState } from 'react';
import type { SalesRegisterSummary } from '../../../../shared/contract/export.contract';
import { MoneyParseError, parseMoney } from '../../../../shared/domain/money';
import type { VatRate } from '../../../../shared/domain/vat';
import { api } from '../../api';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notify';
import { useLiveQuery } from '../../components/use-live-query';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/i18n';
import { fileToBase64 } from '../import/file-bytes';
import { registerInputsMessages } from './register-inputs.messages';

const rateLabel = (rate: string) => (rate === 'zw' || rate === 'np' ? rate : `${rate}%`);

/** A saved register may not go out while a foreign sale has no NBP rate or a cash register month has no RO. */
export function registerBlocked(summary: SalesRegisterSummary): boolean {
  return (summary.missingRates?.length ?? 0) > 0 || summary.salesRecording?.reportMissing === true;
}

/**
 * What the month's register needs from the owner besides the orders (issue 14 points 6 and 7): the NBP
 * rates of foreign-currency sales (a file from nbp.pl, or typed from the table), the cash register's
 * periodic report, and where the year stands against the EU distance-sales threshold.
 */
export function RegisterInputs({ month, summary, onChanged }: { month: string; summary: SalesRegisterSummary; onChanged: () => void }) {
  const t = useT(registerInputsMessages);
  const f = useFormat();
  const missing = summary.missingRates ?? [];
  const rec = summary.salesRecording;
  const showRates = missing.length > 0 || (summary.converted?.length ?? 0) > 0;
  return (
    <Stack spacing={2} data-testid="register-inputs">
      {missing.length > 0 && (
        <Alert severity="error" data-testid="register-missing-rates">
          <Typography variant="subtitle2">{t('missingTitle')}</Typography>
          <Typography variant="body2">{t('missingHint')}</Typography>
          <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
            {missing.map((m) => (
              <li key={`${m.currency}-${m.day}`}>{t('missingLine', { currency: m.currency, day: f.date(m.day), n: m.orders })}</li>
            ))}
          </ul>
        </Alert>
      )}
      {summary.converted && summary.converted.length > 0 && (
        <Typography variant="body2" data-testid="register-converted">
          {t('converted', { list: summary.converted.map((c) => t('convertedItem', { currency: c.currency, n: c.documents })).join(', ') })}
        </Typography>
      )}
      {summary.wsto && (summary.wsto.netThroughMonth > 0 || summary.wsto.lastYearExceeded) && (
        <Alert severity={summary.wsto.crossedOn || summary.wsto.lastYearExceeded || summary.wsto.netThroughMonth >= summary.wsto.threshold * 0.8 ? 'warning' : 'info'} data-testid="register-wsto">
          <Typography variant="subtitle2">{t('wstoTitle', { year: summary.wsto.year })}</Typography>
          <Typography variant="body2">{t('wstoLine', { net: f.money(summary.wsto.netThroughMonth), threshold: f.money(summary.wsto.threshold) })}</Typography>
          {summary.wsto.lastYearExceeded ? (
            <Typography variant="body2">{t('wstoLastYear')}</Typography>
          ) : summary.wsto.crossedOn ? (
            <Typography variant="body2">{t('wstoCrossed', { day: f.date(summary.wsto.crossedOn) })}</Typography>
          ) : summary.wsto.netThroughMonth >= summary.wsto.threshold * 0.8 ? (
            <Typography variant="body2">{t('wstoNear')}</Typography>
          ) : null}
        </Alert>
      )}
      {rec?.mode === 'exempt' && rec.orders > 0 && <Typography variant="body2">{t('wew', { n: rec.orders })}</Typography>}
      {rec?.mode === 'cash_register' && <CashReportForm month={month} summary={summary} onChanged={onChanged} />}
      {showRates && <RatesForm month={month} onChanged={onChanged} suggestion={missing[0] ?? null} />}
    </Stack>
  );
}

/** Loading an NBP table file, or typing one rate from the table. */
function RatesForm({ month, onChanged, suggestion }: { month: string; onChanged: () => void; suggestion: { currency: string; day: string } | null }) {
  const t = useT(registerInputsMessages);
  const f = useFormat();
  const notify = useNotify();
  const input = useRef<HTMLInputElement>(null);
  const rates = useLiveQuery(() => api.call('accounting.rates', { month }), [], [month]);
  const [currency, setCurrency] = useState(suggestion?.currency ?? 'EUR');
  const [day, setDay] = useState<string | null>(suggestion?.day ?? null);
  const [tableNo, setTableNo] = useState('');
  const [rate, setRate] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  /** Loads rates (from a file or from NBP) and says how many came in. */
  async function loadRates(request: () => Promise<{ imported: number; days: number; currencies: string[] }>) {
    setBusy(true);
    setError(null);
    try {
      const r = await request();
      notify(r.imported > 0 ? t('imported', { n: r.imported, days: r.days, currencies: r.currencies.join(', ') }) : t('importedNothing'), r.imported > 0 ? 'success' : 'warning');
      rates.reload();
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }

  const load = (file: File | undefined) =>
    file ? loadRates(async () => api.call('accounting.importRates', { name: file.name, contentBase64: await fileToBase64(file) })) : undefined;
  const fetchMonth = () => loadRates(() => api.call('accounting.fetchRates', { month }));

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!day) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await api.call('accounting.saveRate', { currency, day, tableNo, rate });
      notify(t('rateSaved', { currency: saved.currency, day: f.date(saved.day), rate: saved.rate.replace('.', f.locale === 'pl-PL' ? ',' : '.') }));
      setRate('');
      rates.reload();
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const decimal = (r: string) => (f.locale === 'pl-PL' ? r.replace('.', ',') : r);
  return (
    <Stack spacing={1} component="section" aria-labelledby="rates-title" data-testid="register-rates">
      <Typography id="rates-title" variant="subtitle1" component="h3">
        {t('ratesTitle')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t('ratesHint')}
      </Typography>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Button variant="outlined" disabled={busy} onClick={() => input.current?.click()}>
          {t('importFile')}
        </Button>
        <Button variant="text" disabled={busy} onClick={() => void fetchMonth()}>
          {t('fetchMonth')}
        </Button>
        <input ref={input} type="file" hidden accept=".json,.xml,application/json,text/xml" data-testid="rates-file" onChange={(e) => void load(e.target.files?.[0])} />
      </Stack>
      <Stack component="form" onSubmit={save} direction="row" spacing={1.5} sx={{ alignItems: 'flex-start', flexWrap: 'wrap', rowGap: 1.5 }} noValidate>
        <TextField size="small" label={t('currency')} value={currency} onChange={(e) => setCurrency(e.target.value.toUpperCase())} sx={{ width: 90 }} slotProps={{ htmlInput: { maxLength: 3, 'data-testid': 'rate-currency' } }} />
        <DateField size="small" label={t('tableDay')} value={day} onChange={setDay} sx={{ width: 170 }} />
        <TextField size="small" label={t('tableNo')} value={tableNo} onChange={(e) => setTableNo(e.target.value)} placeholder="229/A/NBP/2026" sx={{ width: 170 }} slotProps={{ htmlInput: { 'data-testid': 'rate-table' } }} />
        <TextField size="small" label={t('rate')} value={rate} onChange={(e) => setRate(e.target.value)} placeholder={t('rateHint')} sx={{ width: 150 }} slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': 'rate-value' } }} />
        <Button type="submit" variant="contained" disabled={busy || !day || rate.trim() === '' || tableNo.trim() === ''}>
          {t('saveRate')}
        </Button>
      </Stack>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {rates.data && rates.data.length > 0 && (
        <Typography variant="caption" color="text.secondary" data-testid="rates-of-month">
          {t('ratesOfMonth', { list: rates.data.slice(0, 12).map((r) => `${r.currency} ${f.date(r.day)} ${decimal(r.rate)} (${r.tableNo})`).join(' · ') })}
        </Typography>
      )}
    </Stack>
  );
}

const RO_RATES: VatRate[] = ['23', '8', '5', '0', 'zw'];

/** The cash register's periodic report: number, day, gross and VAT per rate — and how it compares with Zaplecze's receipts. */
function CashReportForm({ month, summary, onChanged }: { month: string; summary: SalesRegisterSummary; onChanged: () => void }) {
  const t = useT(registerInputsMessages);
  const f = useFormat();
  const notify = useNotify();
  const rec = summary.salesRecording!;
  const report = rec.report;
  const [number, setNumber] = useState(report?.number ?? '');
  const [day, setDay] = useState<string | null>(report?.reportDate ?? summary.lastDay);
  const text = (minor: number | undefined) => (minor === undefined ? '' : (minor / 100).toFixed(2).replace('.', f.locale === 'pl-PL' ? ',' : '.'));
  const [amounts, setAmounts] = useState<Record<string, { gross: string; vat: string }>>(() =>
    Object.fromEntries(RO_RATES.map((r) => {
      const x = report?.totals.find((y) => y.rate === r);
      return [r, { gross: text(x?.gross), vat: text(x?.vat) }];
    })),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [invalid, setInvalid] = useState<Set<string>>(new Set());

  function amount(value: string): number | null | 'bad' {
    try {
      const v = parseMoney(value);
      return v === null ? null : v < 0 ? 'bad' : v;
    } catch (e) {
      if (e instanceof MoneyParseError) return 'bad';
      throw e;
    }
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!day) return;
    const bad = new Set<string>();
    const totals: Array<{ rate: VatRate; gross: number; vat: number }> = [];
    for (const r of RO_RATES) {
      const gross = amount(amounts[r]!.gross);
      const vat = amount(amounts[r]!.vat);
      if (gross === 'bad') bad.add(`${r}-gross`);
      if (vat === 'bad') bad.add(`${r}-vat`);
      if (gross !== 'bad' && vat !== 'bad' && (gross ?? 0) + (vat ?? 0) > 0) totals.push({ rate: r, gross: gross ?? 0, vat: vat ?? 0 });
    }
    setInvalid(bad);
    if (bad.size > 0) return;
    setBusy(true);
    setError(null);
    try {
      await api.call('accounting.saveCashReport', { month, number, reportDate: day, totals });
      notify(t('roSaved'));
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack spacing={1} component="section" aria-labelledby="ro-title" data-testid="register-ro">
      <Typography id="ro-title" variant="subtitle1" component="h3">
        {t('roTitle')}
      </Typography>
      {rec.reportMissing && (
        <Alert severity="error" data-testid="register-ro-missing">
          {t('roMissing')}
        </Alert>
      )}
      {report && (
        <Alert severity={rec.difference.length ? 'warning' : 'success'} data-testid="register-ro-status">
          <Typography variant="body2">{t('roEntered', { number: report.number, day: f.date(report.reportDate) })}</Typography>
          <Typography variant="body2">{rec.difference.length ? t('roDiffers', { n: rec.orders }) : t('roMatches', { n: rec.orders })}</Typography>
          {rec.difference.length > 0 && (
            <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
              {rec.difference.map((d) => (
                <li key={d.rate}>{t('roDiffLine', { rate: rateLabel(d.rate), gross: f.money(d.gross), vat: f.money(d.vat) })}</li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      <Typography variant="body2" color="text.secondary">
        {t('roHint')}
      </Typography>
      <Stack component="form" onSubmit={save} spacing={1.5} noValidate>
        <Stack direction="row" spacing={1.5}>
          <TextField size="small" label={t('roNumber')} value={number} onChange={(e) => setNumber(e.target.value)} sx={{ width: 160 }} slotProps={{ htmlInput: { maxLength: 20, 'data-testid': 'ro-number' } }} />
          <DateField size="small" label={t('roDay')} value={day} onChange={setDay} sx={{ width: 170 }} />
        </Stack>
        {RO_RATES.map((r) => {
          const own = rec.receipts.find((x) => x.rate === r);
          return (
            <Stack key={r} direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
              <Typography variant="body2" sx={{ width: 90 }}>
                {t('roRate', { rate: rateLabel(r) })}
              </Typography>
              {(['gross', 'vat'] as const).map((k) => (
                <TextField
                  key={k}
                  size="small"
                  label={t(k === 'gross' ? 'roGross' : 'roVat')}
                  value={amounts[r]![k]}
                  onChange={(e) => setAmounts({ ...amounts, [r]: { ...amounts[r]!, [k]: e.target.value } })}
                  error={invalid.has(`${r}-${k}`)}
                  helperText={invalid.has(`${r}-${k}`) ? t('amountInvalid') : undefined}
                  sx={{ width: 150 }}
                  slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': `ro-${r}-${k}` } }}
                />
              ))}
              {own && (
                <Typography variant="caption" color="text.secondary">
                  {t('roOwn', { gross: f.money(own.gross), vat: f.money(own.vat) })}
                </Typography>
              )}
            </Stack>
          );
        })}
        <Stack direction="row">
          <Button type="submit" variant="outlined" disabled={busy || !day || number.trim() === ''}>
            {t('roSave')}
          </Button>
        </Stack>
      </Stack>
      <ErrorAlert error={error} onClose={() => setError(null)} />
    </Stack>
  );
}
