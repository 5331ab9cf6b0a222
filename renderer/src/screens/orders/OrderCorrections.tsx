import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { type PackOrder, SHIP_CARRIERS, type ShipCarrier } from '../../../../shared/contract/packing.contract';
import { api, ApiError } from '../../api';
import { useRole } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notify';
import { useLiveQuery } from '../../components/use-live-query';
import { useT } from '../../i18n/i18n';
import { isWordReason } from '../packing/ForceCompleteDialog';
import { packingMessages } from '../packing/packing.messages';
import { useScanGuard, withoutScan } from '../../components/use-scan-guard';
import { orderCorrectionsMessages } from './order-corrections.messages';

type Kind = 'tracking' | 'undo' | 'reopen' | 'sendUnpaid';

interface Open {
  kind: Kind;
  shipment?: PackOrder['shipments'][number];
}

/**
 * The owner's corrections of an order after the fact (issue 13): correct a tracking number, undo a
 * shipment, send a packed or shipped order back to packing, send an unpaid order to packing. Each asks
 * for a reason, which the core keeps in the audit. Hidden from the helper profile.
 */
export function OrderCorrections({ orderId }: { orderId: number }) {
  const role = useRole();
  if (role !== 'owner') return null;
  return <Corrections orderId={orderId} />;
}

