import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { alpha, type SxProps, type Theme } from '@mui/material/styles';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import RemoveCircleOutlineIcon from '@mui/icons-material/RemoveCircleOutlineOutlined';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import { useEffect, useState } from 'react';
import type { PackLine, PackOrder } from '../../../../shared/contract/packing.contract';
import { api, ApiError } from '../../api';
import { navigate } from '../../app/navigation';
import { useRole } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notify';
import { OrderNumber } from '../../components/OrderNumber';
import { orderLabel, shortOrderNumber } from '../../components/order-number-text';
import { PageHeader } from '../../components/PageHeader';
import { ScanField } from '../../components/ScanField';
import { beepError, beepOk } from '../../components/sound';
import { useLiveQuery } from '../../components/use-live-query';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/i18n';
import { ForceCompleteDialog } from './ForceCompleteDialog';
import { packingMessages } from './packing.messages';
import { peekPackOrder, takePackOrder } from './pack-order-seed';
import { scanMessage } from './scan-message';
import { ShipPanel } from './ShipPanel';
import { useEscape } from './use-escape';

interface Banner {
  kind: 'ok' | 'error';
  text: string;
  detail: string | null;
  /** Changes on every scan so the same message twice still flashes. */
  seq: number;
}

/**
 * Keeps the scan field focused while packing: a key typed anywhere outside a text field (after a
 * click on a button, say) goes to the scan field, so the scanner's digits are never lost.
 */
function useScanFocus(active: boolean) {
  useEffect(() => {
    if (!active) return;
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && (target.closest('input, textarea, select, [role="dialog"], [role="listbox"]') || target.isContentEditable)) return;
      if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
      document.querySelector<HTMLInputElement>('input[data-scan-field="true"]')?.focus();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [active]);
}

/**
 * The lines' table, styled once for all its cells (like the queue's): MUI's Table/TableRow/TableCell,
 * Typography, Chip and Tooltip in every line were most of the JavaScript drawn after each scan that
 * opens an order (issue 16). Same look: a line scanned green, one the owner forced orange.
 */
const LINES_TABLE: SxProps<Theme> = {
  width: '100%',
  borderCollapse: 'collapse',
  fontSize: '0.875rem',
  '& th, & td': { px: 2, py: 1, height: 52, borderBottom: 1, borderColor: 'divider', textAlign: 'left', verticalAlign: 'middle' },
  '& tbody tr:last-of-type td': { borderBottom: 0 },
  '& th': { fontWeight: 500, py: 1.5 },
  '& .icon': { width: 48, lineHeight: 0 },
  '& .name': { m: 0, fontSize: '1rem', fontWeight: 600 },
  '& .codes': { m: 0, color: 'text.secondary' },
  '& .shelf': { fontWeight: 700, whiteSpace: 'nowrap' },
  '& .count': { textAlign: 'right', fontSize: '1.5rem', fontWeight: 700, whiteSpace: 'nowrap' },
  '& .act': { width: 56, py: 0 },
  '& tr.verified': { bgcolor: (theme) => alpha(theme.palette.success.main, 0.12) },
  '& tr.verified .count': { color: 'success.main' },
  '& tr.forced': { bgcolor: (theme) => alpha(theme.palette.warning.main, 0.12) },
  '& tr.forced .count': { color: 'warning.dark' },
  '& .forced-tag': { display: 'inline-block', ml: 1, px: 1, borderRadius: 4, fontSize: '0.8125rem', lineHeight: '24px', fontWeight: 700, verticalAlign: 'middle', bgcolor: 'warning.main', color: 'warning.contrastText' },
};

function LineRow({ line, canTakeOut, onTakeOut }: { line: PackLine; canTakeOut: boolean; onTakeOut: () => void }) {
  const t = useT(packingMessages);
  // A line the owner forced is not a checked one: orange with "wymuszono N", never the scanned green.
  const forced = line.forcedQuantity > 0;
  return (
    <tr data-testid="pack-line" data-verified={line.verified ? 'true' : 'false'} data-forced={forced ? 'true' : 'false'} className={forced ? 'forced' : line.verified ? 'verified' : undefined}>
      <td className="icon">
        {forced ? (
          <WarningAmberIcon color="warning" titleAccess={t('forcedTitle')} />
        ) : line.verified ? (
          <CheckCircleIcon color="success" titleAccess={t('lineVerified')} />
        ) : !line.verifiable ? (
          <ErrorIcon color="warning" titleAccess={t('lineNotLinked')} />
        ) : null}
      </td>
      <td>
        <p className="name">{line.name}</p>
        <p className="codes">
          {[line.sku, line.ean ? `EAN ${line.ean}` : null].filter(Boolean).join(' · ')}
          {!line.verifiable && ` · ${t('lineNotLinked')}`}
        </p>
      </td>
      <td className="shelf">{line.locationCode ?? '—'}</td>
      <td className="count">
        {t('lineProgress', { packed: line.packedQuantity, quantity: line.quantity })}
        {forced && (
          <span className="forced-tag" title={t('forcedTitle')}>
            {t('forcedChip', { n: line.forcedQuantity })}
          </span>
        )}
      </td>
      <td className="act">
        {canTakeOut && line.packedQuantity > 0 && (
          <IconButton aria-label={`${t('takeOut')}: ${line.name}`} title={t('takeOut')} onClick={onTakeOut}>
            <RemoveCircleOutlineIcon />
          </IconButton>
        )}
      </td>
    </tr>
  );
}

