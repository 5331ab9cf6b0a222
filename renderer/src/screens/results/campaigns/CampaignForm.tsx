import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import CloseIcon from '@mui/icons-material/Close';
import { useEffect, useState } from 'react';
import { api } from '../../../api';
import { DateField } from '../../../components/DateField';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useNotify } from '../../../components/notify';
import { useT } from '../../../i18n/i18n';
import { campaignsMessages } from './campaigns.messages';

interface Picked {
  id: number;
  name: string;
  sku: string;
}

/** "2", "1,5", "1.5" → 200, 150; null when it is not a multiple from 1 to 100 with at most two decimals. */
export function parseMultiple(text: string): number | null {
  const m = /^\s*(\d{1,3})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  const x100 = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return x100 >= 100 && x100 <= 10_000 ? x100 : null;
}

function parseUnits(text: string): number | null {
  const digits = text.replace(/[\s\u00a0]/g, '');
  if (!/^\d{1,7}$/.test(digits)) return null;
  const n = Number(digits);
  return n >= 1 && n <= 1_000_000 ? n : null;
}

/** The multiple the last finished campaign really brought (measured afterwards), offered for the next one. */
export interface LearntUplift {
  name: string;
  x100: number;
}

/** 135 → "1,35", 200 → "2" (the form's own way of writing a multiple). */
export function multipleText(x100: number): string {
  return (x100 / 100).toFixed(2).replace(/\.?0+$/, '').replace('.', ',');
}

/**
 * The newest finished campaign with a measured uplift; its multiple is the default for the next (at
 * least 1: a campaign that sold less than usual still suggests "as usual", the note says what it was).
 */
export function lastUplift(campaigns: Array<{ name: string; phase: string; startsAt: string; outcome: { measuredUpliftX100: number | null } | null }>): LearntUplift | null {
  const past = campaigns
    .filter((c) => c.phase === 'past' && c.outcome?.measuredUpliftX100 != null)
    .sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  const last = past[0];
  return last ? { name: last.name, x100: last.outcome!.measuredUpliftX100! } : null;
}

