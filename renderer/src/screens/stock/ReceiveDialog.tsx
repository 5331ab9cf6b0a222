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
import { MAX_PRICE_GROSZE, MAX_UNITS } from '../../../../shared/contract/fields';
import { api } from '../../api';
import { useRole } from '../../app/session';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { inputIssueTexts } from '../../components/error-text';
import { useNotify } from '../../components/notify';
import { PlainTable } from '../../components/PlainTable';
import { ScanField } from '../../components/ScanField';
import { useScanGuard, withoutScan } from '../../components/use-scan-guard';
import { clearSessionState, useSessionState } from '../../components/use-session-state';
import { useLanguage, useT } from '../../i18n/i18n';
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

/** What is wrong with one line, each under its own field. */
interface LineErrors {
  quantity?: string;
  unitCost?: string;
}
type HeadField = 'document' | 'supplier' | 'note';
const HEAD_FIELDS: HeadField[] = ['document', 'supplier', 'note'];

/**
 * The line fields' `name`s (`quantity:12`, `unitCost:12`): a scan that landed in one is taken out of it by
 * name, and a value the core refused (`lines.0.unitCostGrosze`) is put under its field.
 */
const lineField = (kind: keyof LineErrors, productId: number) => `${kind}:${productId}`;

/** The purchase price as typed: grosze, undefined when left empty, or the message for its field. */
function unitCostOf(text: string): { grosze?: number; error?: 'errPrice' | 'errPriceNegative' | 'errPriceTooHigh' } {
  let parsed: number | null;
  try {
    parsed = parseMoney(text);
  } catch {
    return { error: 'errPrice' };
  }
  if (parsed === null) return {};
  if (parsed < 0) return { error: 'errPriceNegative' };
  if (parsed > MAX_PRICE_GROSZE) return { error: 'errPriceTooHigh' };
  return { grosze: parsed };
}

/**
 * Goods received from a supplier: scan each item (a second scan adds one more), fix quantities, confirm.
 * The half-entered delivery survives closing the dialog or leaving the screen.
 */
export function ReceiveDialog({ onClose }: { onClose: () => void }) {
  const t = useT(stockMessages);
  const notify = useNotify();
  const showCosts = useRole() === 'owner';
  const [draft, setDraft] = useSessionState<ReceiveDraft>(DRAFT_KEY, EMPTY);
  const { lang } = useLanguage();
  const [headErrors, setHeadErrors] = useState<Partial<Record<HeadField, string>>>({});
  const [lineErrors, setLineErrors] = useState<Record<number, LineErrors>>({});
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

  // A scanner types wherever the cursor is (issue 17, point 1): a scan into the document number, a note or
  // a line's quantity is taken back out of that field and added as a line, as if scanned in the scan field.
  useScanGuard(!confirmDiscard, (code, target) => {
    const name = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement ? target.name : '';
    const [kind, id] = name.split(':');
    if ((HEAD_FIELDS as string[]).includes(name)) setDraft((d) => ({ ...d, [name]: withoutScan(d[name as HeadField], code) }));
    else if ((kind === 'quantity' || kind === 'unitCost') && id) setDraft((d) => ({ ...d, lines: d.lines.map((l) => (String(l.productId) === id ? { ...l, [kind]: withoutScan(l[kind], code) } : l)) }));
    void scan(code);
  });

  async function confirm() {
    const errors: Record<number, LineErrors> = {};
    const lines = [];
    for (const line of draft.lines) {
      const problems: LineErrors = {};
      if (!/^\d{1,9}$/.test(line.quantity.trim()) || Number(line.quantity) <= 0 || Number(line.quantity) > MAX_UNITS) problems.quantity = t('errPositive');
      const cost = showCosts ? unitCostOf(line.unitCost) : {};
      if (cost.error) problems.unitCost = t(cost.error);
      if (problems.quantity || problems.unitCost) {
        errors[line.productId] = problems;
        continue;
      }
      lines.push({ productId: line.productId, quantity: Number(line.quantity), ...(cost.grosze === undefined ? {} : { unitCostGrosze: cost.grosze }) });
    }
    setLineErrors(errors);
    setHeadErrors(draft.document.trim() ? {} : { document: t('errRequired') });
    setError(null);
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
      // A value the core refused goes under its own field ("lines.1.unitCostGrosze" is the second line's
      // price: every line was sent, in the table's order); the alert above still lists the sentences.
      const texts = inputIssueTexts(e, lang);
      const refusedLines: Record<number, LineErrors> = {};
      const refusedHead: Partial<Record<HeadField, string>> = {};
      for (const [path, text] of Object.entries(texts)) {
        const match = /^lines\.(\d+)\.(quantity|unitCostGrosze)$/.exec(path);
        const line = match ? lines[Number(match[1])] : undefined;
        if (match && line) refusedLines[line.productId] = { ...refusedLines[line.productId], [match[2] === 'quantity' ? 'quantity' : 'unitCost']: text };
        else if ((HEAD_FIELDS as string[]).includes(path)) refusedHead[path as HeadField] = text;
      }
      setLineErrors(refusedLines);
      setHeadErrors(refusedHead);
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
          <TextField name="document" label={t('receiveDocument')} value={draft.document} onChange={(e) => setDraft((d) => ({ ...d, document: e.target.value }))} error={!!headErrors.document} helperText={headErrors.document ?? ' '} sx={{ flex: 1 }} slotProps={{ htmlInput: { 'aria-label': t('receiveDocument') } }} />
          <TextField name="supplier" label={t('receiveSupplier')} value={draft.supplier} onChange={(e) => setDraft((d) => ({ ...d, supplier: e.target.value }))} sx={{ flex: 1 }} error={!!headErrors.supplier} helperText={headErrors.supplier ?? ' '} />
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
                  <TextField size="small" name={lineField('quantity', line.productId)} label={t('receiveQuantity')} value={line.quantity} onChange={(e) => setLine(line.productId, { quantity: e.target.value })} error={!!lineErrors[line.productId]?.quantity} helperText={lineErrors[line.productId]?.quantity} slotProps={{ htmlInput: { inputMode: 'numeric', 'aria-label': `${t('receiveQuantity')} ${line.sku}` } }} />
                </td>
                {showCosts && (
                  <td style={{ width: 200 }}>
                    <TextField size="small" name={lineField('unitCost', line.productId)} label={t('receiveUnitCost')} value={line.unitCost} onChange={(e) => setLine(line.productId, { unitCost: e.target.value })} error={!!lineErrors[line.productId]?.unitCost} helperText={lineErrors[line.productId]?.unitCost} slotProps={{ htmlInput: { inputMode: 'decimal', 'aria-label': `${t('receiveUnitCost')} ${line.sku}` } }} />
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
        <TextField name="note" label={t('receiveNote')} value={draft.note} onChange={(e) => setDraft((d) => ({ ...d, note: e.target.value }))} error={!!headErrors.note} helperText={headErrors.note} fullWidth sx={{ mt: 2 }} />
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
        {t('receiveUnsavedText')}
      </ConfirmDialog>
    </Dialog>
  );
}
