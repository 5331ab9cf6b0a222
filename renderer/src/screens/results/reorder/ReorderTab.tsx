import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { ReorderGroup, SupplierRow } from '../../../../../shared/contract/planning.contract';
import { api } from '../../../api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useNotify } from '../../../components/notify';
import { PlainTable } from '../../../components/PlainTable';
import { useLiveQuery } from '../../../components/use-live-query';
import { useSessionState } from '../../../components/use-session-state';
import { useFormat } from '../../../i18n/format';
import { useT } from '../../../i18n/i18n';
import type { ResultsTabProps } from '../results-tabs';
import { PurchaseOrders } from './PurchaseOrders';
import { SlottingCard } from './SlottingCard';
import { Suppliers } from './Suppliers';
import { reorderMessages } from './reorder.messages';

const LEVELS = [90, 95, 97, 99];

function parseQuantity(text: string): number | null {
  const digits = text.replace(/[\s\u00a0]/g, '');
  if (!/^\d{1,7}$/.test(digits)) return null;
  const n = Number(digits);
  return n <= 1_000_000 ? n : null;
}

function GroupCard({ group, serviceLevel, suppliers, onDone }: { group: ReorderGroup; serviceLevel: number; suppliers: SupplierRow[]; onDone: () => void }) {
  const t = useT(reorderMessages);
  const format = useFormat();
  const notify = useNotify();
  const [typed, setTyped] = useState<Record<number, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const quantityOf = (productId: number, proposed: number) => (typed[productId] === undefined ? proposed : parseQuantity(typed[productId]!));
  const invalid = group.lines.some((l) => quantityOf(l.productId, l.quantity) === null);
  const total = group.lines.reduce((s, l) => s + (quantityOf(l.productId, l.quantity) ?? 0) * (l.unitCostGrosze ?? 0), 0);

  async function createOrder() {
    if (group.supplierId === null || invalid) return;
    setBusy(true);
    setError(null);
    try {
      const lines = group.lines.map((l) => ({ productId: l.productId, quantity: quantityOf(l.productId, l.quantity)! })).filter((l) => l.quantity > 0);
      const order = await api.call('planning.createPurchaseOrder', { supplierId: group.supplierId, serviceLevel, lines });
      notify(t('created', { number: order.number }));
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function assign(productId: number, supplierId: number) {
    try {
      await api.call('planning.assignSupplier', { productIds: [productId], supplierId });
      notify(t('assigned'));
      onDone();
    } catch (e) {
      setError(e);
    }
  }

  const noSupplier = group.supplierId === null;
  return (
    <Card variant="outlined" sx={{ mb: 2 }} data-supplier={group.supplierName ?? ''}>
      <CardContent>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'baseline', flexWrap: 'wrap', mb: 1 }}>
          <Typography variant="h6" component="h2">
            {group.supplierName ?? t('noSupplier')}
          </Typography>
          {group.leadTimeDays !== null && (
            <Typography variant="body2" color="text.secondary">
              {t('leadTime', { n: group.leadTimeDays })}
              {group.arrivesOn ? ` · ${t('arrives', { date: format.date(group.arrivesOn) })}` : ''}
            </Typography>
          )}
          {noSupplier && (
            <Typography variant="body2" color="text.secondary">
              {t('noSupplierHint')}
            </Typography>
          )}
        </Stack>
        <PlainTable
          density="compact"
          columns={[
            t('colProduct'),
            t('colClass'),
            { label: t('colDaily'), align: 'right' },
            { label: t('colStock'), align: 'right' },
            { label: t('colOnOrder'), align: 'right' },
            { label: t('colSafety'), align: 'right' },
            { label: t('colPoint'), align: 'right' },
            t('colCover'),
            noSupplier ? t('assign') : t('colQuantity'),
            { label: t('colValue'), align: 'right' },
          ]}
        >
          {group.lines.map((l) => {
            const q = quantityOf(l.productId, l.quantity);
            return (
              <tr key={l.productId} data-product={l.sku}>
                <td style={{ minWidth: 260 }}>
                  <div>{l.name}</div>
                  <Typography variant="caption" color="text.secondary">
                    {l.sku}
                  </Typography>
                </td>
                <td>{`${l.abc}${l.xyz ?? ''}`}</td>
                <td style={{ textAlign: 'right' }}>{format.number(l.dailySalesX100 / 100)}</td>
                <td style={{ textAlign: 'right' }}>
                  {format.number(l.onHand)} / {format.number(l.reserved)}
                </td>
                <td style={{ textAlign: 'right' }}>{format.number(l.onOrder)}</td>
                <td style={{ textAlign: 'right' }}>{format.number(l.safetyStock)}</td>
                <td style={{ textAlign: 'right' }}>{format.number(l.reorderPoint)}</td>
                <td>{l.daysOfCover === null ? '—' : t('days', { n: l.daysOfCover })}</td>
                <td style={{ width: 130 }}>
                  {noSupplier ? (
                    <TextField select size="small" value="" label={t('assign')} onChange={(e) => void assign(l.productId, Number(e.target.value))} sx={{ minWidth: 120 }}>
                      {suppliers.map((s) => (
                        <MenuItem key={s.id} value={s.id}>
                          {s.name}
                        </MenuItem>
                      ))}
                    </TextField>
                  ) : (
                    <TextField
                      size="small"
                      value={typed[l.productId] ?? String(l.quantity)}
                      onChange={(e) => setTyped((m) => ({ ...m, [l.productId]: e.target.value }))}
                      error={q === null}
                      helperText={q === null ? t('quantityError') : undefined}
                      slotProps={{ htmlInput: { inputMode: 'numeric', 'aria-label': `${t('colQuantity')}: ${l.name}` } }}
                    />
                  )}
                </td>
                <td style={{ textAlign: 'right' }}>{l.unitCostGrosze === null || q === null ? '—' : format.money(q * l.unitCostGrosze)}</td>
              </tr>
            );
          })}
        </PlainTable>
        <Stack direction="row" spacing={2} sx={{ mt: 1.5, alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography sx={{ fontWeight: 600 }}>{t('total', { value: format.money(total) })}</Typography>
          {!noSupplier && total < group.minimumOrderGrosze && (
            <Alert severity="warning" sx={{ py: 0 }}>
              {t('belowMinimum', { value: format.money(group.minimumOrderGrosze) })}
            </Alert>
          )}
          {!noSupplier && (
            <Button variant="contained" onClick={() => void createOrder()} disabled={busy || invalid}>
              {t('createOrder')}
            </Button>
          )}
        </Stack>
        <ErrorAlert error={error} />
      </CardContent>
    </Card>
  );
}

/** Wyniki → Zamówienia do dostawców: proposals by supplier, purchase orders and receiving against them. */
export default function ReorderTab(_props: ResultsTabProps) {
  const t = useT(reorderMessages);
  const [level, setLevel] = useSessionState<number>('results.serviceLevel', 95);
  const proposals = useLiveQuery(() => api.call('planning.reorder', { serviceLevel: level }), ['stock', 'products', 'orders'], [level]);
  const suppliers = useLiveQuery(() => api.call('planning.suppliers'), ['products']);
  const [version, setVersion] = useState(0);
  const reload = () => {
    proposals.reload();
    suppliers.reload();
    setVersion((v) => v + 1);
  };
  return (
    <Box data-testid="reorder">
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {t('intro')}
      </Typography>
      <TextField select size="small" label={t('serviceLevel')} value={level} onChange={(e) => setLevel(Number(e.target.value))} helperText={t('serviceLevelHint')} sx={{ mb: 2, minWidth: 220 }}>
        {LEVELS.map((l) => (
          <MenuItem key={l} value={l}>
            {`${l}%`}
          </MenuItem>
        ))}
      </TextField>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('classLegend')}
      </Typography>
      <ErrorAlert error={proposals.error} onRetry={proposals.reload} />
      {proposals.data && proposals.data.groups.length === 0 && <Alert severity="success">{t('noProposals')}</Alert>}
      {proposals.data?.groups.map((g) => (
        <GroupCard key={`${g.supplierId ?? 'none'}-${level}-${proposals.data!.computedAt}`} group={g} serviceLevel={level} suppliers={suppliers.data ?? []} onDone={reload} />
      ))}
      <SlottingCard />
      <PurchaseOrders version={version} onChanged={reload} />
      <Suppliers suppliers={suppliers.data ?? []} onChanged={reload} />
    </Box>
  );
}
