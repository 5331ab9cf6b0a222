import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import Drawer from '@mui/material/Drawer';
import FormControlLabel from '@mui/material/FormControlLabel';
import Grid from '@mui/material/Grid';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import type { LocationRow, ProductDetail as ProductDetailData } from '../../../../shared/contract/stock.contract';
import { GTU_CODES } from '../../../../shared/domain/gtu';
import { VAT_RATES, type VatRate } from '../../../../shared/domain/vat';
import { api, ApiError } from '../../api';
import { useRole } from '../../app/session';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DrawerHeader } from '../../components/DrawerHeader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { inputIssueTexts } from '../../components/error-text';
import { useNotify } from '../../components/notify';
import { PlainTable } from '../../components/PlainTable';
import { useLiveQuery } from '../../components/use-live-query';
import { clearSessionState, useSessionState } from '../../components/use-session-state';
import { useFormat } from '../../i18n/format';
import { useLanguage, useT } from '../../i18n/i18n';
import { type DraftErrors, type DraftField, draftToFields, emptyDraft, type MessageKey, type ProductDraft, sameDraft, toDraft, validateDraft } from './product-form';
import { ProductHistory } from './ProductHistory';
import { AdjustDialog, MoveDialog } from './StockOpsDialogs';
import { stockMessages } from './stock.messages';

interface ProductDetailProps {
  productId: number | 'new';
  locations: LocationRow[];
  onClose: () => void;
  onCreated: (id: number) => void;
}

type TabId = 'details' | 'history' | 'offers';

/**
 * One product: editable fields with validation, its movements and its Allegro offers. What is typed is
 * kept while switching tabs and even when leaving the screen (session draft); closing with unsaved
 * changes asks first.
 */
