import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import DeleteIcon from '@mui/icons-material/Delete';
import { useState } from 'react';
import { parseMoney } from '../../../../shared/domain/money';
import { MAX_UNITS } from '../../../../shared/contract/fields';
import { api } from '../../api';
import { useRole } from '../../app/session';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notify';
import { PlainTable } from '../../components/PlainTable';
import { ScanField } from '../../components/ScanField';
import { clearSessionState, useSessionState } from '../../components/use-session-state';
import { useT } from '../../i18n/i18n';
import { stockMessages } from './stock.messages';
import { useProductScan } from './use-product-scan';

interface ReceiveLine {
  productId: number;
  sku: string;
  name: string;
  quantity: string;
  unitCost: string;
}
interface ReceiveDraft {
  document: string;
  supplier: string;
  note: string;
  lines: ReceiveLine[];
  updatePurchasePrice: boolean;
}
const EMPTY: ReceiveDraft = { document: '', supplier: '', note: '', lines: [], updatePurchasePrice: false };
const DRAFT_KEY = 'stock.receive.draft';

/**
 * Goods received from a supplier: scan each item (a second scan adds one more), fix quantities, confirm.
 * The half-entered delivery survives closing the dialog or leaving the screen.
 */
export function ReceiveDialog({ onClose }: { onClose: () => void }) {
  const t = useT(stockMessages);
  const notify = useNotify();
  const showCosts = useRole() === 'owner';
  const [draft, setDraft] = useSessionState<ReceiveDraft>(DRAFT_KEY, EMPTY);
  const [documentError, setDocumentError] = useState<string | null>(null);
  const [lineErrors, setLineErrors] = useState<Record<number, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);

  // A second scan of the same product adds one more.
  const { feedback, scan } = useProductScan((p) =>
    setDraft((d) => {
      const existing = d.lines.find((l) => l.productId === p.id);
      const lines = existing
        ? d.lines.map((l) => (l.productId === p.id ? { ...l, quantity: String((Number(l.quantity) || 0) + 1) } : l))
        : [...d.lines, { productId: p.id, sku: p.sku, name: p.name, quantity: '1', unitCost: '' }];
      return { ...d, lines };
    }),
  );

  const setLine = (productId: number, patch: Partial<ReceiveLine>) => setDraft((d) => ({ ...d, lines: d.lines.map((l) => (l.productId === productId ? { ...l, ...patch } : l)) }));

  async function confirm() {
    const errors: Record<number, string> = {};
    const lines = [];
    for (const line of draft.lines) {
      if (!/^\d{1,9}$/.test(line.quantity.trim()) || Number(line.quantity) <= 0 || Number(line.quantity) > MAX_UNITS) {
        errors[line.productId] = t('errPositive');
        continue;
      }
      let unitCostGrosze: number | undefined;
      if (showCosts && line.unitCost.trim()) {
        try {
          const parsed = parseMoney(line.unitCost);
          if (parsed === null || parsed < 0) throw new Error('negative');
          unitCostGrosze = parsed;
        } catch {
          errors[line.productId] = t('errPrice');
          continue;
        }
      }
      lines.push({ productId: line.productId, quantity: Number(line.quantity), ...(unitCostGrosze === undefined ? {} : { unitCostGrosze }) });
    }
    setLineErrors(errors);
    setDocumentError(draft.document.trim() ? null : t('errRequired'));
    if (!draft.document.trim() || Object.keys(errors).length > 0 || lines.length === 0) return;
    setBusy(true);
    try {
      await api.call('stock.receive', {
        document: draft.document.trim(),
        ...(draft.supplier.trim() ? { supplier: draft.supplier.trim() } : {}),
        ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
        lines,
        updatePurchasePrice: showCosts && draft.updatePurchasePrice,
      });
      notify(t('receiveDone', { n: lines.length }));
      clearSessionState(DRAFT_KEY);
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const dirty = draft.lines.length > 0 || draft.document.trim() !== '';
  function discard() {
    setConfirmDiscard(false);
    setDraft(EMPTY);
    clearSessionState(DRAFT_KEY);
    onClose();
  }

  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="receive-title">
      <DialogTitle id="receive-title">{t('receiveTitle')}</DialogTitle>
      <DialogContent>
        <ErrorAlert error={error} onClose={() => setError(null)} />
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mt: 1 }}>
          <TextField label={t('receiveDocument')} value={draft.document} onChange={(e) => setDraft((d) => ({ ...d, document: e.target.value }))} error={!!documentError} helperText={documentError ?? ' '} sx={{ flex: 1 }} slotProps={{ htmlInput: { 'aria-label': t('receiveDocument') } }} />
          <TextField label={t('receiveSupplier')} value={draft.supplier} onChange={(e) => setDraft((d) => ({ ...d, supplier: e.target.value }))} sx={{ flex: 1 }} helperText=" " />
        </Stack>
        <ScanField onScan={scan} digitsOnly={false} feedback={feedback} label={t('receiveScan')} />
        <Typography variant="subtitle2" sx={{ mt: 1 }}>
          {t('receiveLines')}
        </Typography>
        {draft.lines.length === 0 ? (
          <Typography color="text.secondary">{t('receiveEmpty')}</Typography>
        ) : (
          <PlainTable density="compact">
            {draft.lines.map((line) => (
              <tr key={line.productId}>
                <td>
                  <strong>{line.sku}</strong> {line.name}
                </td>
                <td style={{ width: 120 }}>
                  <TextField size="small" label={t('receiveQuantity')} value={line.quantity} onChange={(e) => setLine(line.productId, { quantity: e.target.value })} error={!!lineErrors[line.productId]} helperText={lineErrors[line.productId]} slotProps={{ htmlInput: { inputMode: 'numeric', 'aria-label': `${t('receiveQuantity')} ${line.sku}` } }} />
                </td>
                {showCosts && (
                  <td style={{ width: 200 }}>
                    <TextField size="small" label={t('receiveUnitCost')} value={line.unitCost} onChange={(e) => setLine(line.productId, { unitCost: e.target.value })} slotProps={{ htmlInput: { inputMode: 'decimal' } }} />
                  </td>
                )}
                <td style={{ width: 48 }}>
                  <IconButton aria-label={t('remove')} onClick={() => setDraft((d) => ({ ...d, lines: d.lines.filter((l) => l.productId !== line.productId) }))}>
                    <DeleteIcon />
                  </IconButton>
                </td>
              </tr>
            ))}
          </PlainTable>
        )}
        <TextField label={t('receiveNote')} value={draft.note} onChange={(e) => setDraft((d) => ({ ...d, note: e.target.value }))} fullWidth sx={{ mt: 2 }} />
        {showCosts && <FormControlLabel control={<Checkbox checked={draft.updatePurchasePrice} onChange={(e) => setDraft((d) => ({ ...d, updatePurchasePrice: e.target.checked }))} />} label={t('receiveUpdateCost')} />}
      </DialogContent>
      <DialogActions>
        {dirty && (
          <Button color="inherit" onClick={() => setConfirmDiscard(true)}>
            {t('discard')}
          </Button>
        )}
        <Button onClick={onClose}>{t('close')}</Button>
        <Button variant="contained" onClick={() => void confirm()} disabled={busy || draft.lines.length === 0}>
          {t('receiveConfirm')}
        </Button>
      </DialogActions>
      <ConfirmDialog open={confirmDiscard} title={t('unsavedTitle')} destructive confirmLabel={t('discard')} onConfirm={discard} onCancel={() => setConfirmDiscard(false)}>
        {t('unsavedText')}
      </ConfirmDialog>
    </Dialog>
  );
}
