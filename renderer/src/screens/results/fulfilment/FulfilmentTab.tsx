import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { BarChart } from '@mui/x-charts/BarChart';
import type { PeriodNumbers, ResultsSummary } from '../../../../../shared/contract/results.contract';
import { api } from '../../../api';
import { hrefFor } from '../../../app/navigation';
import { Loading } from '../../../app/ScreenHost';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useLiveQuery } from '../../../components/use-live-query';
import { useFormat } from '../../../i18n/format';
import { useT } from '../../../i18n/i18n';
import { reasonLabel } from '../../returns/reason-options';
import { returnsMessages } from '../../returns/returns.messages';
import type { ResultsTabProps } from '../results-tabs';
import { DataSection } from '../shared/DataSection';
import { StillCounting } from '../shared/StillCounting';
import { fulfilmentMessages } from './fulfilment.messages';
import { KpiCard } from './KpiCard';

type Summary = ResultsSummary;
const CHART_HEIGHT = 240;

/** Wyniki → Wysyłka i jakość: the numbers of the chosen period against the one before, each with its chart and table. */
export default function FulfilmentTab({ period }: ResultsTabProps) {
  const query = useLiveQuery(() => api.call('results.summary', { from: period.from, to: period.to }), ['orders', 'stock', 'returns'], [period.from, period.to]);
  if (query.error) return <ErrorAlert error={query.error} onRetry={query.reload} />;
  if (!query.data) return <Loading />;
  return (
    <Box data-testid="results-fulfilment" aria-busy={query.loading} sx={{ opacity: query.loading ? 0.6 : 1, transition: 'opacity 0.2s' }}>
      <StillCounting answer={query.data} pending={query.data.pendingOrders} reload={query.reload} />
      <Kpis s={query.data} />
      <Sections s={query.data} />
    </Box>
  );
}

function usePercent() {
  const t = useT(fulfilmentMessages);
  return (r: number | null) => (r === null ? t('none') : t('percent', { value: Math.round(r * 1000) / 10 }));
}

function Kpis({ s }: { s: Summary }) {
  const t = useT(fulfilmentMessages);
  const pct = usePercent();
  const c = s.current;
  const p = s.previous;
  const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);
  const prev = (text: string) => t('previousWas', { value: text });
  const hours = (h: number | null) => (h === null ? t('none') : t('hours', { value: h }));
  const format = useFormat();
  const per100 = (n: PeriodNumbers) => (n.wrongScansPer100Units === null ? t('none') : format.number(n.wrongScansPer100Units));
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(250px, 1fr))', gap: 1.5, mb: 2 }}>
      <KpiCard id="on-time" label={t('kpiOnTime')} value={pct(c.onTimeRate)} detail={t('kpiOnTimeOf', { onTime: c.onTime, due: c.dueOrders, late: c.late })} previous={prev(pct(p.onTimeRate))} delta={diff(c.onTimeRate, p.onTimeRate)} higherIsBetter definition={t('defOnTime')} />
      <KpiCard id="perfect" label={t('kpiPerfect')} value={pct(c.perfectRate)} detail={t('kpiPerfectOf', { perfect: c.perfect, shipped: c.shippedOrders })} previous={prev(pct(p.perfectRate))} delta={diff(c.perfectRate, p.perfectRate)} higherIsBetter definition={t('defPerfect')} />
      <KpiCard id="cycle" label={t('kpiCycle')} value={hours(c.cycle.boughtToShipped.medianHours)} detail={c.cycle.boughtToShipped.p90Hours === null ? t('none') : t('kpiCycleP90', { value: c.cycle.boughtToShipped.p90Hours })} previous={prev(hours(p.cycle.boughtToShipped.medianHours))} delta={diff(c.cycle.boughtToShipped.medianHours, p.cycle.boughtToShipped.medianHours)} higherIsBetter={false} definition={t('defCycle')} />
      <KpiCard id="returns" label={t('kpiReturns')} value={pct(c.returnRate)} detail={t('kpiReturnsOf', { returned: c.returnedOrders, shipped: c.shippedOrders })} previous={prev(pct(p.returnRate))} delta={diff(c.returnRate, p.returnRate)} higherIsBetter={false} definition={t('defReturns')} />
      <KpiCard id="complaints" label={t('kpiComplaints')} value={pct(c.complaintRate)} detail={t('kpiComplaintsOf', { n: c.complaints, upheld: c.complaintsUpheld })} previous={prev(pct(p.complaintRate))} delta={diff(c.complaintRate, p.complaintRate)} higherIsBetter={false} definition={t('defComplaints')} />
      <KpiCard id="stockouts" label={t('kpiStockouts')} value={t('days', { value: c.stockoutDays })} detail={t('kpiStockoutsOf', { products: c.stockoutProducts, campaign: c.campaignStockoutDays })} previous={prev(t('days', { value: p.stockoutDays }))} delta={c.stockoutDays - p.stockoutDays} higherIsBetter={false} definition={t('defStockouts')} />
      <KpiCard id="wrong-scans" label={t('kpiWrongScans')} value={per100(c)} detail={t('kpiWrongScansOf', { orders: c.packedOrders, units: c.packedUnits })} previous={prev(per100(p))} delta={diff(c.wrongScansPer100Units, p.wrongScansPer100Units)} higherIsBetter={false} definition={t('defWrongScans')} />
    </Box>
  );
}

