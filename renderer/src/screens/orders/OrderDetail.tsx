import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Drawer from '@mui/material/Drawer';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { type ReactNode, useState } from 'react';
import type { OrderDetail as OrderDetailData } from '../../../../shared/contract/orders.contract';
import { SHIP_CARRIERS, type ShipCarrier } from '../../../../shared/contract/packing.contract';
import type { OrderStatus } from '../../../../shared/domain/order-status';
import { api } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DrawerHeader } from '../../components/DrawerHeader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notify';
import { PlainTable } from '../../components/PlainTable';
import { useLiveQuery } from '../../components/use-live-query';
import { withoutScan } from '../../components/use-scan-guard';
import { clearSessionState, useSessionState } from '../../components/use-session-state';
import { useFormat } from '../../i18n/format';
import { useLanguage, useT } from '../../i18n/i18n';
import { packingMessages } from '../packing/packing.messages';
import { allegroStatusText, paymentTypeText, paymentWords } from './allegro-labels';
import { ordersMessages } from './orders.messages';
import { OrderCorrections } from './OrderCorrections';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box sx={{ mb: 2 }}>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 0.5 }}>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

const KNOWN_ACTIONS = [
  'order.import',
  'order.create',
  'order.status',
  'order.note',
  'order.shipment',
  'order.reopen',
  'packing.complete',
  'packing.force',
  'packing.ship',
  'packing.reopen',
  'shipment.correctTracking',
  'shipment.undo',
] as const;
/** Why the import put an order on hold (order-detail.service.ts). */
const HOLD_REASONS = ['suspended', 'not_filled_in', 'not_paid', 'unpaid', 'other'] as const;

