import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notify';
import { useLiveQuery } from '../../components/use-live-query';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/i18n';
import { dayInputText, defaultValuationDate, parseDayInput } from './report-dates';
import { reportsMessages } from './reports.messages';

/** Stock valuation at the end of a day: totals on screen, the list as CSV or XLSX. */
export function StockValuationCard() {
  const t = useT(reportsMessages);
  const f = useFormat();
  const notify = useNotify();
  const [text, setText] = useState(() => dayInputText(defaultValuationDate()));
  const date = parseDayInput(text) ?? '';
  const [format, setFormat] = useState<'csv' | 'xlsx'>('xlsx');
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const valid = date !== '';
  const preview = useLiveQuery(() => (valid ? api.call('export.stockValuationPreview', { date }) : Promise.resolve(undefined)), ['stock'], [date, valid]);
  const v = valid ? preview.data : undefined;

  async function save() {
    setSaving(true);
    setSaveError(null);
    try {
      const result = await api.call('export.stockValuation', { date, format });
      if (result.savedTo) notify(t('savedTo', { file: result.savedTo }));
      else notify(t('saveCancelled'), 'info');
    } catch (error) {
      setSaveError(error);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card variant="outlined" component="section" aria-labelledby="valuation-title">
      <CardContent>
        <Typography id="valuation-title" variant="h6" component="h2">
          {t('valuationTitle')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {t('valuationHint')}
        </Typography>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={3} sx={{ mb: 2 }}>
          {/* Typed as dd.mm.rrrr: the browser's date input shows the system's language and format. */}
          <TextField
            label={t('date')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            error={!valid}
            helperText={valid ? t('dateHint') : t('dateInvalid')}
            slotProps={{ htmlInput: { 'data-testid': 'valuation-date', inputMode: 'numeric' } }}
            sx={{ width: 220 }}
          />
          <div>
            <FormLabel id="valuation-format">{t('format')}</FormLabel>
            <RadioGroup row aria-labelledby="valuation-format" value={format} onChange={(e) => setFormat(e.target.value as 'csv' | 'xlsx')}>
              <FormControlLabel value="xlsx" control={<Radio />} label={t('formatXlsx')} />
              <FormControlLabel value="csv" control={<Radio />} label={t('formatCsv')} />
            </RadioGroup>
          </div>
        </Stack>
        <ErrorAlert error={preview.error} onRetry={preview.reload} />
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
        <ErrorAlert error={saveError} onClose={() => setSaveError(null)} />
        <Stack direction="row" sx={{ mt: 2 }}>
          <Button variant="contained" onClick={save} disabled={!valid || saving || !v}>
            {saving ? t('saving') : t('save')}
          </Button>
        </Stack>
      </CardContent>
    </Card>
  );
}
