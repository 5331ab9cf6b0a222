import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import type { Deadline } from '../../../../shared/contract/returns.contract';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/i18n';
import { returnsMessages } from './returns.messages';

/**
 * A legal deadline: the date, and how much time is left — overdue ones in red, impossible to miss. A
 * refund whose goods are not back yet shows the date with "czeka na paczkę", never red: the seller may wait.
 */
export function DeadlineCell({ deadline }: { deadline: Deadline }) {
  const t = useT(returnsMessages);
  const format = useFormat();
  if (!deadline.dueAt) return <>—</>;
  const state = deadline.met
    ? t('deadlineMet')
    : deadline.waitingForGoods
      ? t('waitingForGoods')
    : deadline.overdue
      ? t('daysLate', { n: Math.max(1, -(deadline.daysLeft ?? 0)) })
      : deadline.daysLeft === 0
        ? t('dueToday')
        : t('daysLeft', { n: deadline.daysLeft ?? 0 });
  return (
    <Box data-testid="deadline" data-overdue={deadline.overdue ? 'true' : 'false'} sx={{ whiteSpace: 'nowrap' }}>
      <Box component="span" sx={deadline.overdue ? { color: 'error.main', fontWeight: 700 } : deadline.met ? { color: 'text.secondary' } : undefined}>
        {format.date(deadline.dueAt)}
      </Box>{' '}
      {deadline.overdue ? (
        <Chip size="small" color="error" label={state} sx={{ fontWeight: 700 }} />
      ) : (
        <Box component="span" sx={{ color: deadline.met || deadline.waitingForGoods ? 'text.secondary' : deadline.daysLeft !== null && deadline.daysLeft <= 3 ? 'warning.main' : 'text.secondary', fontSize: '0.85em' }}>
          ({state})
        </Box>
      )}
    </Box>
  );
}
