import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { api } from '../../api';
import { DateField } from '../../components/DateField';
import { useLiveQuery } from '../../components/use-live-query';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/i18n';
import { defaultValuationDate } from './report-dates';
import { ReportCard } from './ReportCard';
import { stockAccountsMessages } from './stock-accounts.messages';

/** The stocktake form (spis z natury) at the end of a day, saved as a PDF to print and sign. */
export function StocktakeFormCard() {
  const t = useT(stockAccountsMessages);
  const f = useFormat();
  // null while the typed text is not a whole valid day (then nothing is asked of the core).
  const [day, setDay] = useState<string | null>(defaultValuationDate);
  const date = day ?? '';
  const valid = date !== '';
  const preview = useLiveQuery(() => (valid ? api.call('export.stockValuationPreview', { date }) : Promise.resolve(undefined)), ['stock'], [date, valid]);
  const v = valid ? preview.data : undefined;
  return (
    <ReportCard
      id="stocktake-form"
      title={t('formTitle')}
      hint={t('formHint')}
      preview={preview}
      canSave={valid && v !== undefined}
      onSave={() => api.call('accounting.stocktakeForm', { date, action: 'pdf' })}
      controls={<DateField label={t('formDate')} value={day} onChange={setDay} sx={{ width: 220 }} />}
    >
      {v && (
        <Typography variant="body2" data-testid="stocktake-form-summary">
          {t('formSummary', { products: f.number(v.products), value: f.money(v.value) })}
        </Typography>
      )}
    </ReportCard>
  );
}
