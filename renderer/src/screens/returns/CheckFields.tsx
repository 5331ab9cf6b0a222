import FormControl from '@mui/material/FormControl';
import FormHelperText from '@mui/material/FormHelperText';
import InputLabel from '@mui/material/InputLabel';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import Stack from '@mui/material/Stack';
import { useId } from 'react';
import { RETURN_CONDITIONS, RETURN_DECISIONS, type ReturnCondition, type ReturnDecision } from '../../../../shared/contract/returns.contract';
import type { LocationRow } from '../../../../shared/contract/stock.contract';
import { useT } from '../../i18n/i18n';
import { returnsMessages } from './returns.messages';

export interface CheckValue {
  condition: ReturnCondition | '';
  decision: ReturnDecision | '';
  /** '' = the product's home shelf. */
  locationId: number | '';
}

interface Props {
  value: CheckValue;
  onChange: (next: CheckValue) => void;
  locations: LocationRow[];
  errors?: Partial<Record<'condition' | 'decision' | 'locationId', string>>;
}

function Choice<V extends string | number>({ label, value, options, onChange, error }: { label: string; value: V | ''; options: Array<{ value: V | ''; label: string }>; onChange: (v: V | '') => void; error: string | undefined }) {
  const id = useId();
  return (
    <FormControl size="small" sx={{ minWidth: 190 }} error={Boolean(error)}>
      <InputLabel id={id}>{label}</InputLabel>
      <Select labelId={id} label={label} value={value} onChange={(e) => onChange(e.target.value as V | '')}>
        {options.map((o) => (
          <MenuItem key={String(o.value)} value={o.value}>
            {o.label}
          </MenuItem>
        ))}
      </Select>
      {error && <FormHelperText>{error}</FormHelperText>}
    </FormControl>
  );
}

/** Condition, decision and (for back-to-stock) the shelf of one returned line. */
export function CheckFields({ value, onChange, locations, errors }: Props) {
  const t = useT(returnsMessages);
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
      <Choice<ReturnCondition>
        label={t('condition')}
        value={value.condition}
        error={errors?.condition}
        options={RETURN_CONDITIONS.map((c) => ({ value: c, label: t(`condition_${c}`) }))}
        onChange={(condition) => onChange({ ...value, condition })}
      />
      <Choice<ReturnDecision>
        label={t('decision')}
        value={value.decision}
        error={errors?.decision}
        options={RETURN_DECISIONS.map((d) => ({ value: d, label: t(`decision_${d}`) }))}
        onChange={(decision) => onChange({ ...value, decision })}
      />
      {value.decision === 'restock' && (
        <Choice<number>
          label={t('location')}
            value={value.locationId}
          error={errors?.locationId}
          options={[{ value: '', label: t('homeShelf') }, ...locations.map((l) => ({ value: l.id, label: l.code }))]}
          onChange={(locationId) => onChange({ ...value, locationId })}
        />
      )}
    </Stack>
  );
}