/** The campaign plan: name, whole days, products, and the expected sales as a multiple or in units. */
export function CampaignForm({ onClose, onSaved, learnt = null }: { onClose: () => void; onSaved: () => void; learnt?: LearntUplift | null }) {
  const t = useT(campaignsMessages);
  const notify = useNotify();
  const [name, setName] = useState('');
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [products, setProducts] = useState<Picked[]>([]);
  const [text, setText] = useState('');
  const [options, setOptions] = useState<Picked[]>([]);
  // Listed products, or a whole category: its products as they are at each check.
  const [scope, setScope] = useState<'products' | 'category'>('products');
  const [category, setCategory] = useState('');
  const [categories, setCategories] = useState<Array<{ category: string; products: number }>>([]);
  const [mode, setMode] = useState<'multiple' | 'units'>('multiple');
  const [multiple, setMultiple] = useState(learnt ? multipleText(Math.min(10_000, Math.max(100, learnt.x100))) : '2');
  const [units, setUnits] = useState('');
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    api.call('stock.categories', {}).then(setCategories, () => setCategories([]));
  }, []);

  useEffect(() => {
    const search = text.trim();
    if (!search) return;
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
  }, [text]);

  const x100 = parseMultiple(multiple);
  const perProduct = parseUnits(units);
  const problems = {
    name: name.trim() === '',
    dates: !from || !to || to < from,
    products: scope === 'products' && products.length === 0,
    category: scope === 'category' && category === '',
    multiple: mode === 'multiple' && x100 === null,
    units: mode === 'units' && perProduct === null,
  };
  const valid = !Object.values(problems).some(Boolean);

  async function save() {
    setTried(true);
    if (!valid) return;
    setSaving(true);
    setError(null);
    try {
      await api.call('planning.saveCampaign', {
        name: name.trim(),
        startsOn: from!,
        endsOn: to!,
        ...(scope === 'category' ? { category } : { productIds: products.map((p) => p.id) }),
        ...(mode === 'multiple' ? { upliftX100: x100! } : { unitsPerProduct: perProduct! }),
      });
      notify(t('saved', { name: name.trim() }));
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card variant="outlined" sx={{ mb: 2 }} data-testid="campaign-form">
      <CardContent>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 1 }}>
          <Typography variant="h6" component="h2">
            {t('formTitle')}
          </Typography>
          <IconButton aria-label={t('close')} onClick={onClose}>
            <CloseIcon />
          </IconButton>
        </Stack>
        <Stack spacing={2}>
          <TextField label={t('name')} value={name} onChange={(e) => setName(e.target.value)} error={tried && problems.name} helperText={tried && problems.name ? t('nameError') : ' '} size="small" />
          <Stack direction="row" spacing={2}>
            <DateField label={t('from')} value={from} onChange={setFrom} size="small" />
            <DateField label={t('to')} value={to} onChange={setTo} size="small" helperText={tried && problems.dates ? t('datesError') : undefined} />
          </Stack>
          <div>
            <Typography variant="body2" sx={{ mb: 0.5 }}>
              {t('scope')}
            </Typography>
            <RadioGroup row value={scope} onChange={(e) => setScope(e.target.value as 'products' | 'category')}>
              <FormControlLabel value="products" control={<Radio size="small" />} label={t('scopeProducts')} />
              <FormControlLabel value="category" control={<Radio size="small" />} label={t('scopeCategory')} disabled={categories.length === 0} />
            </RadioGroup>
            {categories.length === 0 && (
              <Typography variant="caption" color="text.secondary">
                {t('noCategories')}
              </Typography>
            )}
          </div>
          {scope === 'category' ? (
            <TextField
              select
              label={t('category')}
              value={category}
              onChange={(e) => setCategory(e.target.value)}
              size="small"
              error={tried && problems.category}
              helperText={tried && problems.category ? t('categoryError') : t('categoryHint')}
            >
              {categories.map((c) => (
                <MenuItem key={c.category} value={c.category} disabled={c.products === 0}>
                  {t('categoryOption', { category: c.category, count: c.products })}
                </MenuItem>
              ))}
            </TextField>
          ) : (
            <Autocomplete
              multiple
              options={options}
              value={products}
              onChange={(_e, v) => setProducts(v)}
              inputValue={text}
              onInputChange={(_e, v, reason) => reason !== 'reset' && setText(v)}
              getOptionLabel={(o) => `${o.name} (${o.sku})`}
              isOptionEqualToValue={(a, b) => a.id === b.id}
              filterOptions={(x) => x}
              noOptionsText={t('productsHint')}
              renderInput={(params) => (
                <TextField {...params} label={t('products')} size="small" error={tried && problems.products} helperText={tried && problems.products ? t('productsError') : t('productsHint')} />
              )}
            />
          )}
          <div>
            <Typography variant="body2" sx={{ mb: 0.5 }}>
              {t('expectBy')}
            </Typography>
            <RadioGroup row value={mode} onChange={(e) => setMode(e.target.value as 'multiple' | 'units')}>
              <FormControlLabel value="multiple" control={<Radio size="small" />} label={t('byMultiple')} />
              <FormControlLabel value="units" control={<Radio size="small" />} label={t('byUnits')} />
            </RadioGroup>
            {mode === 'multiple' ? (
              <TextField label={t('multiple')} value={multiple} onChange={(e) => setMultiple(e.target.value)} size="small" error={tried && problems.multiple} helperText={tried && problems.multiple ? t('multipleError') : learnt ? t('learnt', { name: learnt.name, x: multipleText(learnt.x100) }) : ' '} slotProps={{ htmlInput: { inputMode: 'decimal' } }} />
            ) : (
              <TextField label={t('units')} value={units} onChange={(e) => setUnits(e.target.value)} size="small" error={tried && problems.units} helperText={tried && problems.units ? t('unitsError') : ' '} slotProps={{ htmlInput: { inputMode: 'numeric' } }} />
            )}
          </div>
          <ErrorAlert error={error} />
          <Stack direction="row" spacing={1}>
            <Button variant="contained" onClick={() => void save()} disabled={saving}>
              {t('save')}
            </Button>
            <Button onClick={onClose}>{t('cancel')}</Button>
          </Stack>
        </Stack>
      </CardContent>
    </Card>
  );
}
