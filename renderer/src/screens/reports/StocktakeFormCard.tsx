import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { api } from '../../api';
import { DateField } from '../../components/DateField';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/i18n';
import { defaultValuationDate } from './report-dates';
import { ReportCard } from './ReportCard';
import { stockAccountsMessages } from './stock-accounts.messages';

const NO_PREVIEW = { error: null, reload: () => undefined };

/** The stocktake form (spis z natury) at the end of a day, saved as a PDF to print and sign. */
export function StocktakeFormCard() {
  const t = useT(stockAccountsMessages);
  const f = useFormat();
  // null while the typed text is not a whole valid day (then nothing is asked of the core).
  const [day, setDay] = useState<string | null>(defaultValuationDate);
  const date = day ?? '';
  const valid = date !== '';
  // What the last saved form held (the valuation card above already shows the day's totals).
  const [saved, setSaved] = useState<{ date: string; positions: number; value: number } | null>(null);
  return (
    <ReportCard
      id="stocktake-form"
      title={t('formTitle')}
      hint={t('formHint')}
      preview={NO_PREVIEW}
      canSave={valid}
      onSave={async () => {
        const result = await api.call('accounting.stocktakeForm', { date, action: 'pdf' });
        if (result.savedTo) setSaved({ date, positions: result.positions, value: result.value });
        return result;
      }}
      controls={<DateField label={t('formDate')} value={day} onChange={setDay} sx={{ width: 220 }} />}
    >
      {saved && saved.date === date && (
        <Typography variant="body2" data-testid="stocktake-form-summary">
          {t('formSummary', { positions: f.number(saved.positions), value: f.money(saved.value) })}
        </Typography>
      )}
    </ReportCard>
  );
}