/** One order: status (shop and Allegro), promise, lines with stock, buyer, delivery, invoice, notes, history. */
export function OrderDetail({ orderId, onClose }: { orderId: number; onClose: () => void }) {
  const t = useT(ordersMessages);
  const { lang } = useLanguage();
  const format = useFormat();
  const packingT = useT(packingMessages);
  /** shipments.carrier holds the core's key ("inpost"); people read the carrier's name ("InPost"). */
  const carrierLabel = (carrier: string | null) => (carrier && (SHIP_CARRIERS as readonly string[]).includes(carrier) ? packingT(`carrier_${carrier as ShipCarrier}`) : carrier);
  const notify = useNotify();
  const detail = useLiveQuery<OrderDetailData>(() => api.call('orders.get', { id: orderId }), ['orders', 'stock'], [orderId]);
  const noteKey = `orders.note.${orderId}`;
  const [noteDraft, setNoteDraft] = useSessionState<string | null>(noteKey, null);
  const [confirmClose, setConfirmClose] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [cancelReason, setCancelReason] = useState('');
  const [error, setError] = useState<unknown>(null);

  const data = detail.data;
  const savedNote = data?.order.sellerNote ?? '';
  const note = noteDraft ?? savedNote;
  const noteDirty = noteDraft !== null && noteDraft !== savedNote;

  function requestClose() {
    if (noteDirty) setConfirmClose(true);
    else onClose();
  }

  async function changeStatus(status: OrderStatus, reason?: string) {
    setError(null);
    try {
      const result = await api.call('orders.setStatus', { ids: [orderId], status, ...(reason ? { reason } : {}) });
      if (result.changed.length) notify(t('statusChanged'));
      else if (result.refused[0]) setError(new Error(result.refused[0].message));
      detail.reload();
    } catch (e) {
      setError(e);
    }
  }

  async function saveNote() {
    try {
      await api.call('orders.updateNote', { id: orderId, sellerNote: note });
      setNoteDraft(null);
      clearSessionState(noteKey);
      notify(t('noteSaved'));
      detail.reload();
    } catch (e) {
      setError(e);
    }
  }

  const o = data?.order;
  return (
    <Drawer anchor="right" open onClose={requestClose} slotProps={{ paper: { sx: { width: { xs: '100%', md: 820 } } } }}>
      <Box sx={{ p: 3 }} role="region" aria-label={t('detailTitle', { id: orderId })}>
        <DrawerHeader
          title={t('detailTitle', { id: orderId })}
          subtitle={o?.allegroOrderId && `${t('allegroNumber')}: ${o.allegroOrderId}`}
          onClose={requestClose}
        />
        <ErrorAlert error={detail.error ?? error} onRetry={detail.error ? detail.reload : undefined} onClose={error ? () => setError(null) : undefined} />
        {o && data && (
          <>
            <Grid container spacing={2} sx={{ my: 1 }}>
              <Grid size={{ xs: 12, sm: 4 }}>
                <Typography variant="caption" color="text.secondary">
                  {t('shopStatus')}
                </Typography>
                <div>
                  <Chip label={t(`status_${o.status}`)} color="primary" data-testid="order-status" />
                </div>
              </Grid>
              <Grid size={{ xs: 12, sm: 4 }}>
                <Typography variant="caption" color="text.secondary">
                  {t('allegroStatus')}
                </Typography>
                <Typography>{allegroStatusText(o.allegroStatus, o.fulfillmentStatus, lang) || '—'}</Typography>
              </Grid>
              <Grid size={{ xs: 12, sm: 4 }}>
                <Typography variant="caption" color="text.secondary">
                  {t('dispatchBy')}
                </Typography>
                <Typography data-testid="order-dispatch-by">
                  {format.dateTime(o.dispatchBy)} {o.dispatchByComputed ? t('dispatchByComputed') : ''}
                </Typography>
                {o.overdue && <Chip size="small" color="error" label={t('overdue')} title={t('overdueHint')} data-testid="order-overdue" />}
              </Grid>
            </Grid>
            <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mb: 1 }} aria-label={t('changeStatus')}>
              {data.allowedNext.map((status) => (
                <Button key={status} variant={status === 'to_pick' ? 'contained' : 'outlined'} color={status === 'cancelled' ? 'error' : 'primary'} onClick={() => (status === 'cancelled' ? setCancelling(true) : void changeStatus(status))}>
                  {t('moveTo', { status: t(`status_${status}`) })}
                </Button>
              ))}
            </Stack>
            {(o.status === 'to_pick' || o.status === 'packed') && (
              <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
                {t('packingOnly')}
              </Typography>
            )}
            <Divider sx={{ mb: 2 }} />
            <Section title={t('lines')}>
              <PlainTable density="text" columns={[t('colItems'), t('lineQuantity'), t('linePrice'), t('lineProduct'), t('lineStock')]}>
                {data.lines.map((line) => (
                  <tr key={line.id}>
                    <td>
                      {line.name}
                      {line.externalId ? <Typography variant="caption" component="div" color="text.secondary">{line.externalId}</Typography> : null}
                    </td>
                    <td>
                      {line.quantity}
                      {line.packedQuantity > 0 ? ` (${t('linePacked')}: ${line.packedQuantity})` : ''}
                    </td>
                    <td>{format.money(line.unitPriceGrosze, line.currency)}</td>
                    <td>{line.product ? `${line.product.sku}${line.product.locationCode ? ` · ${line.product.locationCode}` : ''}` : <Chip size="small" color="warning" label={t('lineNotMatched')} />}</td>
                    <td>
                      {line.product && (
                        <Typography variant="body2" color={line.product.available < 0 ? 'error' : undefined}>
                          {t('lineStockText', { available: line.product.available, onHand: line.product.onHand })}
                          {line.reservedQuantity > 0 ? `, ${t('lineReserved', { n: line.reservedQuantity })}` : ''}
                        </Typography>
                      )}
                    </td>
                  </tr>
                ))}
              </PlainTable>
              <Typography sx={{ mt: 1, textAlign: 'right', fontWeight: 600 }}>
                {t('colTotal')}: {format.money(o.totalToPayGrosze, o.currency)}
              </Typography>
            </Section>
            <Grid container spacing={2}>
              <Grid size={{ xs: 12, md: 6 }}>
                <Section title={t('buyer')}>
                  <Typography>{data.buyer.name ?? '—'}</Typography>
                  <Typography color="text.secondary">
                    {data.buyer.login ?? ''} {data.buyer.guest ? `(${t('guest')})` : ''}
                  </Typography>
                  {data.buyer.email && <Typography variant="body2">{data.buyer.email}</Typography>}
                  {data.buyer.phone && <Typography variant="body2">{data.buyer.phone}</Typography>}
                </Section>
                <Section title={t('payment')}>
                  <Typography data-testid="order-payment">{paymentWords(t(`payment_${o.payment}`), paymentTypeText(o.paymentType, lang))}</Typography>
                  {o.paidGrosze !== null && <Typography variant="body2">{t('paidAmount', { amount: format.money(o.paidGrosze, o.currency) })}</Typography>}
                </Section>
              </Grid>
              <Grid size={{ xs: 12, md: 6 }}>
                <Section title={t('delivery')}>
                  <Typography>{data.delivery.methodName ?? carrierLabel(data.delivery.carrier) ?? '—'}</Typography>
                  {data.delivery.costGrosze !== null && <Typography variant="body2">{`${t('deliveryCost')}: ${format.money(data.delivery.costGrosze, o.currency)}`}</Typography>}
                  {data.delivery.pickupPoint && (
                    <Typography variant="body2" data-testid="pickup-point">
                      {t('pickupPoint')}: {[data.delivery.pickupPoint.name, data.delivery.pickupPoint.id, data.delivery.pickupPoint.address].filter(Boolean).join(', ')}
                    </Typography>
                  )}
                  {data.delivery.address && (
                    <Typography variant="body2" component="div">
                      {t('address')}:
                      <div>{[data.delivery.address.firstName, data.delivery.address.lastName].filter(Boolean).join(' ')}</div>
                      {data.delivery.address.company && <div>{data.delivery.address.company}</div>}
                      <div>{data.delivery.address.street}</div>
                      <div>{[data.delivery.address.zip, data.delivery.address.city].filter(Boolean).join(' ')}</div>
                      {data.delivery.address.phone && <div>{data.delivery.address.phone}</div>}
                    </Typography>
                  )}
                </Section>
                <Section title={t('invoice')}>
                  {data.invoice ? (
                    <Typography variant="body2" component="div" data-testid="invoice">
                      {data.invoice.companyName && <div>{data.invoice.companyName}</div>}
                      {data.invoice.taxId && <div>{`${t('nip')}: ${data.invoice.taxId}`}</div>}
                      <div>{[data.invoice.firstName, data.invoice.lastName].filter(Boolean).join(' ')}</div>
                      <div>{data.invoice.street}</div>
                      <div>{[data.invoice.zip, data.invoice.city].filter(Boolean).join(' ')}</div>
                    </Typography>
                  ) : (
                    <Typography variant="body2" color="text.secondary">
                      {t('noInvoice')}
                    </Typography>
                  )}
                </Section>
              </Grid>
            </Grid>
            <Section title={t('notes')}>
              <Typography variant="body2" color="text.secondary">
                {t('buyerMessage')}:
              </Typography>
              <Typography sx={{ mb: 1, whiteSpace: 'pre-wrap' }}>{o.buyerMessage ?? t('noBuyerMessage')}</Typography>
              <TextField
                label={t('sellerNote')}
                value={note}
                onChange={(e) => setNoteDraft(e.target.value)}
                multiline
                minRows={2}
                fullWidth
                helperText={noteDirty ? t('noteUnsaved') : ' '}
                slotProps={{ htmlInput: { 'aria-label': t('sellerNote') } }}
              />
              <Button sx={{ mt: 1 }} variant="outlined" disabled={!noteDirty} onClick={() => void saveNote()}>
                {t('saveNote')}
              </Button>
            </Section>
            {data.shipments.length > 0 && (
              <Section title={t('shipments')}>
                {data.shipments.map((s, i) => (
                  <Typography key={i} variant="body2">
                    {[carrierLabel(s.carrier), s.trackingNumber, format.dateTime(s.dispatchedAt)].filter(Boolean).join(' · ')}
                  </Typography>
                ))}
              </Section>
            )}
            <OrderCorrections orderId={orderId} />
            <Section title={t('timeline')}>
              <Box component="ol" sx={{ pl: 2.5, m: 0 }} data-testid="timeline">
                {data.timeline.map((e, i) => (
                  <li key={i}>
                    <Typography variant="body2">
                      <strong>{format.dateTime(e.at)}</strong> — {timelineText(e, t)} ({e.actor === 'owner' || e.actor === 'helper' || e.actor === 'system' ? t(`actor_${e.actor}`) : e.actor})
                    </Typography>
                  </li>
                ))}
              </Box>
            </Section>
          </>
        )}
      </Box>
      <ConfirmDialog open={confirmClose} title={t('unsavedTitle')} destructive confirmLabel={t('discard')} onConfirm={() => { setConfirmClose(false); setNoteDraft(null); clearSessionState(noteKey); onClose(); }} onCancel={() => setConfirmClose(false)}>
        {t('unsavedText')}
      </ConfirmDialog>
      <ConfirmDialog
        open={cancelling}
        title={t('cancelTitle')}
        destructive
        confirmLabel={t('cancelConfirm')}
        cancelLabel={t('cancelKeep')}
        onConfirm={() => {
          setCancelling(false);
          void changeStatus('cancelled', cancelReason.trim() || undefined);
        }}
        onCancel={() => setCancelling(false)}
        onScan={(code) => setCancelReason((r) => withoutScan(r, code))}
      >
        <Alert severity="warning" sx={{ mb: 2 }}>
          {t('cancelText')}
        </Alert>
        <TextField label={t('cancelReason')} value={cancelReason} onChange={(e) => setCancelReason(e.target.value)} fullWidth />
      </ConfirmDialog>
    </Drawer>
  );
}