function Corrections({ orderId }: { orderId: number }) {
  const t = useT(orderCorrectionsMessages);
  const p = useT(packingMessages);
  const query = useLiveQuery(() => api.call('packing.get', { orderId }), ['orders'], [orderId]);
  const [open, setOpen] = useState<Open | null>(null);
  const order = query.data;
  if (!order) return null;
  const shipped = order.status === 'shipped';
  const reopenable = shipped || order.status === 'packed';
  const unpaidNew = order.payment === 'unpaid' && (order.status === 'new' || order.status === 'on_hold');
  if (!shipped && !reopenable && !unpaidNew && order.shipments.length === 0) return null;
  return (
    <Box component="section" aria-label={t('title')} sx={{ mt: 2 }} data-testid="order-corrections">
      <Typography variant="subtitle2" component="h3" sx={{ mb: 0.5 }}>
        {t('title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('hint')}
      </Typography>
      <Stack spacing={1}>
        {order.shipments.map((s) => (
          <Stack key={s.id} direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
            <Typography variant="body2">
              {t('shipment', { carrier: SHIP_CARRIERS.includes(s.carrier as ShipCarrier) ? p(`carrier_${s.carrier as ShipCarrier}`) : (s.carrier ?? ''), tracking: s.trackingNumber ?? t('noTracking') })}
            </Typography>
            <Button size="small" onClick={() => setOpen({ kind: 'tracking', shipment: s })}>
              {t('correctTracking')}
            </Button>
          </Stack>
        ))}
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {shipped && (
            <Button size="small" variant="outlined" color="warning" onClick={() => setOpen({ kind: 'undo' })}>
              {t('undoShipment')}
            </Button>
          )}
          {reopenable && (
            <Button size="small" variant="outlined" onClick={() => setOpen({ kind: 'reopen' })}>
              {t('reopen')}
            </Button>
          )}
          {unpaidNew && (
            <Button size="small" variant="outlined" color="warning" onClick={() => setOpen({ kind: 'sendUnpaid' })}>
              {t('sendUnpaid')}
            </Button>
          )}
        </Stack>
      </Stack>
      {open && <CorrectionDialog order={order} open={open} onClose={() => setOpen(null)} onDone={query.reload} />}
    </Box>
  );
}

function CorrectionDialog({ order, open, onClose, onDone }: { order: PackOrder; open: Open; onClose: () => void; onDone: () => void }) {
  const t = useT(orderCorrectionsMessages);
  const p = useT(packingMessages);
  const notify = useNotify();
  const [reason, setReason] = useState('');
  const [tracking, setTracking] = useState(open.shipment?.trackingNumber ?? '');
  const [carrier, setCarrier] = useState<ShipCarrier | ''>(SHIP_CARRIERS.includes(open.shipment?.carrier as ShipCarrier) ? (open.shipment?.carrier as ShipCarrier) : '');
  const [scanned, setScanned] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [confirmUnusual, setConfirmUnusual] = useState(false);
  const [busy, setBusy] = useState(false);
  // Scans are taken only by the tracking field (data-tracking-field); anywhere else in this window they are ignored.
  useScanGuard(true, (code) => {
    setReason((r) => withoutScan(r, code));
    setScanned(code);
  });
  const valid = isWordReason(reason) && (open.kind !== 'tracking' || tracking.trim() !== '');
  const title = { tracking: t('correctTitle'), undo: t('undoTitle'), reopen: t('reopenTitle'), sendUnpaid: t('sendUnpaidTitle') }[open.kind];
  const text = { tracking: t('correctText'), undo: t('undoText'), reopen: t('reopenText'), sendUnpaid: t('sendUnpaidText') }[open.kind];

  async function save() {
    if (!valid || busy) return;
    setBusy(true);
    setError(null);
    try {
      const why = reason.trim();
      if (open.kind === 'tracking' && open.shipment) {
        await api.call('packing.correctTracking', {
          orderId: order.id,
          shipmentId: open.shipment.id,
          trackingNumber: tracking.trim(),
          carrier: carrier === '' ? null : carrier,
          reason: why,
          ...(confirmUnusual ? { confirmUnusualTracking: true } : {}),
        });
      } else if (open.kind === 'undo') {
        await api.call('packing.undoShipment', { orderId: order.id, reason: why });
      } else if (open.kind === 'reopen') {
        await api.call('packing.reopenOrder', { orderId: order.id, reason: why });
      } else {
        const result = await api.call('orders.setStatus', { ids: [order.id], status: 'to_pick', reason: why, allowUnpaid: true });
        if (result.refused[0]) throw new ApiError('conflict', result.refused[0].message);
      }
      notify(t('done'));
      onDone();
      onClose();
    } catch (e) {
      const d = e instanceof ApiError ? ((e.details ?? {}) as { reason?: string }) : {};
      if (d.reason === 'tracking_unusual') setConfirmUnusual(true);
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby="correction-title" maxWidth="sm" fullWidth>
      <DialogTitle id="correction-title">{title}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{text}</DialogContentText>
        {open.kind === 'tracking' && (
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2, pt: 1 }}>
            <TextField select label={t('carrier')} value={carrier} onChange={(e) => setCarrier(e.target.value as ShipCarrier)} sx={{ minWidth: 180 }}>
              {SHIP_CARRIERS.map((c) => (
                <MenuItem key={c} value={c}>
                  {p(`carrier_${c}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              fullWidth
              label={t('newTracking')}
              value={tracking}
              onChange={(e) => {
                setConfirmUnusual(false);
                setTracking(e.target.value);
              }}
              slotProps={{ htmlInput: { maxLength: 64, spellCheck: false, autoComplete: 'off', 'data-tracking-field': 'true' } }}
            />
          </Stack>
        )}
        <TextField
          autoFocus={open.kind !== 'tracking'}
          fullWidth
          label={t('reason')}
          value={reason}
          onChange={(e) => {
            setScanned(null);
            setReason(e.target.value);
          }}
          error={scanned !== null}
          helperText={scanned !== null ? t('scanIgnored', { code: scanned }) : t('reasonHelp')}
          slotProps={{ htmlInput: { maxLength: 500 }, formHelperText: { role: scanned ? 'alert' : undefined } as object }}
        />
        {error !== null && <Box sx={{ mt: 2 }}>{refusalAlert(error) ?? <ErrorAlert error={error} onClose={() => setError(null)} />}</Box>}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {t('cancel')}
        </Button>
        <Button variant="contained" color="warning" disabled={!valid || busy} onClick={() => void save()}>
          {t('confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );

  function refusalAlert(e: unknown) {
    if (!(e instanceof ApiError)) return null;
    const d = (e.details ?? {}) as { reason?: string; trackingNumber?: string; product?: { name: string }; expected?: string };
    const code = d.trackingNumber ?? '';
    const message =
      d.reason === 'tracking_is_product'
        ? t('refusedProduct', { code, name: d.product?.name ?? '' })
        : d.reason === 'tracking_is_order'
          ? t('refusedOrder', { code })
          : d.reason === 'tracking_format'
            ? t('refusedFormat', { code, expected: d.expected ?? '' })
            : d.reason === 'tracking_unusual'
              ? t('unusual', { expected: d.expected ?? '' })
              : d.reason === 'has_return'
                ? t('hasReturn')
                : null;
    return message ? (
      <Alert severity={d.reason === 'tracking_unusual' ? 'warning' : 'error'} role="alert">
        {message}
      </Alert>
    ) : null;
  }
}
