import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useEffect, useState } from 'react';
import { COMPLAINT_DEMANDS, type ComplaintDemand, type ComplaintRow, type ReturnableOrder } from '../../../../shared/contract/returns.contract';
import { api } from '../../api';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { orderLabel, shortOrderNumber } from '../../components/order-number-text';
import { commonMessages } from '../../i18n/common.messages';
import { useT } from '../../i18n/i18n';
import { dayToInstant, todayInWarsaw } from './dates';
import { ProductPicker, type PickedProduct } from './ProductPicker';
import { returnsMessages } from './returns.messages';
import { clearDraft, useDraft } from './use-draft';

interface Draft {
  orderCode: string;
  productId: number | '';
  /** A product chosen by search when no order names it. */
  product?: PickedProduct | null;
  /** ISO day; null while what is typed is not a date. */
  receivedDay: string | null;
  description: string;
  demand: ComplaintDemand | '';
}

const DRAFT = 'complaint.new';

/** Registering a complaint. The order is optional (found by number or slip barcode); the draft survives closing the dialog. */
export function ComplaintDialog({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: (saved: ComplaintRow) => void }) {
  const t = useT(returnsMessages);
  const c = useT(commonMessages);
  const [draft, setDraft] = useDraft<Draft>(DRAFT, () => ({ orderCode: '', productId: '', receivedDay: todayInWarsaw(), description: '', demand: '' }));
  const [order, setOrder] = useState<ReturnableOrder | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // Text typed into "Którego towaru dotyczy" that picked nothing: saving would quietly drop the product.
  const [productUnpicked, setProductUnpicked] = useState(false);

  // Find the order as its number is typed or scanned (the last answer wins).
  useEffect(() => {
    const code = draft.orderCode.trim();
    if (!code) {
      setOrder(null);
      return;
    }
    let stale = false;
    api.call('returns.findOrder', { code }).then(
      (r) => !stale && setOrder(r.order),
      () => !stale && setOrder(null),
    );
    return () => {
      stale = true;
    };
  }, [draft.orderCode]);

  const products = (order?.lines ?? []).filter((l) => l.productId !== null);
  const valid = draft.description.trim().length >= 3 && Boolean(draft.receivedDay) && (draft.orderCode.trim() === '' || order !== null) && !(products.length === 0 && productUnpicked);
  async function save() {
    setBusy(true);
    setError(null);
    try {
      const receivedAt = dayToInstant(draft.receivedDay ?? '');
      const productId = products.length > 0 ? draft.productId : (draft.product?.id ?? '');
      const saved = await api.call('complaints.register', {
        description: draft.description.trim(),
        ...(order ? { orderId: order.id } : {}),
        ...(productId !== '' ? { productId } : {}),
        ...(receivedAt ? { receivedAt } : {}),
        ...(draft.demand ? { demand: draft.demand } : {}),
      });
      clearDraft(DRAFT);
      setDraft({ orderCode: '', productId: '', product: null, receivedDay: todayInWarsaw(), description: '', demand: '' });
      onSaved(saved);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} aria-labelledby="complaint-title" maxWidth="sm" fullWidth>
      <DialogTitle id="complaint-title">{t('complaintTitle')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <TextField
            autoFocus
            label={t('complaintOrder')}
            value={draft.orderCode}
            onChange={(e) => setDraft((d) => ({ ...d, orderCode: e.target.value, productId: '' }))}
            error={draft.orderCode.trim() !== '' && order === null}
            helperText={order ? t('complaintOrderFound', { number: shortOrderNumber(order.number), buyer: orderLabel(order) }) : draft.orderCode.trim() ? t('findNone', { code: draft.orderCode.trim() }) : ' '}
          />
          {products.length > 0 && (
            <TextField select label={t('complaintProduct')} value={draft.productId} onChange={(e) => setDraft((d) => ({ ...d, productId: e.target.value === '' ? '' : Number(e.target.value) }))}>
              <MenuItem value="">{t('complaintProductNone')}</MenuItem>
              {products.map((l) => (
                <MenuItem key={l.orderLineId} value={l.productId!}>
                  {l.name}
                </MenuItem>
              ))}
            </TextField>
          )}
          {products.length === 0 && <ProductPicker label={t('complaintProduct')} value={draft.product ?? null} onChange={(product) => setDraft((d) => ({ ...d, product }))} onUnpicked={setProductUnpicked} />}
          <DateField label={t('complaintReceived')} value={draft.receivedDay} onChange={(receivedDay) => setDraft((d) => ({ ...d, receivedDay }))} helperText={t('complaintReceivedHint')} max={todayInWarsaw()} />
          <TextField label={t('complaintDescription')} multiline minRows={3} value={draft.description} onChange={(e) => setDraft((d) => ({ ...d, description: e.target.value }))} slotProps={{ htmlInput: { maxLength: 5000 } }} />
          <TextField select label={t('complaintDemand')} value={draft.demand} onChange={(e) => setDraft((d) => ({ ...d, demand: e.target.value as ComplaintDemand | '' }))}>
            <MenuItem value="">—</MenuItem>
            {COMPLAINT_DEMANDS.map((d) => (
              <MenuItem key={d} value={d}>
                {t(`demand_${d}`)}
              </MenuItem>
            ))}
          </TextField>
          <ErrorAlert error={error} onClose={() => setError(null)} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {c('cancel')}
        </Button>
        <Button variant="contained" disabled={!valid || busy} onClick={() => void save()}>
          {t('complaintSave')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
