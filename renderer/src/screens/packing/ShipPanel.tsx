import Alert from '@mui/material/Alert';
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
import PrintIcon from '@mui/icons-material/Print';
import { useEffect, useState } from 'react';
import { type PackOrder, SHIP_CARRIERS, type ShipCarrier, type ShipOutput } from '../../../../shared/contract/packing.contract';
import { api, ApiError } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/i18n';
import { packingMessages } from './packing.messages';
import { usePrint } from './use-print';

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
  const [draft, setDraft] = useState<Draft>(() => loadDraft(order));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const printing = usePrint();

  useEffect(() => {
    try {
      sessionStorage.setItem(draftKey(order.id), JSON.stringify(draft));
    } catch {
      // not kept; the form still works
    }
  }, [draft, order.id]);

  const needsTracking = draft.carrier !== 'personal';
  const canShip = !busy && (draft.tracking.trim() !== '' || !needsTracking);

  async function ship() {
    if (!canShip) return;
    setBusy(true);
    setError(null);
    try {
      const tracking = draft.tracking.trim();
      const result = await api.call('packing.ship', { orderId: order.id, carrier: draft.carrier === '' ? null : draft.carrier, ...(tracking ? { trackingNumber: tracking } : {}) });
      try {
        sessionStorage.removeItem(draftKey(order.id));
      } catch {
        // nothing kept
      }
      onShipped(result);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const shortages = error instanceof ApiError && error.code === 'insufficient_stock' ? ((error.details as { shortages?: Shortage[] } | undefined)?.shortages ?? []) : null;
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Typography variant="h6" component="h2" sx={{ mb: 2 }}>
        {t('shipTitle')}
      </Typography>
      <Stack spacing={2}>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <Button variant="outlined" startIcon={<PrintIcon />} disabled={printing.busy} onClick={() => void printing.print('print.packingSlips', [order.id], 'print')}>
            {t('printSlip')}
          </Button>
        </Stack>
        <ErrorAlert error={printing.error} onClose={printing.clearError} />
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
            value={draft.tracking}
            onChange={(e) => setDraft((d) => ({ ...d, tracking: e.target.value }))}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void ship();
              }
            }}
            helperText={needsTracking && draft.tracking.trim() === '' ? t('trackingMissing') : ' '}
            slotProps={{ htmlInput: { maxLength: 64, spellCheck: false, autoComplete: 'off', 'data-tracking-field': 'true' } }}
          />
        </Stack>
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
        <Button variant="contained" size="large" color="success" startIcon={<LocalShippingIcon />} disabled={!canShip} onClick={() => void ship()}>
          {t('ship')}
        </Button>
      </Stack>
    </Paper>
  );
}
