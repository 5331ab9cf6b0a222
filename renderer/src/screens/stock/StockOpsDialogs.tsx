import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Alert from '@mui/material/Alert';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { type FormEvent, useState } from 'react';
import type { LocationRow, ProductRow } from '../../../../shared/contract/stock.contract';
import { MAX_UNITS } from '../../../../shared/contract/fields';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notify';
import { beepError, beepOk } from '../../components/sound';
import { useScanGuard, withoutScan } from '../../components/use-scan-guard';
import { useT } from '../../i18n/i18n';
import { oneProductScan, shelfOf } from './one-product-scan';
import { stockMessages } from './stock.messages';

/** What the dialog says about the last scan that landed in it (above its fields). */
function ScanNote({ note, onClose }: { note: { kind: 'info' | 'warning'; text: string } | null; onClose: () => void }) {
  if (!note) return null;
  return (
    <Alert severity={note.kind} role="status" onClose={onClose} sx={{ mb: 1 }}>
      {note.text}
    </Alert>
  );
}
type Note = { kind: 'info' | 'warning'; text: string } | null;

/** Manual correction of on-hand: a signed change and a required reason. */
export function AdjustDialog({ product, onClose }: { product: ProductRow; onClose: () => void }) {
  const t = useT(stockMessages);
  const notify = useNotify();
  const [quantity, setQuantity] = useState('');
  const [reason, setReason] = useState('');
  const [document, setDocument] = useState('');
  const [errors, setErrors] = useState<{ quantity?: string; reason?: string }>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Note>(null);

  // A scanner types wherever the cursor is: its code is taken back out of the change or the reason (what
  // the person typed stays) and its Enter saves nothing; the dialog says what was scanned. Into the
  // document number a code that is no product's stays: that is a scanned delivery note or invoice.
  useScanGuard(true, (code, target) => {
    const name = target instanceof HTMLInputElement ? target.name : '';
    void oneProductScan(code, product, t).then(({ product: scanned, text }) => {
      if (name === 'document' && !scanned) {
        beepOk();
        setNote({ kind: 'info', text: t('scanKeptAsDocument', { code }) });
        return;
      }
      beepError();
      if (name === 'quantity') setQuantity((v) => withoutScan(v, code));
      if (name === 'reason') setReason((v) => withoutScan(v, code));
      if (name === 'document') setDocument((v) => withoutScan(v, code));
      setNote({ kind: 'warning', text });
    });
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const q = quantity.trim().replace('−', '-');
    const found: typeof errors = {};
    if (!/^[-+]?\d{1,9}$/.test(q) || Number(q) === 0 || Math.abs(Number(q)) > MAX_UNITS) found.quantity = t('errNonZero');
    if (!reason.trim()) found.reason = t('errRequired');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await api.call('stock.adjust', { productId: product.id, quantity: Number(q), reason: reason.trim(), ...(document.trim() ? { document: document.trim() } : {}) });
      notify(t('adjustDone'));
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open onClose={onClose} maxWidth="xs" fullWidth>
      <form onSubmit={submit}>
        <DialogTitle>{t('adjustTitle', { name: product.name })}</DialogTitle>
        <DialogContent>
          <ErrorAlert error={error} />
          <ScanNote note={note} onClose={() => setNote(null)} />
          <Stack spacing={2} sx={{ mt: 1 }}>
            <TextField autoFocus name="quantity" label={t('adjustQuantity')} value={quantity} onChange={(e) => setQuantity(e.target.value)} error={!!errors.quantity} helperText={errors.quantity ?? ' '} slotProps={{ htmlInput: { inputMode: 'numeric', 'aria-label': t('adjustQuantity') } }} />
            <TextField name="reason" label={t('adjustReason')} value={reason} onChange={(e) => setReason(e.target.value)} error={!!errors.reason} helperText={errors.reason ?? t('adjustReasonHint')} slotProps={{ htmlInput: { 'aria-label': t('adjustReason') } }} />
            <TextField name="document" label={t('document')} value={document} onChange={(e) => setDocument(e.target.value)} slotProps={{ htmlInput: { 'aria-label': t('document') } }} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('close')}</Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {t('adjust')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/** Move units between shelves (two ledger entries in the core). */
export function MoveDialog({ product, locations, onClose }: { product: ProductRow; locations: LocationRow[]; onClose: () => void }) {
  const t = useT(stockMessages);
  const notify = useNotify();
  const [from, setFrom] = useState(product.locationId === null ? '' : String(product.locationId));
  const [to, setTo] = useState('');
  const [quantity, setQuantity] = useState(String(Math.max(product.onHand, 1)));
  const [makeHome, setMakeHome] = useState(false);
  const [errors, setErrors] = useState<{ to?: string; quantity?: string }>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Note>(null);

  // A scanner types wherever the cursor is: its code is taken back out of the quantity (what the person
  // typed stays) and its Enter moves nothing. A shelf's label picks the shelf to move to; a product's
  // code is refused in words.
  useScanGuard(true, (code, target) => {
    const name = target instanceof HTMLInputElement ? target.name : '';
    if (name === 'quantity') setQuantity((v) => withoutScan(v, code));
    const shelf = shelfOf(code, locations);
    if (shelf) {
      beepOk();
      setTo(String(shelf.id));
      setErrors((e) => ({ ...e, to: undefined }));
      setNote({ kind: 'info', text: t('scanPickedTarget', { code: shelf.code }) });
      return;
    }
    void oneProductScan(code, product, t).then(({ text }) => {
      beepError();
      setNote({ kind: 'warning', text });
    });
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: typeof errors = {};
    if (!to || to === from) found.to = t('errSameShelf');
    if (!/^\d{1,9}$/.test(quantity.trim()) || Number(quantity) <= 0 || Number(quantity) > MAX_UNITS) found.quantity = t('errPositive');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await api.call('stock.move', { productId: product.id, fromLocationId: from === '' ? null : Number(from), toLocationId: Number(to), quantity: Number(quantity), makeHome });
      notify(t('moveDone'));
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const options = (withNone: boolean) => [
    ...(withNone ? [<MenuItem key="" value="">{t('noLocation')}</MenuItem>] : []),
    ...locations.map((l) => (
      <MenuItem key={l.id} value={String(l.id)}>
        {l.code}
      </MenuItem>
    )),
  ];
  return (
    <Dialog open onClose={onClose} maxWidth="xs" fullWidth>
      <form onSubmit={submit}>
        <DialogTitle>{t('moveTitle', { name: product.name })}</DialogTitle>
        <DialogContent>
          <ErrorAlert error={error} />
          <ScanNote note={note} onClose={() => setNote(null)} />
          <Stack spacing={2} sx={{ mt: 1 }}>
            <TextField select label={t('moveFrom')} value={from} onChange={(e) => setFrom(e.target.value)}>
              {options(true)}
            </TextField>
            <TextField select label={t('moveTo')} value={to} onChange={(e) => setTo(e.target.value)} error={!!errors.to} helperText={errors.to ?? ' '}>
              {options(false)}
            </TextField>
            <TextField name="quantity" label={t('moveQuantity')} value={quantity} onChange={(e) => setQuantity(e.target.value)} error={!!errors.quantity} helperText={errors.quantity ?? ' '} slotProps={{ htmlInput: { inputMode: 'numeric', 'aria-label': t('moveQuantity') } }} />
            <FormControlLabel control={<Checkbox checked={makeHome} onChange={(e) => setMakeHome(e.target.checked)} />} label={t('moveMakeHome')} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('close')}</Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {t('move')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
