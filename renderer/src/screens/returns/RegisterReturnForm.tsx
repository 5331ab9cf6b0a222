import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import InputLabel from '@mui/material/InputLabel';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Select from '@mui/material/Select';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import type { RegisterReturnInput, ReturnableOrder, ReturnReason } from '../../../../shared/contract/returns.contract';
import { api } from '../../api';
import { navigate } from '../../app/navigation';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notify';
import { OrderNumber } from '../../components/OrderNumber';
import { orderLabel } from '../../components/order-number-text';
import { PageHeader } from '../../components/PageHeader';
import { useLiveQuery } from '../../components/use-live-query';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/i18n';
import { useEscape } from '../packing/use-escape';
import { CheckFields, type CheckValue } from './CheckFields';
import { todayInWarsaw, dayToInstant } from './dates';
import { refusedLineFields } from './field-errors';
import { reasonOptions } from './reason-options';
import { BackToReturns } from './BackToReturns';
import { returnsMessages } from './returns.messages';
import { clearDraft, useDraft } from './use-draft';

interface LineDraft extends CheckValue {
  quantity: string;
  reasonCode: ReturnReason;
  reasonText: string;
}

interface Draft {
  /** ISO day; null while what is typed is not a date. */
  withdrawnDay: string | null;
  received: boolean;
  note: string;
  lines: Record<number, LineDraft>;
}

const emptyLine = (): LineDraft => ({ quantity: '', reasonCode: 'NONE', reasonText: '', condition: '', decision: '', locationId: '' });

type LineErrors = Partial<Record<'quantity' | 'condition' | 'decision' | 'locationId', string>>;

function ReasonSelect({ value, onChange }: { value: ReturnReason; onChange: (v: ReturnReason) => void }) {
  const t = useT(returnsMessages);
  const id = useId();
  return (
    <FormControl size="small" sx={{ minWidth: 240 }}>
      <InputLabel id={id}>{t('reason')}</InputLabel>
      <Select labelId={id} label={t('reason')} value={value} onChange={(e) => onChange(e.target.value as ReturnReason)}>
        {reasonOptions(t)}
      </Select>
    </FormControl>
  );
}

/**
 * Registering a return of one order: which lines and how many (never more than sold minus already
 * returned), why, and — when the parcel is here — each line's condition and what happens to it. The
 * form is kept as a draft until saved, so nothing typed is lost.
 */
