import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { api } from '../../api';
import { DateField } from '../../components/DateField';
import { isoToText } from '../../components/date-text';
import { useFormat } from '../../i18n/format';
import { useLanguage, useT } from '../../i18n/i18n';
import { FormatChoice } from './FormatChoice';
import { defaultValuationDate } from './report-dates';
import { ReportCard } from './ReportCard';
import { reportsMessages } from './reports.messages';
import { PreviewStatus } from './PreviewStatus';
import { useKeptPreview } from './use-kept-preview';

type ValuationFormat = 'csv' | 'xlsx';
const VALUATION_FORMATS: readonly ValuationFormat[] = ['xlsx', 'csv'];

/** Today in Poland (the shop's day) as YYYY-MM-DD, whatever the computer's time zone. */
function shopToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Stock valuation at the end of a day: totals on screen, the list as CSV or XLSX. */
export function StockValuationCard() {
  const t = useT(reportsMessages);
  const f = useFormat();
  // null while the typed text is not a whole valid day (then nothing is asked of the core).
  const [day, setDay] = useState<string | null>(defaultValuationDate);
  const { lang } = useLanguage();
  const date = day ?? '';
  const [format, setFormat] = useState<ValuationFormat>('xlsx');
  // A day after today has no stock yet: the core would answer with today's figures under the future date
  // (the auditor saw "Stan na dzień 01.01.2099" valued), so it is refused here in words.
  const today = shopToday();
  const future = date !== '' && date > today;
  const valid = date !== '' && !future;
  const preview = useKeptPreview(valid ? `valuation:${date}` : null, () => api.call('export.stockValuationPreview', { date }), ['stock']);
  const v = valid ? preview.data : undefined;

  return (
    <ReportCard
      id="valuation"
      title={t('valuationTitle')}
      hint={t('valuationHint')}
      preview={preview}
      canSave={valid && v !== undefined && preview.state === 'current'}
      onSave={() => api.call('export.stockValuation', { date, format })}
      controls={
        <>
          <DateField label={t('date')} value={day} onChange={setDay} sx={{ width: 220 }} />
          <FormatChoice id="valuation-format" formats={VALUATION_FORMATS} value={format} onChange={setFormat} />
        </>
      }
    >
      {future && (
        <Alert severity="error" role="alert" data-testid="valuation-future">
          {t('valuationFuture', { today: isoToText(today, lang) })}
        </Alert>
      )}
      {valid && (
        <PreviewStatus state={preview.state} answeredAt={preview.answeredAt} settling={preview.settling}>
          {v && (
            <Stack direction="row" spacing={4} data-testid="valuation-totals">
              <div>
                <Typography variant="caption" color="text.secondary">{t('products')}</Typography>
                <Typography variant="h6">{f.number(v.products)}</Typography>
              </div>
              <div>
                <Typography variant="caption" color="text.secondary">{t('units')}</Typography>
                <Typography variant="h6">{f.number(v.units)}</Typography>
              </div>
              <div>
                <Typography variant="caption" color="text.secondary">{t('value')}</Typography>
                <Typography variant="h6">{f.money(v.value)}</Typography>
              </div>
            </Stack>
          )}
          {v && v.withoutPrice > 0 && (
            <Typography variant="body2" color="warning.main" sx={{ mt: 1 }}>
              {t('withoutPrice', { n: v.withoutPrice })}
            </Typography>
          )}
          {v && v.negative > 0 && (
            <Typography variant="body2" color="warning.main">
              {t('negative', { n: v.negative })}
            </Typography>
          )}
        </PreviewStatus>
      )}
    </ReportCard>
  );
}
