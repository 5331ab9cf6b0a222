import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import { useState } from 'react';
import { DateField } from '../../components/DateField';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/i18n';
import { periodContaining, type ResultsPeriodChoice, stepPeriod } from './results-period';
import { resultsMessages } from './results.messages';

/** Week / month / custom, arrows to step back and forth, the days shown. */
export function PeriodBar({ period, onChange }: { period: ResultsPeriodChoice; onChange: (p: ResultsPeriodChoice) => void }) {
  const t = useT(resultsMessages);
  const format = useFormat();
  const [draft, setDraft] = useState<{ from: string | null; to: string | null }>({ from: period.from, to: period.to });
  const dayText = (day: string) => format.date(`${day}T12:00:00Z`);
  const choose = (kind: ResultsPeriodChoice['kind'] | null) => {
    if (!kind || kind === period.kind) return;
    if (kind === 'custom') {
      setDraft({ from: period.from, to: period.to });
      onChange({ kind: 'custom', from: period.from, to: period.to });
    } else onChange(periodContaining(kind, period.kind === 'custom' ? period.to : period.from));
  };
  const typed = (next: { from: string | null; to: string | null }) => {
    setDraft(next);
    if (next.from && next.to && next.from <= next.to) onChange({ kind: 'custom', from: next.from, to: next.to });
  };
  const badOrder = draft.from && draft.to && draft.from > draft.to;
  return (
    <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1, mb: 2 }} data-testid="results-period">
      <ToggleButtonGroup size="small" exclusive value={period.kind} onChange={(_e, v: ResultsPeriodChoice['kind'] | null) => choose(v)} aria-label={t('periodKind')}>
        <ToggleButton value="week">{t('week')}</ToggleButton>
        <ToggleButton value="month">{t('month')}</ToggleButton>
        <ToggleButton value="custom">{t('custom')}</ToggleButton>
      </ToggleButtonGroup>
      <IconButton size="small" aria-label={t('previous')} onClick={() => onChange(stepPeriod(period, -1))}>
        <ChevronLeftIcon />
      </IconButton>
      {period.kind === 'custom' ? (
        <>
          <DateField size="small" label={t('from')} value={draft.from} onChange={(from) => typed({ ...draft, from })} sx={{ width: 170 }} />
          <DateField size="small" label={t('to')} value={draft.to} onChange={(to) => typed({ ...draft, to })} sx={{ width: 170 }} helperText={badOrder ? t('toBeforeFrom') : undefined} />
        </>
      ) : (
        <Typography variant="subtitle1" data-testid="results-period-range" sx={{ minWidth: 190, textAlign: 'center', fontWeight: 500 }}>
          {t('periodRange', { from: dayText(period.from), to: dayText(period.to) })}
        </Typography>
      )}
      <IconButton size="small" aria-label={t('next')} onClick={() => onChange(stepPeriod(period, 1))}>
        <ChevronRightIcon />
      </IconButton>
    </Stack>
  );
}
