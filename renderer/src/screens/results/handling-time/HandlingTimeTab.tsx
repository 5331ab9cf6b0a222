import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { BarChart } from '@mui/x-charts/BarChart';
import { api } from '../../../api';
import { Loading } from '../../../app/ScreenHost';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useLiveQuery } from '../../../components/use-live-query';
import { useFormat } from '../../../i18n/format';
import { useT } from '../../../i18n/i18n';
import type { ResultsTabProps } from '../results-tabs';
import { DataSection } from '../shared/DataSection';
import { StillCounting } from '../shared/StillCounting';
import { handlingTimeMessages } from './handling-time.messages';

const TARGET = 0.95;

/** Wyniki → Czas wysyłki: the handling time measured over the last 90 days against the one set today. */
export default function HandlingTimeTab(_props: ResultsTabProps) {
  const t = useT(handlingTimeMessages);
  const format = useFormat();
  const query = useLiveQuery(() => api.call('results.handlingTime'), ['orders', 'settings']);
  if (query.error) return <ErrorAlert error={query.error} onRetry={query.reload} />;
  const a = query.data;
  if (!a) return <Loading />;
  const pct = (r: number | null) => (r === null ? t('none') : t('percent', { value: Math.round(r * 1000) / 10 }));
  const ratePct = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);
  const dayText = (day: string) => format.date(`${day}T12:00:00Z`);
  const current = a.options.find((o) => o.days === a.currentDays);
  const recommended = a.recommendedDays === null ? undefined : a.options.find((o) => o.days === a.recommendedDays);
  const weekday = (n: number) => t(`wd${n}` as 'wd1');
  const optionLabel = (days: number) => (days === 0 ? t('daysSame') : t('daysOption', { days })) + (days === a.currentDays ? t('today') : '');
  return (
    <Stack spacing={2} data-testid="results-handling-time">
      <StillCounting answer={a} pending={a.pendingOrders} reload={query.reload} />
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="h6" component="h2">
          {t('title')}
        </Typography>
        {a.orders === 0 || a.recommendedDays === null ? (
          <Typography color="text.secondary">{t('noOrders')}</Typography>
        ) : (
          <>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
              {t('intro', { n: a.orders, from: dayText(a.windowFrom), to: dayText(a.windowTo) })}
            </Typography>
            <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }}>
              <div>
                <Typography variant="h5" component="p" sx={{ fontWeight: 600 }} data-testid="handling-recommended">
                  {a.recommendedDays === 0 ? t('recommendedZero') : t('recommended', { days: a.recommendedDays })}
                </Typography>
                <Typography sx={{ mt: 0.5 }} data-testid="handling-current">
                  {t('current', { days: a.currentDays })}
                </Typography>
                <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0.5 }} data-definition>
                  {t('defRecommended')}
                </Typography>
              </div>
              <div>
                <Typography>{a.cutoffHour === null ? t('cutoffNone') : t('cutoff', { hour: a.cutoffHour })}</Typography>
                <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0.5 }} data-definition>
                  {t('defCutoff')}
                </Typography>
              </div>
            </Box>
            {current && recommended && (
              <Alert severity={current.onTimeRate !== null && current.onTimeRate < TARGET ? 'warning' : a.currentDays > a.recommendedDays ? 'info' : 'success'} sx={{ mt: 2 }}>
                {current.onTimeRate !== null && current.onTimeRate < TARGET
                  ? t('adviceLonger', { rate: pct(current.onTimeRate), days: a.recommendedDays })
                  : a.currentDays > a.recommendedDays
                    ? t('adviceShorter', { rate: pct(recommended.onTimeRate), days: a.recommendedDays })
                    : t('adviceKeep')}
              </Alert>
            )}
          </>
        )}
      </Paper>
      <DataSection
        id="handling-options"
        title={t('secOptions')}
        definition={t('secOptionsDef')}
        rows={a.options}
        columns={[
          { label: t('colDays'), value: (r) => optionLabel(r.days) },
          { label: t('colOnTime'), align: 'right', value: (r) => ratePct(r.onTimeRate), render: (r) => pct(r.onTimeRate) },
          { label: t('colLate'), align: 'right', value: (r) => r.lateOrders },
        ]}
        chart={
          a.orders > 0 ? (
            <BarChart
              height={240}
              xAxis={[{ scaleType: 'band', data: a.options.map((o) => optionLabel(o.days)) }]}
              yAxis={[{ min: 0, max: 100 }]}
              series={[{ data: a.options.map((o) => ratePct(o.onTimeRate) ?? 0), label: t('colOnTime'), valueFormatter: (v) => (v === null ? '' : t('percent', { value: v })) }]}
              hideLegend
            />
          ) : undefined
        }
      />
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, gap: 2 }}>
        <DataSection
          id="handling-weekday"
          title={t('secWeekday')}
          definition={t('secWeekdayDef')}
          rows={a.byWeekday.filter((w) => w.orders > 0)}
          columns={[
            { label: t('colWeekday'), value: (r) => weekday(r.weekday) },
            { label: t('colOrders'), align: 'right', value: (r) => r.orders },
            { label: t('colDays95'), align: 'right', value: (r) => r.days95 },
          ]}
        />
        <DataSection
          id="handling-hour"
          title={t('secHour')}
          definition={t('secHourDef')}
          rows={a.byHour}
          columns={[
            { label: t('colHour'), value: (r) => t('hourRange', { from: r.hour, to: r.hour }) },
            { label: t('colOrders'), align: 'right', value: (r) => r.orders },
            { label: t('colSameDay'), align: 'right', value: (r) => r.sameDay },
            { label: t('colSameDayRate'), align: 'right', value: (r) => ratePct(r.sameDayRate), render: (r) => pct(r.sameDayRate) },
          ]}
          chart={
            a.byHour.length > 0 ? (
              <BarChart
                height={240}
                xAxis={[{ scaleType: 'band', data: a.byHour.map((h) => String(h.hour)) }]}
                series={[
                  { data: a.byHour.map((h) => h.sameDay), label: t('colSameDay'), stack: 'h', color: '#2e7d32' },
                  { data: a.byHour.map((h) => h.orders - h.sameDay), label: t('colLate'), stack: 'h', color: '#ed6c02' },
                ]}
              />
            ) : undefined
          }
        />
      </Box>
    </Stack>
  );
}
