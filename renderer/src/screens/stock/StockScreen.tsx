import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControl from '@mui/material/FormControl';
import InputLabel from '@mui/material/InputLabel';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import LocalShippingIcon from '@mui/icons-material/LocalShipping';
import ShelvesIcon from '@mui/icons-material/Shelves';
import { useEffect, useRef, useState } from 'react';
import type { ProductRow, StockFilter, StockSortField } from '../../../../shared/contract/stock.contract';
import { api } from '../../api';
import { navigate, useRoute } from '../../app/navigation';
import { useRole } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SearchField } from '../../components/SearchField';
import { answerFor, pagerFor } from '../../components/server-paging';
import { beepError, beepOk } from '../../components/sound';
import { useDebouncedText } from '../../components/use-debounced-text';
import { useLiveQuery } from '../../components/use-live-query';
import { useSessionState } from '../../components/use-session-state';
import { useStableCallback } from '../../components/use-stable-grid';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/i18n';
import { CategoryFilter } from './CategoryFilter';
import { LocationsDialog } from './LocationsDialog';
import { ProductDetail } from './ProductDetail';
import { ProductTable } from './ProductTable';
import { ReceiveDialog } from './ReceiveDialog';
import { StocktakeDialog } from './StocktakeDialog';
import { stockMessages } from './stock.messages';

interface ListState {
  search: string;
  filter: StockFilter;
  locationId: number | null;
  /** Optional: a state kept from before the category filter has none. */
  category?: string | null;
  /** null: by name, or by relevance while searching (the core's default). */
  sort: { field: StockSortField; dir: 'asc' | 'desc' } | null;
  page: number;
  pageSize: number;
}

const NO_ROWS: ProductRow[] = [];

const INITIAL: ListState = { search: '', filter: 'all', locationId: null, sort: null, page: 0, pageSize: 50 };

/** A scanner types 8–14 digits and Enter: that is a barcode, not a search word. */
const looksScanned = (text: string) => /^\d{8,14}$/.test(text.trim());