function Sections({ s }: { s: Summary }) {
  const t = useT(fulfilmentMessages);
  const tr = useT(returnsMessages);
  const format = useFormat();
  const pct = usePercent();
  const dayText = (day: string) => format.date(`${day}T12:00:00Z`);
  const c = s.current;
  const packer = (p: string) => ({ owner: t('packerOwner'), helper: t('packerHelper'), system: t('packerSystem') })[p] ?? (p ? p : t('packerUnknown'));
  const failures = [
    { label: t('failLate'), n: c.failures.late },
    { label: t('failDamaged'), n: c.failures.damaged },
    { label: t('failWrongItem'), n: c.failures.wrongItem },
    { label: t('failIncomplete'), n: c.failures.incomplete },
    { label: t('failComplaintUpheld'), n: c.failures.complaintUpheld },
  ];
  const stages = [
    { label: t('stageBoughtToPaid'), s: c.cycle.boughtToPaid },
    { label: t('stagePaidToPacked'), s: c.cycle.paidToPacked },
    { label: t('stagePackedToShipped'), s: c.cycle.packedToShipped },
    { label: t('stageShippedToDelivered'), s: c.cycle.shippedToDelivered },
    { label: t('stageBoughtToShipped'), s: c.cycle.boughtToShipped },
  ];
  const ratePct = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);
  return (
    <Stack spacing={2}>
      <DataSection
        id="on-time-daily"
        title={t('secOnTime')}
        definition={t('secOnTimeDef')}
        rows={s.daily}
        columns={[
          { label: t('colDay'), value: (r) => dayText(r.day) },
          { label: t('colDue'), align: 'right', value: (r) => r.due },
          { label: t('colOnTime'), align: 'right', value: (r) => r.onTime },
          { label: t('colLate'), align: 'right', value: (r) => r.late },
        ]}
        chart={
          <BarChart
            height={CHART_HEIGHT}
            xAxis={[{ scaleType: 'band', data: s.daily.map((d) => dayText(d.day).slice(0, 5)) }]}
            series={[
              { data: s.daily.map((d) => d.onTime), label: t('colOnTime'), stack: 'due', color: '#2e7d32' },
              { data: s.daily.map((d) => d.late), label: t('colLate'), stack: 'due', color: '#d32f2f' },
            ]}
            margin={{ left: 0, right: 8 }}
          />
        }
      />
      <DataSection
        id="late-orders"
        title={t('secLate')}
        definition={t('secLateDef')}
        rows={s.lateOrders}
        footer={s.lateOrdersTruncated ? <Typography variant="caption">{t('secLateMore', { n: s.lateOrders.length })}</Typography> : undefined}
        columns={[
          { label: t('colOrder'), value: (r) => t('orderNo', { id: r.orderId }), render: (r) => <Link href={hrefFor('orders', r.orderId)}>{t('orderNo', { id: r.orderId })}</Link> },
          { label: t('colBuyer'), value: (r) => r.buyer },
          { label: t('colDueAt'), value: (r) => format.dateTime(r.dueAt) },
          { label: t('colShippedAt'), value: (r) => (r.shippedAt ? format.dateTime(r.shippedAt) : t('notShipped')) },
          { label: t('colDaysLate'), align: 'right', value: (r) => r.daysLate },
        ]}
      />
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, gap: 2 }}>
        <DataSection
          id="failures"
          title={t('secFailures')}
          definition={t('secFailuresDef')}
          rows={failures}
          columns={[
            { label: t('colReason'), value: (r) => r.label },
            { label: t('colOrders'), align: 'right', value: (r) => r.n },
          ]}
          chart={
            <BarChart
              height={CHART_HEIGHT}
              layout="horizontal"
              yAxis={[{ scaleType: 'band', data: failures.map((f) => f.label), width: 150 }]}
              series={[{ data: failures.map((f) => f.n), label: t('colOrders'), color: '#ed6c02' }]}
              hideLegend
            />
          }
        />
        <DataSection
          id="cycle"
          title={t('secCycle')}
          definition={t('secCycleDef')}
          rows={stages}
          columns={[
            { label: t('colStage'), value: (r) => r.label },
            { label: t('colMedian'), align: 'right', value: (r) => r.s.medianHours },
            { label: t('colP90'), align: 'right', value: (r) => r.s.p90Hours },
            { label: t('colCount'), align: 'right', value: (r) => r.s.count },
          ]}
          chart={
            <BarChart
              height={CHART_HEIGHT}
              layout="horizontal"
              yAxis={[{ scaleType: 'band', data: stages.map((x) => x.label), width: 170 }]}
              series={[
                { data: stages.map((x) => x.s.medianHours ?? 0), label: t('colMedian') },
                { data: stages.map((x) => x.s.p90Hours ?? 0), label: t('colP90') },
              ]}
            />
          }
        />
        <DataSection
          id="return-reasons"
          title={t('secReasons')}
          definition={t('secReasonsDef')}
          rows={s.returnsByReason}
          columns={[
            { label: t('colReason'), value: (r) => (r.reason ? reasonLabel(tr, r.reason) : t('reasonNone')) },
            { label: t('colUnits'), align: 'right', value: (r) => r.units },
            { label: t('colLines'), align: 'right', value: (r) => r.lines },
          ]}
          chart={
            s.returnsByReason.length > 0 ? (
              <BarChart
                height={CHART_HEIGHT}
                layout="horizontal"
                yAxis={[{ scaleType: 'band', data: s.returnsByReason.slice(0, 8).map((r) => (r.reason ? reasonLabel(tr, r.reason) : t('reasonNone'))), width: 170 }]}
                series={[{ data: s.returnsByReason.slice(0, 8).map((r) => r.units), label: t('colUnits'), color: '#6a1b9a' }]}
                hideLegend
              />
            ) : undefined
          }
        />
        <DataSection
          id="return-packers"
          title={t('secPackers')}
          definition={t('secPackersDef')}
          rows={s.returnsByPacker}
          columns={[
            { label: t('colPacker'), value: (r) => packer(r.packer) },
            { label: t('colShippedOrders'), align: 'right', value: (r) => r.shippedOrders },
            { label: t('colReturnedOrders'), align: 'right', value: (r) => r.returnedOrders },
            { label: t('colRate'), align: 'right', value: (r) => ratePct(r.rate), render: (r) => pct(r.rate) },
          ]}
        />
      </Box>
      <DataSection
        id="return-products"
        title={t('secProducts')}
        definition={t('secProductsDef')}
        rows={s.returnsByProduct}
        columns={[
          { label: t('colSku'), value: (r) => r.sku },
          { label: t('colProduct'), value: (r) => r.name },
          { label: t('colShippedUnits'), align: 'right', value: (r) => r.shippedUnits },
          { label: t('colReturnedUnits'), align: 'right', value: (r) => r.returnedUnits },
          { label: t('colRate'), align: 'right', value: (r) => ratePct(r.rate), render: (r) => pct(r.rate) },
          { label: t('colOutlier'), value: (r) => (r.outlier ? t('outlier') : ''), render: (r) => (r.outlier ? <Typography component="span" color="error" variant="body2" sx={{ fontWeight: 600 }}>{t('outlier')}</Typography> : '') },
        ]}
      />
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, gap: 2 }}>
        <DataSection
          id="complaint-demands"
          title={t('secComplaintDemands')}
          definition={t('secComplaintDemandsDef')}
          rows={s.complaintsByDemand}
          columns={[
            { label: t('colDemand'), value: (r) => (r.demand ? tr(`demand_${r.demand}` as Parameters<typeof tr>[0]) : t('demandNone')) },
            { label: t('colComplaints'), align: 'right', value: (r) => r.complaints },
            { label: t('colUpheld'), align: 'right', value: (r) => r.upheld },
          ]}
        />
        <DataSection
          id="complaint-packers"
          title={t('secComplaintPackers')}
          definition={t('secComplaintPackersDef')}
          rows={s.complaintsByPacker}
          columns={[
            { label: t('colPacker'), value: (r) => packer(r.packer) },
            { label: t('colShippedOrders'), align: 'right', value: (r) => r.shippedOrders },
            { label: t('colComplaintOrders'), align: 'right', value: (r) => r.complaintOrders },
            { label: t('colUpheld'), align: 'right', value: (r) => r.upheldOrders },
            { label: t('colComplaintRate'), align: 'right', value: (r) => ratePct(r.rate), render: (r) => pct(r.rate) },
          ]}
        />
      </Box>
      <DataSection
        id="complaint-products"
        title={t('secComplaintProducts')}
        definition={t('secComplaintProductsDef')}
        rows={s.complaintsByProduct}
        columns={[
          { label: t('colSku'), value: (r) => r.sku },
          { label: t('colProduct'), value: (r) => r.name },
          { label: t('colShippedUnits'), align: 'right', value: (r) => r.shippedUnits },
          { label: t('colComplaints'), align: 'right', value: (r) => r.complaints },
          { label: t('colUpheld'), align: 'right', value: (r) => r.upheld },
          { label: t('colComplaintRate'), align: 'right', value: (r) => ratePct(r.rate), render: (r) => pct(r.rate) },
        ]}
      />
      <DataSection
        id="stockouts"
        title={t('secStock')}
        definition={t('secStockDef', { waited: c.ordersWaitedForStock, rate: pct(c.campaignStockoutRate) })}
        rows={s.stockoutsByProduct}
        columns={[
          { label: t('colSku'), value: (r) => r.sku },
          { label: t('colProduct'), value: (r) => r.name },
          { label: t('colStockDays'), align: 'right', value: (r) => r.days },
          { label: t('colCampaignDays'), align: 'right', value: (r) => r.campaignDays },
        ]}
        chart={
          <BarChart
            height={CHART_HEIGHT}
            xAxis={[{ scaleType: 'band', data: s.daily.map((d) => dayText(d.day).slice(0, 5)) }]}
            series={[{ data: s.daily.map((d) => d.stockoutDays), label: t('colStockDays'), color: '#0277bd' }]}
            hideLegend
            margin={{ left: 0, right: 8 }}
          />
        }
      />
      <DataSection
        id="packing"
        title={t('secPacking')}
        definition={t('secPackingDef')}
        rows={s.packing}
        columns={[
          { label: t('colDay'), value: (r) => dayText(r.day) },
          { label: t('colPacker'), value: (r) => packer(r.packer) },
          { label: t('colOrders'), align: 'right', value: (r) => r.orders },
          { label: t('colUnits'), align: 'right', value: (r) => r.units },
          { label: t('colWrongScans'), align: 'right', value: (r) => r.wrongScans },
          { label: t('colWrongPer100'), align: 'right', value: (r) => r.wrongScansPer100Units },
        ]}
      />
    </Stack>
  );
}