export function ProductDetail({ productId, locations, onClose, onCreated }: ProductDetailProps) {
  const t = useT(stockMessages);
  const format = useFormat();
  const role = useRole();
  const notify = useNotify();
  const showCosts = role === 'owner';
  const isNew = productId === 'new';
  const detail = useLiveQuery<ProductDetailData | null>(() => (isNew ? Promise.resolve(null) : api.call('stock.get', { id: productId })), ['products', 'stock'], [productId]);
  // The shop's categories, offered while typing so "Karmy" is not typed a second time as "karmy ".
  const categories = useLiveQuery(() => api.call('stock.categories', {}), ['products'], []);
  const base = useMemo(() => (detail.data ? toDraft(detail.data.product) : emptyDraft()), [detail.data]);
  const draftKey = `stock.draft.${productId}`;
  const [draft, setDraft] = useSessionState<ProductDraft | null>(draftKey, null);
  const current = draft ?? base;
  const dirty = draft !== null && !sameDraft(draft, base);
  const [tab, setTab] = useState<TabId>('details');
  const [errors, setErrors] = useState<DraftErrors>({});
  // The core's own sentence per field when it refused a value the form let through (a 5,000-character name,
  // a price above 1 000 000 zł): shown under that field, in the person's language.
  const [refused, setRefused] = useState<Partial<Record<DraftField, string>>>({});
  const { lang } = useLanguage();
  const [saveError, setSaveError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [confirmClose, setConfirmClose] = useState(false);
  const [op, setOp] = useState<'adjust' | 'move' | null>(null);

  // A restored draft is announced once, so nobody wonders why the fields differ from the table.
  useEffect(() => {
    if (draft !== null && !isNew) notify(t('unsavedKept'), 'info');
  }, []);

  const set = <K extends DraftField>(field: K, value: ProductDraft[K]) => {
    setDraft({ ...current, [field]: value });
    if (errors[field]) setErrors({ ...errors, [field]: undefined });
    if (refused[field]) setRefused({ ...refused, [field]: undefined });
  };

  function requestClose() {
    if (dirty) setConfirmClose(true);
    else {
      clearSessionState(draftKey);
      onClose();
    }
  }

  function discard() {
    setConfirmClose(false);
    setDraft(null);
    clearSessionState(draftKey);
    onClose();
  }

  async function save(event?: FormEvent) {
    event?.preventDefault();
    const found = validateDraft(current);
    setErrors(found);
    setRefused({});
    setSaveError(null);
    if (Object.keys(found).length > 0) {
      setTab('details');
      return;
    }
    setSaving(true);
    try {
      const fields = draftToFields(current, showCosts);
      if (!showCosts) {
        // The helper cannot change prices: send the stored one back unchanged.
        fields.salePriceGrosze = detail.data?.product.salePriceGrosze ?? null;
      }
      if (isNew) {
        const created = await api.call('stock.createProduct', { ...fields, sku: fields.sku!, name: fields.name! });
        clearSessionState(draftKey);
        setDraft(null);
        notify(t('created'));
        onCreated(created.product.id);
      } else {
        await api.call('stock.updateProduct', { id: productId, expectedUpdatedAt: detail.data?.product.updatedAt, ...fields });
        setDraft(null);
        clearSessionState(draftKey);
        notify(t('saved'));
        detail.reload();
      }
    } catch (error) {
      if (error instanceof ApiError && error.code === 'conflict') {
        const field = (error.details as { field?: string } | undefined)?.field;
        if (field === 'sku') return setErrors({ sku: 'errSkuTaken' });
        if (field === 'ean') return setErrors({ ean: 'errEanTaken' });
      }
      if (error instanceof ApiError && error.code === 'invalid_input' && Array.isArray(error.details)) {
        const byPath: DraftErrors = {};
        for (const issue of error.details as Array<{ path: string }>) {
          if (issue.path === 'ean') byPath.ean = 'errEanCheck';
        }
        setErrors(byPath);
        const texts = inputIssueTexts(error, lang);
        const fieldOf: Record<string, DraftField> = { sku: 'sku', name: 'name', unit: 'unit', reorderPoint: 'reorderPoint', leadTimeDays: 'leadTimeDays', category: 'category', salePriceGrosze: 'salePrice', purchasePriceGrosze: 'purchasePrice' };
        setRefused(Object.fromEntries(Object.entries(texts).flatMap(([path, text]) => (fieldOf[path] ? [[fieldOf[path], text]] : []))));
        setTab('details');
      }
      setSaveError(error);
    } finally {
      setSaving(false);
    }
  }

  const product = detail.data?.product;
  const field = (name: DraftField, label: string, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField
      label={label}
      value={current[name] as string}
      onChange={(e) => set(name, e.target.value as never)}
      error={Boolean(errors[name] || refused[name])}
      helperText={errors[name] ? t(errors[name]!) : (refused[name] ?? ' ')}
      fullWidth
      size="small"
      slotProps={{ htmlInput: { 'aria-label': label } }}
      {...extra}
    />
  );
  const conflictOutdated = saveError instanceof ApiError && saveError.code === 'conflict' && (saveError.details as { field?: string } | undefined)?.field === 'updatedAt';

  return (
    <Drawer anchor="right" open onClose={requestClose} slotProps={{ paper: { sx: { width: { xs: '100%', md: 760 } } } }}>
      <Box component="form" onSubmit={save} sx={{ p: 3 }} aria-label={isNew ? t('newProduct') : product?.name}>
        <DrawerHeader
          title={isNew ? t('newProduct') : (product?.name ?? '…')}
          subtitle={product && `${product.sku} · ${t('onHandSummary', { onHand: product.onHand, reserved: product.reserved, available: product.available })}`}
          onClose={requestClose}
          sx={{ mb: 1 }}
        />
        <ErrorAlert error={detail.error} onRetry={detail.reload} />
        {!isNew && (
          <Tabs value={tab} onChange={(_e, v: TabId) => setTab(v)} sx={{ mb: 2 }}>
            <Tab value="details" label={dirty ? `${t('tabDetails')} •` : t('tabDetails')} />
            <Tab value="history" label={t('tabHistory')} />
            <Tab value="offers" label={t('tabOffers')} />
          </Tabs>
        )}
        {tab === 'details' && (
          <>
            {conflictOutdated ? (
              <Alert severity="warning" sx={{ mb: 2 }} action={<Button onClick={() => detail.reload()}>{t('close')}</Button>}>
                {t('errChangedMeanwhile')}
              </Alert>
            ) : (
              <ErrorAlert error={errors.sku || errors.ean ? null : saveError} onClose={() => setSaveError(null)} />
            )}
            <Grid container spacing={2} sx={{ mt: 1 }}>
              <Grid size={{ xs: 12, sm: 4 }}>{field('sku', t('fieldSku'), { autoFocus: isNew, required: true })}</Grid>
              <Grid size={{ xs: 12, sm: 8 }}>{field('name', t('fieldName'), { required: true })}</Grid>
              <Grid size={{ xs: 12, sm: 6 }}>
                <Autocomplete
                  freeSolo
                  options={(categories.data ?? []).map((c) => c.category)}
                  inputValue={current.category ?? ''}
                  onInputChange={(_e, value) => set('category', value)}
                  renderInput={(params) => (
                    <TextField
                      {...params}
                      label={t('fieldCategory')}
                      size="small"
                      error={Boolean(errors.category || refused.category)}
                      helperText={errors.category ? t(errors.category) : (refused.category ?? t('categoryHint'))}
                    />
                  )}
                />
              </Grid>
              <Grid size={{ xs: 12, sm: 6 }}>{field('ean', t('fieldEan'), { slotProps: { htmlInput: { 'aria-label': t('fieldEan'), inputMode: 'numeric' } } })}</Grid>
              <Grid size={{ xs: 6, sm: 3 }}>{field('unit', t('fieldUnit'))}</Grid>
              <Grid size={{ xs: 6, sm: 3 }}>
                {field('vatRate', t('fieldVat'), {
                  select: true,
                  children: VAT_RATES.map((rate: VatRate) => (
                    <MenuItem key={rate} value={rate}>
                      {rate === 'zw' ? t('vatExempt') : rate === 'np' ? t('vatNotSubject') : `${rate}%`}
                    </MenuItem>
                  )),
                })}
              </Grid>
              <Grid size={{ xs: 12, sm: 6 }}>
                {field('locationId', t('fieldLocation'), {
                  select: true,
                  children: [
                    <MenuItem key="" value="">
                      {t('noLocation')}
                    </MenuItem>,
                    ...locations.map((l) => (
                      <MenuItem key={l.id} value={String(l.id)}>
                        {l.code}
                        {l.name ? ` — ${l.name}` : ''}
                      </MenuItem>
                    )),
                  ],
                })}
              </Grid>
              <Grid size={{ xs: 6, sm: 6 }}>{field('reorderPoint', t('fieldReorderPoint'), { slotProps: { htmlInput: { 'aria-label': t('fieldReorderPoint'), inputMode: 'numeric' } } })}</Grid>
              <Grid size={{ xs: 6, sm: 6 }}>{field('leadTimeDays', t('fieldLeadTime'), { slotProps: { htmlInput: { 'aria-label': t('fieldLeadTime'), inputMode: 'numeric' } } })}</Grid>
              <Grid size={{ xs: 12, sm: 6 }}>
                {field('salePrice', t('fieldSalePrice'), { disabled: !showCosts, slotProps: { htmlInput: { 'aria-label': t('fieldSalePrice'), inputMode: 'decimal' } } })}
              </Grid>
              <Grid size={{ xs: 12, sm: 6 }}>
                {showCosts ? (
                  field('purchasePrice', t('fieldPurchasePrice'), { slotProps: { htmlInput: { 'aria-label': t('fieldPurchasePrice'), inputMode: 'decimal' } } })
                ) : (
                  <Typography variant="body2" color="text.secondary" sx={{ pt: 1 }} data-testid="prices-hidden">
                    {t('pricesHidden')}
                  </Typography>
                )}
              </Grid>
              <Grid size={{ xs: 12, sm: 6 }}>
                {field('gtu', t('fieldGtu'), {
                  select: true,
                  // "None" is the usual answer: shown as such, not as an empty box.
                  slotProps: { htmlInput: { 'aria-label': t('fieldGtu') }, select: { displayEmpty: true }, inputLabel: { shrink: true } },
                  children: [
                    <MenuItem key="" value="">
                      {t('gtuNone')}
                    </MenuItem>,
                    ...GTU_CODES.map((code) => (
                      <MenuItem key={code} value={code}>
                        {t(`gtu${code.slice(4)}` as MessageKey)}
                      </MenuItem>
                    )),
                  ],
                })}
              </Grid>
              <Grid size={{ xs: 12, sm: 6 }}>
                <FormControlLabel control={<Checkbox checked={current.splitPayment} onChange={(e) => set('splitPayment', e.target.checked)} />} label={t('fieldSplitPayment')} />
              </Grid>
              <Grid size={12}>
                <FormControlLabel control={<Checkbox checked={current.allowBackorder} onChange={(e) => set('allowBackorder', e.target.checked)} />} label={t('fieldAllowBackorder')} />
                <FormControlLabel control={<Checkbox checked={current.archived} onChange={(e) => set('archived', e.target.checked)} />} label={t('fieldArchived')} />
              </Grid>
            </Grid>
            {detail.data && detail.data.byLocation.length > 0 && (
              <Box sx={{ mt: 1 }}>
                <Typography variant="subtitle2">{t('byLocation')}</Typography>
                <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', mt: 0.5 }}>
                  {detail.data.byLocation.map((l) => (
                    <Chip key={String(l.locationId)} label={`${l.locationCode ?? t('unplaced')}: ${format.number(l.quantity)}`} size="small" />
                  ))}
                </Stack>
              </Box>
            )}
            <Stack direction="row" spacing={1} sx={{ mt: 3, justifyContent: 'space-between' }}>
              <Stack direction="row" spacing={1}>
                {!isNew && (
                  <>
                    <Button onClick={() => setOp('adjust')}>{t('adjust')}</Button>
                    <Button onClick={() => setOp('move')}>{t('move')}</Button>
                  </>
                )}
              </Stack>
              <Stack direction="row" spacing={1}>
                {dirty && (
                  <Button color="inherit" onClick={() => setConfirmClose(true)}>
                    {t('discard')}
                  </Button>
                )}
                <Button type="submit" variant="contained" disabled={saving || (!dirty && !isNew)}>
                  {isNew ? t('create') : t('save')}
                </Button>
              </Stack>
            </Stack>
          </>
        )}
        {tab === 'history' && product && <ProductHistory productId={product.id} showCosts={showCosts} />}
        {tab === 'offers' && detail.data && <OffersList offers={detail.data.offers} />}
      </Box>
      <ConfirmDialog open={confirmClose} title={t('unsavedTitle')} confirmLabel={t('discard')} destructive onConfirm={discard} onCancel={() => setConfirmClose(false)}>
        {t('unsavedText')}
      </ConfirmDialog>
      {op === 'adjust' && product && <AdjustDialog product={product} onClose={() => setOp(null)} />}
      {op === 'move' && product && <MoveDialog product={product} locations={locations} onClose={() => setOp(null)} />}
    </Drawer>
  );
}

/** Allegro's offer statuses, said in words (an unknown one is shown as it comes). */
const OFFER_STATUSES: ReadonlySet<string> = new Set(['ACTIVE', 'INACTIVE', 'ACTIVATING', 'ENDED']);

function OffersList({ offers }: { offers: ProductDetailData['offers'] }) {
  const t = useT(stockMessages);
  const format = useFormat();
  if (offers.length === 0) return <Typography color="text.secondary">{t('offersEmpty')}</Typography>;
  return (
    <PlainTable density="regular" columns={[t('offerTitle'), t('offerId'), t('offerPrice'), t('offerStock'), t('offerStatus')]}>
      {offers.map((o) => (
        <tr key={o.id}>
          <td>{o.title ?? '—'}</td>
          <td>{o.allegroOfferId}</td>
          <td>{o.priceGrosze === null ? '—' : format.money(o.priceGrosze, o.currency)}</td>
          <td>{o.stockQuantity === null ? '—' : format.number(o.stockQuantity)}</td>
          <td>{o.status === null ? '—' : OFFER_STATUSES.has(o.status) ? t(`offerStatus_${o.status as 'ACTIVE'}`) : o.status}</td>
        </tr>
      ))}
    </PlainTable>
  );
}