/** Magazyn: the product table with search, filters and the stock operations. */
export default function StockScreen() {
  const t = useT(stockMessages);
  const format = useFormat();
  const role = useRole();
  const showCosts = role === 'owner';
  const route = useRoute();
  const [state, setState] = useSessionState<ListState>('stock.list', INITIAL);
  // What is typed shows at once; the list follows after a short pause (no query per keystroke).
  const [typed, setTyped] = useDebouncedText(state.search, (search) => setState((s) => ({ ...s, search, page: 0 })));
  const [scanMessage, setScanMessage] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'receive' | 'stocktake' | 'locations' | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => searchRef.current?.focus(), []);

  const list = useLiveQuery(
    () =>
      answerFor(
        state.page,
        state.pageSize,
        api.call('stock.list', {
          search: state.search || undefined,
          filter: state.filter,
          locationId: state.locationId ?? undefined,
          category: state.category ?? undefined,
          ...(state.sort ? { sort: state.sort } : {}),
          offset: state.page * state.pageSize,
          limit: state.pageSize,
        }),
      ),
    ['products', 'stock', 'all', 'imports'],
    [state.search, state.filter, state.locationId, state.category, state.sort?.field, state.sort?.dir, state.page, state.pageSize],
  );
  const locations = useLiveQuery(() => api.call('stock.locations', {}), ['stock', 'all', 'imports']);

  const openId = route.params[0];
  const open = (id: number | 'new') => navigate('stock', id);
  const closeDetail = () => {
    navigate('stock');
    searchRef.current?.focus();
  };

  async function onSearchEnter() {
    const code = typed.trim();
    if (!code) return;
    if (!looksScanned(code)) {
      setState((s) => ({ ...s, search: code, page: 0 }));
      return;
    }
    // A scanned EAN: jump straight to the product.
    const found = await api.call('stock.lookup', { code });
    if (found.product) {
      beepOk();
      setScanMessage(null);
      setTyped('');
      setState((s) => ({ ...s, search: '', page: 0 }));
      open(found.product.id);
    } else {
      beepError();
      setScanMessage(t('scanNotFound', { code }));
      setState((s) => ({ ...s, search: code, page: 0 }));
    }
  }

  // The table is a memo: what it gets keeps its identity while only the search text changes, so typing
  // does not redraw the page of rows (issue 16).
  const onPage = useStableCallback((page: number, pageSize: number) => setState((s) => ({ ...s, page: pageSize === s.pageSize ? page : 0, pageSize })));
  const onSort = useStableCallback((sort: ListState['sort']) => setState((s) => ({ ...s, sort, page: 0 })));
  const onOpen = useStableCallback((id: number) => open(id));

  const data = list.data;
  const total = data ? (data.totalExact ? t('totalExact', { n: format.number(data.total) }) : t('totalMore', { n: format.number(data.total) })) : '';
  return (
    // One screen high at 1366×768 like Zamówienia: title, search and actions on one line, the filters on
    // the next, the table takes the rest with its pager in view (issue 16).
    <Box sx={{ display: 'flex', flexDirection: 'column', height: { xs: 'auto', md: 'calc(100vh - 112px)' }, minHeight: 480 }}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' }, mb: 1.5 }}>
        <Box sx={{ flexShrink: 0, minWidth: 130 }}>
          <Typography variant="h5" component="h1" sx={{ fontWeight: 600, lineHeight: 1.2 }} title={t('subtitle')}>
            {t('title')}
          </Typography>
          <Typography variant="caption" color="text.secondary" component="div" data-testid="stock-total" sx={{ whiteSpace: 'nowrap' }}>
            {total || '\u00a0'}
          </Typography>
        </Box>
        <SearchField
          inputRef={searchRef}
          value={typed}
          onChange={(text) => {
            setTyped(text);
            setScanMessage(null);
          }}
          onEnter={onSearchEnter}
          label={t('searchLabel')}
          placeholder={t('searchPlaceholder')}
          message={scanMessage}
          dense
          sx={{ flex: 1, minWidth: 240 }}
        />
        <Stack direction="row" spacing={1} sx={{ flexShrink: 0 }}>
          <Button startIcon={<ShelvesIcon />} onClick={() => setDialog('locations')}>
            {t('locations')}
          </Button>
          <Button startIcon={<FactCheckIcon />} onClick={() => setDialog('stocktake')}>
            {t('stocktake')}
          </Button>
          <Button startIcon={<LocalShippingIcon />} onClick={() => setDialog('receive')}>
            {t('receive')}
          </Button>
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => open('new')}>
            {t('newProduct')}
          </Button>
        </Stack>
      </Stack>
      <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center', mb: 1 }}>
        <ToggleButtonGroup
          exclusive
          size="small"
          value={state.filter}
          onChange={(_e, value: StockFilter | null) => value && setState((s) => ({ ...s, filter: value, page: 0 }))}
          aria-label={t('filterAll')}
        >
          <ToggleButton value="all">{t('filterAll')}</ToggleButton>
          <ToggleButton value="low" title={t('filterLowHint')}>
            {t('filterLow')}
          </ToggleButton>
          <ToggleButton value="out">{t('filterOut')}</ToggleButton>
          <ToggleButton value="noLocation">{t('filterNoLocation')}</ToggleButton>
          <ToggleButton value="archived">{t('filterArchived')}</ToggleButton>
        </ToggleButtonGroup>
        <FormControl size="small" sx={{ minWidth: 160 }}>
          <InputLabel id="stock-location-filter">{t('locationFilter')}</InputLabel>
          <Select
            labelId="stock-location-filter"
            label={t('locationFilter')}
            value={state.locationId === null ? '' : String(state.locationId)}
            onChange={(e) => setState((s) => ({ ...s, locationId: e.target.value === '' ? null : Number(e.target.value), page: 0 }))}
          >
            <MenuItem value="">{t('anyLocation')}</MenuItem>
            {(locations.data ?? []).map((l) => (
              <MenuItem key={l.id} value={String(l.id)}>
                {l.code}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
        <CategoryFilter value={state.category ?? null} onChange={(category) => setState((s) => ({ ...s, category, page: 0 }))} />
      </Stack>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <ProductTable
        rows={data?.rows ?? NO_ROWS}
        {...pagerFor(data)}
        loading={list.loading}
        page={state.page}
        pageSize={state.pageSize}
        sort={state.sort}
        showCosts={showCosts}
        onPage={onPage}
        onSort={onSort}
        onOpen={onOpen}
      />
      {openId !== undefined && (
        <ProductDetail key={openId} productId={openId === 'new' ? 'new' : Number(openId)} locations={locations.data ?? []} onClose={closeDetail} onCreated={(id) => open(id)} />
      )}
      {dialog === 'receive' && <ReceiveDialog onClose={() => setDialog(null)} />}
      {dialog === 'stocktake' && <StocktakeDialog locations={locations.data ?? []} onClose={() => setDialog(null)} />}
      {dialog === 'locations' && <LocationsDialog locations={locations.data ?? []} onClose={() => setDialog(null)} onChanged={locations.reload} />}
    </Box>
  );
}
