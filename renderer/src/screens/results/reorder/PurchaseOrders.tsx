import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import CloseIcon from '@mui/icons-material/Close';
import { useState } from 'react';
import type { PurchaseOrderRow } from '../../../../../shared/contract/planning.contract';
import { api } from '../../../api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useNotify } from '../../../components/notify';
import { PlainTable } from '../../../components/PlainTable';
import { useLiveQuery } from '../../../components/use-live-query';
import { useFormat } from '../../../i18n/format';
import { useT } from '../../../i18n/i18n';
import { reorderMessages } from './reorder.messages';

function parseUnits(text: string): number | null {
  const digits = text.replace(/[\s\u00a0]/g, '');
  if (!/^\d{1,7}$/.test(digits)) return null;
  const n = Number(digits);
  return n <= 1_000_000 ? n : null;
}

/** Receiving a delivery against a purchase order: ordered, received before, received now per line. */
function ReceivePanel({ order, onClose, onDone }: { order: PurchaseOrderRow; onClose: () => void; onDone: () => void }) {
  const t = useT(reorderMessages);
  const notify = useNotify();
  const [document, setDocument] = useState('');
  const [typed, setTyped] = useState<Record<number, string>>(() =>
    Object.fromEntries(order.lines.map((l) => [l.productId, String(Math.max(0, l.quantity - l.receivedQuantity))])),
  );
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const values = order.lines.map((l) => ({ productId: l.productId, quantity: parseUnits(typed[l.productId] ?? '') }));
  const invalid = values.some((v) => v.quantity === null) || document.trim() === '';

  async function confirm() {
    setTried(true);
    if (invalid) return;
    setBusy(true);
    setError(null);
    try {
      await api.call('planning.receivePurchaseOrder', { id: order.id, document: document.trim(), lines: values.map((v) => ({ productId: v.productId, quantity: v.quantity! })) });
      notify(t('receivedDone', { number: order.number }));
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card variant="outlined" sx={{ my: 2, borderColor: 'primary.main' }} data-testid="receive-panel">
      <CardContent>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 1 }}>
          <Typography variant="h6" component="h3">
            {t('receiveTitle', { number: order.number })}
          </Typography>
          <IconButton aria-label={t('close')} onClick={onClose}>
            <CloseIcon />
          </IconButton>
        </Stack>
        <TextField
          size="small"
          label={t('document')}
          value={document}
          onChange={(e) => setDocument(e.target.value)}
          error={tried && document.trim() === ''}
          helperText={tried && document.trim() === '' ? t('documentError') : ' '}
          sx={{ mb: 1, minWidth: 320 }}
        />
        <PlainTable density="compact" columns={[t('colProduct'), { label: t('colOrdered'), align: 'right' }, { label: t('colReceivedBefore'), align: 'right' }, t('colReceivedNow')]}>
          {order.lines.map((l) => {
            const bad = parseUnits(typed[l.productId] ?? '') === null;
            return (
              <tr key={l.productId} data-product={l.sku}>
                <td>
                  {l.name}{' '}
                  <Typography variant="caption" color="text.secondary">
                    {l.sku}
                  </Typography>
                </td>
                <td style={{ textAlign: 'right' }}>{l.quantity}</td>
                <td style={{ textAlign: 'right' }}>{l.receivedQuantity}</td>
                <td style={{ width: 150 }}>
                  <TextField
                    size="small"
                    value={typed[l.productId] ?? ''}
                    onChange={(e) => setTyped((m) => ({ ...m, [l.productId]: e.target.value }))}
                    error={bad}
                    helperText={bad ? t('quantityError') : undefined}
                    slotProps={{ htmlInput: { inputMode: 'numeric', 'aria-label': `${t('colReceivedNow')}: ${l.name}` } }}
                  />
                </td>
              </tr>
            );
          })}
        </PlainTable>
        <ErrorAlert error={error} />
        <Stack direction="row" spacing={1} sx={{ mt: 1.5 }}>
          <Button variant="contained" onClick={() => void confirm()} disabled={busy}>
            {t('receiveConfirm')}
          </Button>
          <Button onClick={onClose}>{t('cancel')}</Button>
        </Stack>
      </CardContent>
    </Card>
  );
}

export function PurchaseOrders({ version, onChanged }: { version: number; onChanged: () => void }) {
  const t = useT(reorderMessages);
  const format = useFormat();
  const notify = useNotify();
  const list = useLiveQuery(() => api.call('planning.purchaseOrders'), ['stock'], [version]);
  const [receiving, setReceiving] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function save(id: number, action: 'pdf' | 'csv') {
    setError(null);
    try {
      const r = await api.call('planning.printPurchaseOrder', { id, action });
      if (r.done) notify(t('savedFile', { name: r.fileName }));
    } catch (e) {
      setError(e);
    }
  }

  const orders = list.data ?? [];
  const open = orders.find((o) => o.id === receiving);
  return (
    <Box sx={{ mt: 4 }} data-testid="purchase-orders">
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
        {t('ordersTitle')}
      </Typography>
      <ErrorAlert error={list.error ?? error} onRetry={list.reload} />
      {list.data && orders.length === 0 && <Typography color="text.secondary">{t('noOrders')}</Typography>}
      {orders.length > 0 && (
        <PlainTable density="regular" columns={[t('colNumber'), t('colSupplier'), t('colCreated'), t('colExpected'), t('colStatus'), { label: t('colValue'), align: 'right' }, '']}>
          {orders.map((o) => (
            <tr key={o.id} data-po={o.number}>
              <td>{o.number}</td>
              <td>{o.supplierName}</td>
              <td>{format.date(o.createdAt)}</td>
              <td>{format.date(o.expectedAt)}</td>
              <td>{t(o.status)}</td>
              <td style={{ textAlign: 'right' }}>{format.money(o.totalGrosze)}</td>
              <td>
                <Stack direction="row" spacing={1} sx={{ '& .MuiButton-root': { whiteSpace: 'nowrap' } }}>
                  <Button size="small" onClick={() => void save(o.id, 'pdf')}>
                    {t('savePdf')}
                  </Button>
                  <Button size="small" onClick={() => void save(o.id, 'csv')}>
                    {t('saveCsv')}
                  </Button>
                  {(o.status === 'open' || o.status === 'partly_received') && (
                    <Button size="small" variant="outlined" onClick={() => setReceiving(o.id)}>
                      {t('receive')}
                    </Button>
                  )}
                </Stack>
              </td>
            </tr>
          ))}
        </PlainTable>
      )}
      {open && (
        <ReceivePanel
          key={open.id}
          order={open}
          onClose={() => setReceiving(null)}
          onDone={() => {
            setReceiving(null);
            list.reload();
            onChanged();
          }}
        />
      )}
    </Box>
  );
}
