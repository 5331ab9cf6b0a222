import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { DateField } from '../../components/DateField';
import { isoToText } from '../../components/date-text';
import { useLanguage, useT } from '../../i18n/i18n';
import { orderDateRangeMessages } from './order-date-range.messages';
import { ordersMessages } from './orders.messages';

/**
 * "Kupione od / do" (ISO days, '' for none). Half-typed dates leave the filter as it was. A range whose
 * start is after its end matches no order: the list showed 0 with no word why, so it is said under the fields.
 */
export function OrderDateRange({ from, to, onChange }: { from: string; to: string; onChange: (patch: { from?: string; to?: string }) => void }) {
  const t = useT(ordersMessages);
  const tr = useT(orderDateRangeMessages);
  const { lang } = useLanguage();
  const reversed = from !== '' && to !== '' && from > to;
  return (
    <Stack spacing={0.5}>
      <Stack direction="row" spacing={2}>
        <DateField size="small" label={t('filterFrom')} value={from} onChange={(day) => day !== null && onChange({ from: day })} />
        <DateField size="small" label={t('filterTo')} value={to} onChange={(day) => day !== null && onChange({ to: day })} />
      </Stack>
      {reversed && (
        <Typography variant="body2" color="error" role="alert" data-testid="date-range-reversed">
          {tr('reversed', { from: isoToText(from, lang), to: isoToText(to, lang) })}
        </Typography>
      )}
    </Stack>
  );
}