type T = ReturnType<typeof useT<(typeof ordersMessages)['pl']>>;

function timelineText(entry: OrderDetailData['timeline'][number], t: T): string {
  const details = (entry.details ?? {}) as { from?: OrderStatus; to?: OrderStatus; reason?: string; to_?: string };
  if (entry.action === 'order.status' && details.from && details.to) {
    // The core keeps an owner's override of "unpaid" as `unpaid: <reason>`; the person reads it in words.
    const unpaid = details.reason?.match(/^unpaid:\s*(.*)$/s);
    const reason = unpaid ? t('unpaidOverride', { reason: unpaid[1]! }) : details.reason;
    return `${t('action_order_status')}: ${t(`status_${details.from}`)} → ${t(`status_${details.to}`)}${reason ? ` — ${reason}` : ''}`;
  }
  if (entry.action === 'order.hold') {
    const reason = (entry.details as { reason?: string } | null)?.reason;
    return t(`hold_${(HOLD_REASONS as readonly (string | undefined)[]).includes(reason) ? reason : 'other'}` as 'hold_other');
  }
  if ((KNOWN_ACTIONS as readonly string[]).includes(entry.action)) {
    return t(`action_${entry.action.replace('.', '_')}` as 'action_order_import');
  }
  return t('actionOther');
}