/**
 * Reads the order and reads it again when orders change; draws only while there is no order to show
 * (loading, or what went wrong). Its own component so that the read's state (loading → answer) draws
 * this small part, not the whole packing view: the view was drawn twice after every scan, the second
 * time only because the seeded read resolved (issue 16), and again on every reload while packing.
 */
function OrderReader({ orderId, shown, onOrder }: { orderId: number; shown: boolean; onOrder: (order: PackOrder) => void }) {
  const t = useT(packingMessages);
  // The queue may have read the order just before opening this view: draw it at once, no second call.
  const query = useLiveQuery(() => {
    const seeded = takePackOrder(orderId);
    return seeded ? Promise.resolve(seeded) : api.call('packing.get', { orderId });
  }, ['orders'], [orderId]);
  useEffect(() => {
    if (query.data) onOrder(query.data);
  }, [query.data, onOrder]);
  if (shown) return null;
  return (
    <Box>
      <Button startIcon={<ArrowBackIcon />} onClick={() => navigate('packing')} sx={{ mb: 2 }}>
        {t('back')}
      </Button>
      <ErrorAlert error={query.error} onRetry={query.reload} />
      {query.loading && <LinearProgress />}
    </Box>
  );
}

/** Packing one order: scan every unit, complete, then ship. */
export function PackOrderView({ orderId }: { orderId: number }) {
  const t = useT(packingMessages);
  const format = useFormat();
  const notify = useNotify();
  const role = useRole();
  const [order, setOrder] = useState<PackOrder | null>(() => peekPackOrder(orderId));
  const [banner, setBanner] = useState<Banner | null>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const [forceOpen, setForceOpen] = useState(false);

  const packing = order?.status === 'to_pick';
  useScanFocus(packing);
  useEscape(() => navigate('packing'));

  async function onScan(code: string) {
    try {
      const result = await api.call('packing.scan', { orderId, code });
      const message = scanMessage(result, t);
      setBanner((b) => ({ ...message, seq: (b?.seq ?? 0) + 1 }));
      if (result.ok) {
        beepOk();
        setOrder((o) => (o ? { ...o, allVerified: result.allVerified, lines: o.lines.map((l) => (l.id === result.line.id ? result.line : l)) } : o));
      } else {
        beepError();
      }
    } catch (e) {
      beepError();
      setActionError(e);
    }
  }

  async function run(action: () => Promise<PackOrder>, done?: string) {
    setBusy(true);
    setActionError(null);
    try {
      setOrder(await action());
      setBanner(null);
      if (done) notify(done);
    } catch (e) {
      setActionError(e);
    } finally {
      setBusy(false);
    }
  }

  const reader = <OrderReader orderId={orderId} shown={order !== null} onOrder={setOrder} />;
  if (!order) return reader;

  const missing = order.lines.filter((l) => !l.verified);
  const notVerified = actionError instanceof ApiError && actionError.code === 'conflict' && (actionError.details as { reason?: string } | undefined)?.reason === 'not_verified';
  return (
    <Box>
      {reader}
      <PageHeader
        title={t('packTitle', { buyer: orderLabel(order) })}
        subtitle={
          <>
            <div>
              {order.deliveryMethodName && `${order.deliveryMethodName} · `}
              <Box component="span" sx={order.overdue ? { color: 'error.main', fontWeight: 700 } : undefined}>
                {t('dispatchBy', { date: format.dateTime(order.dispatchBy) })}
              </Box>
              {order.overdue && <Chip size="small" color="error" label={t('overdue')} sx={{ ml: 1 }} />}
            </div>
            <div>
              {order.buyerName && order.buyerLogin && `${order.buyerLogin} · `}
              <OrderNumber number={order.number} />
              <Chip size="small" sx={{ ml: 1 }} color={order.payment === 'unpaid' ? 'error' : order.payment === 'cod' ? 'info' : 'success'} variant="outlined" label={t(`payment_${order.payment}`)} data-testid="payment-chip" />
            </div>
          </>
        }
        actions={
          <Button startIcon={<ArrowBackIcon />} onClick={() => navigate('packing')}>
            {t('back')}
          </Button>
        }
      />
      {order.pickupPointName && <Typography sx={{ mb: 1 }}>{t('pickupPoint', { name: order.pickupPointName })}</Typography>}
      {order.payment === 'unpaid' && order.packable && (
        <Alert severity="error" sx={{ mb: 2 }} data-testid="unpaid-banner">
          <AlertTitle>{t('unpaidTitle')}</AlertTitle>
          {t('unpaidText', { amount: format.money(order.totalToPayGrosze) })}
        </Alert>
      )}
      {order.buyerMessage && (
        <Alert severity="info" sx={{ mb: 2 }}>
          <AlertTitle>{t('buyerMessage')}</AlertTitle>
          {order.buyerMessage}
        </Alert>
      )}
      {order.sellerNote && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          <AlertTitle>{t('sellerNote')}</AlertTitle>
          {order.sellerNote}
        </Alert>
      )}

      {packing && (
        <Box sx={{ mb: 2 }}>
          <ScanField onScan={onScan} digitsOnly={false} label={t('scanLabel')} ariaLabel={t('scanLabel')} />
          {banner && (
            <Alert
              key={banner.seq}
              data-testid="scan-result"
              data-kind={banner.kind}
              severity={banner.kind === 'ok' ? 'success' : 'error'}
              variant="filled"
              role={banner.kind === 'error' ? 'alert' : 'status'}
              sx={{ fontSize: '1.35rem', alignItems: 'center', py: 2, '& .MuiAlert-icon': { fontSize: 40 } }}
            >
              <div style={{ fontWeight: 700 }}>{banner.text}</div>
              {banner.detail && <div style={{ fontSize: '1rem', marginTop: 4 }}>{banner.detail}</div>}
            </Alert>
          )}
        </Box>
      )}

      <Paper variant="outlined" sx={{ mb: 2 }}>
        <Box component="table" aria-label={t('colItems')} sx={LINES_TABLE}>
          <thead>
            <tr>
              <th />
              <th>{t('colProduct')}</th>
              <th>{t('colShelf')}</th>
              <th style={{ textAlign: 'right' }}>{t('colProgress')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {order.lines.map((line) => (
              <LineRow
                key={line.id}
                line={line}
                canTakeOut={order.packable && !busy}
                onTakeOut={() => void run(() => api.call('packing.unpackLine', { orderId, lineId: line.id, packedQuantity: line.packedQuantity - 1 }))}
              />
            ))}
          </tbody>
        </Box>
      </Paper>

      {notVerified ? (
        <Alert severity="error" sx={{ mb: 2 }} role="alert">
          {t('notVerified', { list: missing.map((l) => `${l.name} × ${l.quantity - l.packedQuantity}`).join(', ') })}
        </Alert>
      ) : (
        <ErrorAlert error={actionError} onClose={() => setActionError(null)} />
      )}

      {packing && (
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2, alignItems: { sm: 'center' } }}>
          <Button
            variant="contained"
            size="large"
            disabled={!order.allVerified || busy}
            onClick={() => void run(() => api.call('packing.complete', { orderId }), t('completed'))}
          >
            {t('complete')}
          </Button>
          {!order.allVerified && <Typography color="text.secondary">{t('completeHint')}</Typography>}
          <Box sx={{ flex: 1 }} />
          {role === 'owner' && !order.allVerified && (
            <Button color="warning" variant="outlined" disabled={busy} onClick={() => setForceOpen(true)}>
              {t('force')}
            </Button>
          )}
        </Stack>
      )}

      {order.status === 'packed' && (
        <Stack spacing={2}>
          <ShipPanel
            order={order}
            onShipped={() => {
              notify(t('shipped', { buyer: orderLabel(order), number: shortOrderNumber(order.number) }));
              navigate('packing');
            }}
          />
          <Box>
            <Button disabled={busy} onClick={() => void run(() => api.call('packing.reopen', { orderId }))}>
              {t('reopen')}
            </Button>
          </Box>
        </Stack>
      )}

      {(order.status === 'shipped' || order.status === 'delivered') && (
        <Alert severity="success">{t('alreadyShipped', { at: format.dateTime(order.shipments.at(-1)?.dispatchedAt ?? null) })}</Alert>
      )}
      {!order.packable && order.status !== 'shipped' && order.status !== 'delivered' && <Alert severity="warning">{t('refusedNotPackable')}</Alert>}

      {/* Mounted only while open (it started empty on every opening anyway): a closed dialog is work on
          the first draw after each scan for nothing (issue 16). */}
      {forceOpen && (
        <ForceCompleteDialog
          open
          busy={busy}
          onCancel={() => setForceOpen(false)}
          onConfirm={(reason) => {
            setForceOpen(false);
            void run(() => api.call('packing.forceComplete', { orderId, reason }), t('forced'));
          }}
        />
      )}
    </Box>
  );
}
