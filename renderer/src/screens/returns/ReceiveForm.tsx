import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { ReceiveReturnInput, ReturnDetail } from '../../../../shared/contract/returns.contract';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notify';
import { useLiveQuery } from '../../components/use-live-query';
import { useT } from '../../i18n/i18n';
import { CheckFields, type CheckValue } from './CheckFields';
import { refusedLineFields } from './field-errors';
import { returnsMessages } from './returns.messages';
import { clearDraft, useDraft } from './use-draft';

interface LineDraft extends CheckValue {
  quantity: string;
}

type LineErrors = Partial<Record<'quantity' | 'condition' | 'decision' | 'locationId', string>>;

/** Receiving an announced (e.g. Allegro) return: what arrived, in what condition, and where it goes. */
export function ReceiveForm({ detail, onDone }: { detail: ReturnDetail; onDone: (next: ReturnDetail) => void }) {
  const t = useT(returnsMessages);
  const notify = useNotify();
  const locations = useLiveQuery(() => api.call('stock.locations'), ['stock'], []);
  const key = `receive.${detail.return.id}`;
  const [lines, setLines] = useDraft<Record<number, LineDraft>>(key, () =>
    Object.fromEntries(detail.lines.map((l) => [l.id, { quantity: String(l.quantity), condition: '', decision: '', locationId: '' }])),
  );
  const [errors, setErrors] = useState<Map<number, LineErrors>>(new Map());
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    const found = new Map<number, LineErrors>();
    for (const l of detail.lines) {
      const d = lines[l.id]!;
      const q = Number(d.quantity);
      const e: LineErrors = {};
      if (!Number.isInteger(q) || q < 0 || q > l.quantity) e.quantity = t('announced', { n: l.quantity });
      if (q > 0 && !d.condition) e.condition = t('errCondition');
      if (q > 0 && !d.decision) e.decision = t('errDecision');
      if (Object.keys(e).length) found.set(l.id, e);
    }
    setErrors(found);
    if (found.size > 0) return;
    const input: ReceiveReturnInput = {
      id: detail.return.id,
      lines: detail.lines.map((l) => {
        const d = lines[l.id]!;
        return {
          returnLineId: l.id,
          quantity: Number(d.quantity),
          // A line that did not come still needs values; they are not stored for 0 units.
          condition: d.condition || 'resellable',
          decision: d.decision || 'write_off',
          ...(d.decision === 'restock' && d.locationId !== '' ? { locationId: d.locationId } : {}),
        };
      }),
    };
    setBusy(true);
    setError(null);
    try {
      const next = await api.call('returns.receive', input);
      clearDraft(key);
      notify(t('receivedDone'));
      onDone(next);
    } catch (e) {
      const refused = refusedLineFields(e);
      if (refused) {
        const fresh = new Map<number, LineErrors>();
        refused.forEach((fields, index) => {
          const l = detail.lines[index];
          if (l && fields.has('decision')) fresh.set(l.id, { decision: t('errNoProduct') });
          if (l && fields.has('quantity')) fresh.set(l.id, { ...fresh.get(l.id), quantity: t('announced', { n: l.quantity }) });
        });
        setErrors(fresh);
      }
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Typography variant="h6" component="h2" sx={{ mb: 2 }}>
        {t('receiveTitle')}
      </Typography>
      <Stack spacing={2}>
        {detail.lines.map((l) => {
          const d = lines[l.id] ?? { quantity: String(l.quantity), condition: '', decision: '', locationId: '' };
          const e = errors.get(l.id);
          const name = l.name ?? l.sku ?? String(l.id);
          return (
            <Stack key={l.id} spacing={1} data-testid="receive-line">
              <Typography sx={{ fontWeight: 600 }}>
                {name} <Typography component="span" color="text.secondary">({t('announced', { n: l.quantity })})</Typography>
              </Typography>
              <Stack direction={{ xs: 'column', md: 'row' }} spacing={1}>
                <TextField
                  size="small"
                  type="number"
                  label={t('receiveQty')}
                  value={d.quantity}
                  onChange={(ev) => setLines((all) => ({ ...all, [l.id]: { ...d, quantity: ev.target.value } }))}
                  error={Boolean(e?.quantity)}
                  helperText={e?.quantity}
                  sx={{ width: 140 }}
                  slotProps={{ htmlInput: { min: 0, max: l.quantity, 'aria-label': `${t('receiveQty')}: ${name}` } }}
                />
                <CheckFields value={d} locations={locations.data ?? []} errors={e} onChange={(next) => setLines((all) => ({ ...all, [l.id]: { ...d, ...next } }))} />
              </Stack>
            </Stack>
          );
        })}
        <ErrorAlert error={error} onClose={() => setError(null)} />
        <div>
          <Button variant="contained" disabled={busy} onClick={() => void save()}>
            {t('receiveSave')}
          </Button>
        </div>
      </Stack>
    </Paper>
  );
}
