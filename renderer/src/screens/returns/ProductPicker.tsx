import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { api } from '../../api';
import { useT } from '../../i18n/i18n';
import { returnsMessages } from './returns.messages';

export interface PickedProduct {
  id: number;
  name: string;
  sku: string;
}

const labelOf = (p: PickedProduct) => `${p.name} (${p.sku})`;

/**
 * The product an Enter on `code` means: the one with exactly this EAN or SKU (the scanner's lookup,
 * as Pakowanie and Magazyn use it), else the only product the search finds, else none.
 */
async function productForCode(code: string): Promise<PickedProduct | null> {
  const exact = await api.call('stock.lookup', { code });
  const only = exact.product ? [exact.product] : (await api.call('stock.list', { search: code, limit: 2 })).rows;
  return only.length === 1 ? { id: only[0]!.id, name: only[0]!.name, sku: only[0]!.sku } : null;
}

/**
 * Which product a complaint is about, when no order names it: typed by name, SKU or EAN (or scanned),
 * found with the Stock screen's own search. The last answer wins; nothing is sent for empty text.
 *
 * A scanner types the EAN and presses Enter before the list has even been asked for, so Enter (with no
 * option chosen by arrow keys) looks the code up at once and picks the product it names (walker defect
 * 1: Enter picked nothing, Tab then wiped the field and the complaint was saved without its product).
 * Leaving the field keeps what was typed; text that picked nothing is marked and reported through
 * `onUnpicked`, so the form can refuse to save "no product" by accident.
 */
export function ProductPicker({
  value,
  onChange,
  label,
  onUnpicked,
}: {
  value: PickedProduct | null;
  onChange: (p: PickedProduct | null) => void;
  label: string;
  onUnpicked?: (unpicked: boolean) => void;
}) {
  const t = useT(returnsMessages);
  const [text, setText] = useState(value ? labelOf(value) : '');
  const [options, setOptions] = useState<PickedProduct[]>([]);
  const [focused, setFocused] = useState(false);
  const [missing, setMissing] = useState<string | null>(null);
  // An option reached with the arrow keys (and still shown highlighted) is the person's choice: Enter
  // takes it, as the list always did. A mouse merely resting on an option is not, nor one arrowed to
  // before more was typed.
  const arrowed = useRef(false);
  const current = useRef(text);
  current.current = text;
  const unpicked = text.trim() !== '' && !(value && text === labelOf(value));
  const report = useRef(onUnpicked);
  report.current = onUnpicked;
  useEffect(() => {
    report.current?.(unpicked);
  }, [unpicked]);
  useEffect(() => () => report.current?.(false), []);

  useEffect(() => {
    const search = text.trim();
    if (!search || (value && text === labelOf(value))) return;
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

  function pickTyped(event: KeyboardEvent) {
    if (event.key !== 'Enter') return;
    if (arrowed.current && (event.target as HTMLInputElement).getAttribute('aria-activedescendant')) return;
    // What the field holds now: a scanner's Enter may come before React has rendered its last digits.
    const typedNow = (event.target as HTMLInputElement).value;
    const code = typedNow.trim();
    if (!code || (value && typedNow === labelOf(value))) return;
    // No option chosen with the arrows: the typed or scanned code itself says which product.
    (event as KeyboardEvent & { defaultMuiPrevented?: boolean }).defaultMuiPrevented = true;
    event.preventDefault();
    productForCode(code).then(
      (picked) => {
        if (current.current.trim() !== code) return;
        if (!picked) {
          setMissing(code);
          return;
        }
        setMissing(null);
        setOptions([picked]);
        onChange(picked);
        setText(labelOf(picked));
      },
      () => setMissing(code),
    );
  }

  const helper = unpicked && !focused ? t('productPickerUnpicked') : unpicked && missing === text.trim() ? t('productPickerNoExact') : t('productPickerHint');
  return (
    <Autocomplete
      options={value && !options.some((o) => o.id === value.id) ? [value, ...options] : options}
      value={value}
      onChange={(_e, v) => onChange(v)}
      inputValue={text}
      onInputChange={(_e, v) => {
        arrowed.current = false;
        setText(v);
      }}
      onHighlightChange={(_e, option, reason) => (arrowed.current = option !== null && reason === 'keyboard')}
      onKeyDown={pickTyped}
      clearOnBlur={false}
      getOptionLabel={labelOf}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      filterOptions={(x) => x}
      noOptionsText={text.trim() ? t('productPickerNone') : t('productPickerHint')}
      renderInput={(params) => (
        <TextField
          {...params}
          label={label}
          onFocus={() => setFocused(true)}
          onBlur={() => setFocused(false)}
          error={unpicked && (!focused || missing === text.trim())}
          helperText={helper}
          slotProps={{ ...params.slotProps, formHelperText: { role: unpicked && !focused ? 'alert' : undefined } as object }}
        />
      )}
    />
  );
}
