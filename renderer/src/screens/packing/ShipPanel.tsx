import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import FormControl from '@mui/material/FormControl';
import InputLabel from '@mui/material/InputLabel';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Select from '@mui/material/Select';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import LocalShippingIcon from '@mui/icons-material/LocalShipping';
import { useEffect, useRef, useState } from 'react';
import { type PackOrder, SHIP_CARRIERS, type ShipCarrier, type ShipOutput } from '../../../../shared/contract/packing.contract';
import { api, ApiError } from '../../api';
import { useRole } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/i18n';
import { isWordReason } from './ForceCompleteDialog';
import { packingMessages } from './packing.messages';
import { SlipPrintButtons } from './SlipPrintButtons';
import { trackingRefusal, type TrackingRefusal } from './tracking-refusal';
import { useScanGuard, withoutScan } from '../../components/use-scan-guard';

interface Draft {
  carrier: ShipCarrier | '';
  tracking: string;
}

const draftKey = (orderId: number) => `zaplecze.packing.ship.${orderId}`;

function loadDraft(order: PackOrder): Draft {
  try {
    const stored = sessionStorage.getItem(draftKey(order.id));
    if (stored) return JSON.parse(stored) as Draft;
  } catch {
    // no storage: start from the order
  }
  const preset = (SHIP_CARRIERS as readonly string[]).includes(order.carrier ?? '') ? (order.carrier as ShipCarrier) : '';
  return { carrier: preset, tracking: '' };
}

interface Shortage {
  name: string;
  sku: string | null;
  onHand: number;
  needed: number;
}

/**
 * After packing: the slip, the tracking number (a scanner reads the courier's label into the field;
 * Enter ships) and the carrier preselected from the delivery method. What was typed survives leaving
 * the screen (kept per order until it ships).
 */
