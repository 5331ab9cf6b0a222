import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { AtRiskRow } from '../../../../../shared/contract/planning.contract';
import { api } from '../../../api';
import { navigate } from '../../../app/navigation';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { orderLabel, shortOrderNumber } from '../../../components/order-number-text';
import { PlainTable } from '../../../components/PlainTable';
import { useLiveQuery } from '../../../components/use-live-query';
import { useFormat } from '../../../i18n/format';
import { useT } from '../../../i18n/i18n';
import type { ResultsTabProps } from '../results-tabs';
import { atRiskMessages } from './at-risk.messages';

type Filter = 'all' | 'late' | 'no_stock' | 'unpaid' | 'queue' | 'on_hold';
const FILTERS: Filter[] = ['all', 'late', 'no_stock', 'unpaid', 'queue', 'on_hold'];

function Reasons({ row }: { row: AtRiskRow }) {
  const t = useT(atRiskMessages);
  const lines: string[] = [];
  if (row.reasons.includes('no_stock')) lines.push(t('reasonNoStock', { items: row.missing.map((m) => t('reasonMissingItem', { name: m.name, n: m.units })).join(', ') }));
  if (row.reasons.includes('unpaid')) lines.push(t('reasonUnpaid'));
  if (row.reasons.includes('queue')) lines.push(t('reasonQueue', { position: row.queuePosition ?? 0, slots: row.slotsBeforeDeadline ?? 0 }));
  if (row.reasons.includes('on_hold')) lines.push(t('reasonOnHold'));
  if (lines.length === 0 && row.late) lines.push(t('reasonLateOnly'));
  return (
    <Stack spacing={0.25}>
      {lines.map((line) => (
        <span key={line}>{line}</span>
      ))}
    </Stack>
  );
}

function Actions({ row }: { row: AtRiskRow }) {
  const t = useT(atRiskMessages);
  const packable = row.status === 'to_pick' || row.status === 'packed';
  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 0.5 }}>
      {row.actions.includes('release_hold') && (
        <Button size="small" variant="outlined" onClick={() => navigate('orders', row.orderId)}>
          {t('actionRelease')}
        </Button>
      )}
      {row.actions.includes('receive_goods') && row.missing[0] && (
        <Button size="small" variant="outlined" onClick={() => navigate('stock', row.missing[0]!.productId)}>
          {t('actionReceive')}
        </Button>
      )}
      {row.actions.includes('pack_first') && (
        <Button size="small" variant="outlined" onClick={() => (packable ? navigate('packing', row.orderId) : navigate('orders', row.orderId))}>
          {t('actionPackFirst')}
        </Button>
      )}
      {row.actions.includes('contact_buyer') && (
        <Button size="small" onClick={() => navigate('orders', row.orderId)}>
          {t('actionContact')}
        </Button>
      )}
    </Stack>
  );
}

/** Wyniki → Zagrożone zamówienia: what will miss its promised dispatch, why, and what to do about it. */
export default function AtRiskTab(_props: ResultsTabProps) {
  const t = useT(atRiskMessages);
  const format = useFormat();
  const [filter, setFilter] = useState<Filter>('all');
  const list = useLiveQuery(() => api.call('planning.atRisk', { reason: filter === 'all' ? undefined : filter, limit: 500 }), ['orders', 'stock'], [filter]);
  const data = list.data;
  const countOf = (f: Filter) => (!data ? 0 : f === 'all' ? null : data.counts[f]);
  return (
    <Box data-testid="at-risk">
      <Typography color="text.secondary" sx={{ mb: 1.5 }}>
        {t('intro')}
      </Typography>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      {data && (
        <Typography variant="body2" sx={{ mb: 1.5 }} data-testid="at-risk-capacity">
          {data.capacityPerDay === null ? t('capacityUnknown') : t('capacity', { perDay: data.capacityPerDay, days: data.capacityMeasuredDays, today: data.shippedToday })}
        </Typography>
      )}
      {data && (
        <Typography variant="body2" sx={{ mb: 1.5 }} data-testid="at-risk-queue">
          {t('queueLine', { queue: data.queueLength, toPick: data.queueToPick, fresh: data.queueNew })}
          {data.queueToPick + data.queueNew > data.queueLength ? t('queueBlocked', { n: data.queueToPick + data.queueNew - data.queueLength }) : ''}
          {t('queuePacked', { n: data.packedWaiting })}
        </Typography>
      )}
      <Stack direction="row" spacing={1} sx={{ mb: 2, flexWrap: 'wrap', rowGap: 1 }} role="group">
        {FILTERS.map((f) => (
          <Chip
            key={f}
            label={t(f, { n: f === 'all' ? (filter === 'all' ? (data?.total ?? 0) : '…') : (countOf(f) ?? 0) })}
            color={f === 'late' ? 'error' : 'default'}
            variant={filter === f ? 'filled' : 'outlined'}
            onClick={() => setFilter(f)}
            aria-pressed={filter === f}
            data-filter={f}
          />
        ))}
      </Stack>
      {data && data.rows.length === 0 && <Alert severity={filter === 'all' ? 'success' : 'info'}>{filter === 'all' ? t('empty') : t('emptyFilter')}</Alert>}
      {data && data.rows.length > 0 && (
        <PlainTable density="text" columns={[t('colOrder'), t('colDeadline'), t('colWhy'), t('colWhat')]}>
          {data.rows.map((row) => (
            <tr key={row.orderId} data-order-id={row.orderId}>
              <td style={{ width: '20%' }}>
                <div style={{ fontWeight: 600 }}>{orderLabel(row)}</div>
                <Typography variant="caption" color="text.secondary" component="div">
                  {shortOrderNumber(row.number)}
                </Typography>
              </td>
              <td style={{ width: '16%', whiteSpace: 'nowrap' }}>
                <div>{format.dateTime(row.dispatchBy)}</div>
                {row.late ? (
                  <Chip size="small" color="error" label={t('lateTag')} />
                ) : (
                  <Typography variant="caption" color="text.secondary">
                    {row.workingDaysLeft <= 1 ? t('todayLeft') : t('daysLeft', { n: row.workingDaysLeft })}
                  </Typography>
                )}
              </td>
              <td>
                <Reasons row={row} />
              </td>
              <td style={{ width: '34%' }}>
                <Actions row={row} />
              </td>
            </tr>
          ))}
        </PlainTable>
      )}
      {data && data.total > data.rows.length && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {t('more', { shown: data.rows.length, total: data.total })}
        </Typography>
      )}
    </Box>
  );
}
