import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { useT } from '../../i18n/i18n';
import { returnsMessages } from './returns.messages';

export interface PickedProduct {
  id: number;
  name: string;
  sku: string;
}

/**
 * Which product a complaint is about, when no order names it: typed by name, SKU or EAN (or scanned),
 * found with the Stock screen's own search. The last answer wins; nothing is sent for empty text.
 */
export function ProductPicker({ value, onChange, label }: { value: PickedProduct | null; onChange: (p: PickedProduct | null) => void; label: string }) {
  const t = useT(returnsMessages);
  const [text, setText] = useState('');
  const [options, setOptions] = useState<PickedProduct[]>([]);
  useEffect(() => {
    const search = text.trim();
    if (!search || (value && search === `${value.name} (${value.sku})`)) return;
    let stale = false;
    const timer = setTimeout(() => {
      api.call('stock.list', { search, limit: 20 }).then(
        (r) => !stale && setOptions(r.rows.map((p) => ({ id: p.id, name: p.name, sku: p.sku }))),
        () => !stale && setOptions([]),
      );
    }, 200);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [text, value]);
  return (
    <Autocomplete
      options={value && !options.some((o) => o.id === value.id) ? [value, ...options] : options}
      value={value}
      onChange={(_e, v) => onChange(v)}
      inputValue={text}
      onInputChange={(_e, v) => setText(v)}
      getOptionLabel={(o) => `${o.name} (${o.sku})`}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      filterOptions={(x) => x}
      noOptionsText={text.trim() ? t('productPickerNone') : t('productPickerHint')}
      renderInput={(params) => <TextField {...params} label={label} helperText={t('productPickerHint')} />}
    />
  );
}
