import FormControl from '@mui/material/FormControl';
import InputLabel from '@mui/material/InputLabel';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import { api } from '../../api';
import { useLiveQuery } from '../../components/use-live-query';
import { useT } from '../../i18n/i18n';
import { stockMessages } from './stock.messages';

interface CategoryFilterProps {
  /** null: all categories. */
  value: string | null;
  onChange: (category: string | null) => void;
}

/**
 * Magazyn's "Kategoria" filter (issue 17): the categories the products carry, from stock.categories.
 * Hidden while the shop has none, so a shop that never used categories sees no empty control.
 */
export function CategoryFilter({ value, onChange }: CategoryFilterProps) {
  const t = useT(stockMessages);
  const categories = useLiveQuery(() => api.call('stock.categories', {}), ['products', 'stock', 'all', 'imports'], []);
  const list = categories.data ?? [];
  if (list.length === 0 && value === null) return null;
  // A chosen category that no product carries any more stays selectable, so the filter can be cleared.
  const names = list.map((c) => c.category);
  if (value !== null && !names.includes(value)) names.push(value);
  return (
    <FormControl size="small" sx={{ minWidth: 180 }}>
      <InputLabel id="stock-category-filter">{t('categoryFilter')}</InputLabel>
      <Select
        labelId="stock-category-filter"
        label={t('categoryFilter')}
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
      >
        <MenuItem value="">{t('anyCategory')}</MenuItem>
        {names.map((name) => (
          <MenuItem key={name} value={name}>
            {name}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}
