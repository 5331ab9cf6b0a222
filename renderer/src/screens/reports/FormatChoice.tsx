import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/i18n';
import { reportsMessages } from './reports.messages';

export type ReportFormat = 'xlsx' | 'csv' | 'epp';

const LABEL = { xlsx: 'formatXlsx', csv: 'formatCsv', epp: 'formatEpp' } as const;

interface FormatChoiceProps<F extends ReportFormat> {
  /** Id of the group's label (`aria-labelledby`). */
  id: string;
  /** The formats this report can be saved in, in the order shown. */
  formats: readonly F[];
  value: F;
  onChange: (format: F) => void;
  /** Shown under the choices (e.g. which programs read the chosen format). */
  children?: ReactNode;
}

/** "Format pliku": the file formats a report can be saved in, as radio buttons in a row. */
export function FormatChoice<F extends ReportFormat>({ id, formats, value, onChange, children }: FormatChoiceProps<F>) {
  const t = useT(reportsMessages);
  return (
    <div>
      <FormLabel id={id}>{t('format')}</FormLabel>
      <RadioGroup row aria-labelledby={id} value={value} onChange={(e) => onChange(e.target.value as F)}>
        {formats.map((format) => (
          <FormControlLabel key={format} value={format} control={<Radio />} label={t(LABEL[format])} />
        ))}
      </RadioGroup>
      {children}
    </div>
  );
}