export function ShipPanel({ order, onShipped }: { order: PackOrder; onShipped: (result: ShipOutput) => void }) {
  const t = useT(packingMessages);
  const role = useRole();
  const [draft, setDraft] = useState<Draft>(() => loadDraft(order));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [refusal, setRefusal] = useState<TrackingRefusal | null>(null);
  const [unpaidReason, setUnpaidReason] = useState('');
  const [unpaidScanned, setUnpaidScanned] = useState<string | null>(null);
  const trackingInput = useRef<HTMLInputElement>(null);
  const unpaid = order.payment === 'unpaid';
  // The reason field does not take scans (a habitual scan would become the reason and ship the order).
  useScanGuard(unpaid, (code) => {
    setUnpaidReason((r) => withoutScan(r, code));
    setUnpaidScanned(code);
  });

  useEffect(() => {
    try {
      sessionStorage.setItem(draftKey(order.id), JSON.stringify(draft));
    } catch {
      // not kept; the form still works
    }
  }, [draft, order.id]);

  const needsTracking = draft.carrier !== 'personal';
  const unpaidOk = !unpaid || (role === 'owner' && isWordReason(unpaidReason));
  const canShip = !busy && (draft.tracking.trim() !== '' || !needsTracking) && unpaidOk;

  /** A refused number stays visible and selected, so the next scan replaces it instead of adding to it. */
  function refuse(r: TrackingRefusal) {
    setRefusal(r);
    requestAnimationFrame(() => {
      trackingInput.current?.focus();
      trackingInput.current?.select();
    });
  }

  async function ship(confirmUnusual = false) {
    if (!canShip) return;
    const tracking = draft.tracking.trim();
    // The order's own products are refused at once, without asking the core (which checks every product).
    const own = order.lines.find((l) => tracking !== '' && (l.ean === tracking || (l.sku !== null && l.sku.toLowerCase() === tracking.toLowerCase())));
    if (own) {
      refuse({ kind: 'product', code: tracking, name: own.name, sku: own.sku ?? '' });
      return;
    }
    setBusy(true);
    setError(null);
    setRefusal(null);
    try {
      const result = await api.call('packing.ship', {
        orderId: order.id,
        carrier: draft.carrier === '' ? null : draft.carrier,
        ...(tracking ? { trackingNumber: tracking } : {}),
        ...(unpaid && role === 'owner' ? { unpaidReason: unpaidReason.trim() } : {}),
        ...(confirmUnusual ? { confirmUnusualTracking: true } : {}),
      });
      try {
        sessionStorage.removeItem(draftKey(order.id));
      } catch {
        // nothing kept
      }
      onShipped(result);
    } catch (e) {
      const r = trackingRefusal(e);
      if (r) refuse(r);
      else setError(e);
    } finally {
      setBusy(false);
    }
  }

  function refusalText(r: TrackingRefusal): string {
    const carrier = r.kind === 'format' || r.kind === 'unusual' ? t(`carrier_${r.carrier}`) : '';
    switch (r.kind) {
      case 'product':
        return t('trackingIsProduct', { code: r.code, name: r.name, sku: r.sku });
      case 'order':
        return t('trackingIsOrder', { code: r.code });
      case 'format':
        return t('trackingFormat', { code: r.code, carrier, expected: r.expected });
      case 'unusual':
        return t('trackingUnusual', { code: r.code, carrier, expected: r.expected });
      case 'unpaid':
        return t('unpaidRefused');
    }
  }

  const shortages = error instanceof ApiError && error.code === 'insufficient_stock' ? ((error.details as { shortages?: Shortage[] } | undefined)?.shortages ?? []) : null;
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Typography variant="h6" component="h2" sx={{ mb: 2 }}>
        {t('shipTitle')}
      </Typography>
      <Stack spacing={2}>
        <SlipPrintButtons orderIds={[order.id]} />
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <FormControl sx={{ minWidth: 200 }}>
            <InputLabel id="carrier-label">{t('carrier')}</InputLabel>
            <Select labelId="carrier-label" label={t('carrier')} value={draft.carrier} onChange={(e) => setDraft((d) => ({ ...d, carrier: e.target.value as ShipCarrier }))}>
              {SHIP_CARRIERS.map((c) => (
                <MenuItem key={c} value={c}>
                  {t(`carrier_${c}`)}
                </MenuItem>
              ))}
            </Select>
          </FormControl>
          <TextField
            autoFocus
            fullWidth
            label={t('tracking')}
            inputRef={trackingInput}
            value={draft.tracking}
            error={refusal !== null}
            onChange={(e) => {
              setRefusal(null);
              setDraft((d) => ({ ...d, tracking: e.target.value }));
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void ship();
              }
            }}
            helperText={refusal ? refusalText(refusal) : needsTracking && draft.tracking.trim() === '' ? t('trackingMissing') : ' '}
            slotProps={{ htmlInput: { maxLength: 64, spellCheck: false, autoComplete: 'off', 'data-tracking-field': 'true' }, formHelperText: { role: refusal ? 'alert' : undefined, 'data-testid': 'tracking-help' } as object }}
          />
        </Stack>
        {unpaid && (
          // The banner above the lines says why; here only what it takes to ship anyway.
          <Box data-testid="unpaid-alert">
            {role === 'owner' ? (
              <TextField
                fullWidth
                size="small"
                color="error"
                label={t('unpaidReason')}
                value={unpaidReason}
                onChange={(e) => {
                  setUnpaidScanned(null);
                  setUnpaidReason(e.target.value);
                }}
                error={unpaidScanned !== null}
                helperText={unpaidScanned !== null ? t('scanInDialog', { code: unpaidScanned }) : t('unpaidHelper')}
                slotProps={{ htmlInput: { maxLength: 500 }, formHelperText: { role: unpaidScanned ? 'alert' : undefined } as object }}
              />
            ) : (
              <Typography color="error" sx={{ fontWeight: 600 }}>
                {t('unpaidHelper')}
              </Typography>
            )}
          </Box>
        )}
        {shortages ? (
          <Alert severity="error" role="alert" data-error-code="insufficient_stock">
            <AlertTitle>{t('insufficientTitle')}</AlertTitle>
            {shortages.map((s) => (
              <div key={s.sku ?? s.name}>{t('insufficientLine', { name: s.name, onHand: s.onHand, needed: s.needed })}</div>
            ))}
            <div style={{ marginTop: 8 }}>{t('insufficientHint')}</div>
          </Alert>
        ) : (
          <ErrorAlert error={error} onClose={() => setError(null)} />
        )}
        <Stack direction="row" spacing={2}>
          <Button variant="contained" size="large" color="success" startIcon={<LocalShippingIcon />} disabled={!canShip} onClick={() => void ship()}>
            {t('ship')}
          </Button>
          {refusal?.kind === 'unusual' && (
            <Button variant="outlined" size="large" color="warning" disabled={!canShip} onClick={() => void ship(true)}>
              {t('shipAnyway')}
            </Button>
          )}
        </Stack>
      </Stack>
    </Paper>
  );
}