export function RegisterReturnForm({ orderId }: { orderId: number }) {
  const t = useT(returnsMessages);
  const format = useFormat();
  const notify = useNotify();
  const order = useLiveQuery(() => api.call('returns.findOrder', { code: `ZAP-${orderId}` }), ['returns'], [orderId]);
  const locations = useLiveQuery(() => api.call('stock.locations'), ['stock'], []);
  const [draft, setDraft] = useDraft<Draft>(`register.${orderId}`, () => ({ withdrawnDay: todayInWarsaw(), received: true, note: '', lines: {} }));
  const [errors, setErrors] = useState<Map<number, LineErrors>>(new Map());
  const [formError, setFormError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEscape(() => navigate('returns'));

  const data: ReturnableOrder | null | undefined = order.data?.order;
  const lineOf = (id: number) => draft.lines[id] ?? emptyLine();
  const setLine = (id: number, patch: Partial<LineDraft>) => setDraft((d) => ({ ...d, lines: { ...d.lines, [id]: { ...(d.lines[id] ?? emptyLine()), ...patch } } }));

  /**
   * What is typed into "Zwracana ilość": whole units, or nothing. The field is text, not type="number":
   * Chromium's number field dropped a comma without a word, so "1,0" became 10 and "1,5" 15.
   */
  const notWhole = (text: string) => text.trim() !== '' && !/^\d+$/.test(text.trim());
  const typed = (id: number) => notWhole(lineOf(id).quantity) || Number(lineOf(id).quantity) > 0;

  function validate(o: ReturnableOrder): { chosen: ReturnableOrder['lines']; errors: Map<number, LineErrors> } {
    const found = new Map<number, LineErrors>();
    const chosen = o.lines.filter((l) => typed(l.orderLineId));
    for (const l of chosen) {
      const d = lineOf(l.orderLineId);
      const e: LineErrors = {};
      const q = Number(d.quantity);
      if (notWhole(d.quantity)) e.quantity = t('errWholeUnits');
      else if (q > l.returnable) e.quantity = t('errQuantity', { n: l.returnable, sold: l.sold, returned: l.alreadyReturned });
      if (draft.received && !d.condition) e.condition = t('errCondition');
      if (draft.received && !d.decision) e.decision = t('errDecision');
      if (draft.received && d.decision === 'restock' && l.productId === null) e.decision = t('errNoProduct');
      if (Object.keys(e).length) found.set(l.orderLineId, e);
    }
    return { chosen, errors: found };
  }

  async function save(o: ReturnableOrder) {
    setError(null);
    setFormError(null);
    const { chosen, errors: found } = validate(o);
    setErrors(found);
    if (chosen.length === 0) {
      setFormError(t('nothingChosen'));
      return;
    }
    if (found.size > 0) return;
    if (!draft.withdrawnDay) {
      setFormError(t('errWithdrawnDate'));
      return;
    }
    const withdrawnAt = dayToInstant(draft.withdrawnDay);
    const input: RegisterReturnInput = {
      orderId,
      received: draft.received,
      ...(withdrawnAt ? { withdrawnAt } : {}),
      ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
      lines: chosen.map((l) => {
        const d = lineOf(l.orderLineId);
        return {
          orderLineId: l.orderLineId,
          quantity: Number(d.quantity),
          reasonCode: d.reasonCode,
          ...(d.reasonText.trim() ? { reasonText: d.reasonText.trim() } : {}),
          ...(draft.received && d.condition ? { condition: d.condition } : {}),
          ...(draft.received && d.decision ? { decision: d.decision } : {}),
          ...(draft.received && d.decision === 'restock' && d.locationId !== '' ? { locationId: d.locationId } : {}),
        };
      }),
    };
    setBusy(true);
    try {
      const saved = await api.call('returns.register', input);
      clearDraft(`register.${orderId}`);
      notify(t('saved'));
      navigate('returns', saved.return.id);
    } catch (e) {
      // Refused fields (e.g. someone registered part of this order meanwhile): say which, in our words.
      const refused = refusedLineFields(e);
      if (refused && refused.size > 0) {
        const fresh = new Map<number, LineErrors>();
        refused.forEach((fields, index) => {
          const l = chosen[index];
          if (!l) return;
          fresh.set(l.orderLineId, {
            ...(fields.has('quantity') ? { quantity: t('errQuantity', { n: l.returnable, sold: l.sold, returned: l.alreadyReturned }) } : {}),
            ...(fields.has('condition') ? { condition: t('errCondition') } : {}),
            ...(fields.has('decision') ? { decision: l.productId === null ? t('errNoProduct') : t('errDecision') } : {}),
          });
        });
        setErrors(fresh);
        order.reload();
      }
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Box>
      <PageHeader
        title={data ? t('registerTitle', { buyer: orderLabel(data) }) : t('newReturn')}
        subtitle={
          data ? (
            <>
              {t('registerSubtitle', { date: format.date(data.boughtAt) })}
              {' · '}
              <OrderNumber number={data.number} />
            </>
          ) : undefined
        }
        actions={<BackToReturns />}
      />
      <ErrorAlert error={order.error} onRetry={order.reload} />
      {order.loading && <LinearProgress sx={{ mb: 1 }} />}
      {data && !['shipped', 'delivered'].includes(data.status) && <Alert severity="warning" sx={{ mb: 2 }}>{t('notShipped')}</Alert>}
      {data && (
        <Stack spacing={2}>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' } }}>
            <DateField label={t('withdrawnAt')} value={draft.withdrawnDay} onChange={(withdrawnDay) => setDraft((d) => ({ ...d, withdrawnDay }))} helperText={t('withdrawnHint')} max={todayInWarsaw()} />
            <FormControlLabel control={<Switch checked={draft.received} onChange={(e) => setDraft((d) => ({ ...d, received: e.target.checked }))} />} label={t('received')} />
          </Stack>
          {data.lines.map((l) => {
            const d = lineOf(l.orderLineId);
            const e = errors.get(l.orderLineId);
            const chosen = !notWhole(d.quantity) && Number(d.quantity) > 0;
            // Said as it is typed, and gone once corrected (the other checks wait for "Zapisz zwrot").
            const quantityError = notWhole(d.quantity) ? t('errWholeUnits') : e?.quantity === t('errWholeUnits') ? undefined : e?.quantity;
            return (
              <Paper key={l.orderLineId} variant="outlined" sx={{ p: 2, opacity: l.returnable === 0 ? 0.6 : 1 }} data-testid="return-line">
                <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'flex-start' } }}>
                  <Box sx={{ flex: 1, minWidth: 220 }}>
                    <Typography sx={{ fontWeight: 600 }}>{l.name}</Typography>
                    <Typography variant="body2" color="text.secondary">
                      {[l.sku, l.ean].filter(Boolean).join(' · ')} · {t('returnable', { n: l.returnable, sold: l.sold })}
                    </Typography>
                  </Box>
                  <TextField
                    size="small"
                    label={t('colReturnQty')}
                    value={d.quantity}
                    disabled={l.returnable === 0}
                    onChange={(ev) => setLine(l.orderLineId, { quantity: ev.target.value })}
                    error={Boolean(quantityError)}
                    helperText={quantityError}
                    sx={{ width: 150 }}
                    slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 6, 'aria-label': `${t('colReturnQty')}: ${l.name}` }, formHelperText: { role: 'alert' } as object }}
                  />
                </Stack>
                {chosen && (
                  <Stack spacing={1} sx={{ mt: 2 }}>
                    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1}>
                      <ReasonSelect value={d.reasonCode} onChange={(reasonCode) => setLine(l.orderLineId, { reasonCode })} />
                      <TextField size="small" fullWidth label={t('reasonText')} value={d.reasonText} onChange={(ev) => setLine(l.orderLineId, { reasonText: ev.target.value })} slotProps={{ htmlInput: { maxLength: 500 } }} />
                    </Stack>
                    {draft.received && (
                      <CheckFields
                       
                        value={d}
                        locations={locations.data ?? []}
                        errors={e}
                        onChange={(next) => setLine(l.orderLineId, { condition: next.condition, decision: next.decision, locationId: next.locationId })}
                      />
                    )}
                  </Stack>
                )}
              </Paper>
            );
          })}
          <TextField label={t('note')} multiline minRows={2} value={draft.note} onChange={(e) => setDraft((d) => ({ ...d, note: e.target.value }))} slotProps={{ htmlInput: { maxLength: 2000 } }} />
          {formError && <Alert severity="error">{formError}</Alert>}
          <ErrorAlert error={error} onClose={() => setError(null)} />
          <Box>
            <Button variant="contained" size="large" disabled={busy} onClick={() => void save(data)}>
              {t('save')}
            </Button>
          </Box>
        </Stack>
      )}
    </Box>
  );
}
