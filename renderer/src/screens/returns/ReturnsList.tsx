import Chip from '@mui/material/Chip';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { SxProps, Theme } from '@mui/material/styles';
import { api } from '../../api';
import { navigate } from '../../app/navigation';
import { OrderNumber } from '../../components/OrderNumber';
import { useT } from '../../i18n/i18n';
import { DeadlineCell } from './DeadlineCell';
import { DeadlineList, OVERDUE_ROW, useDeadlineList } from './DeadlineList';
import { OrderFinder } from './OrderFinder';
import { returnsMessages } from './returns.messages';
import { returnStatusLabel } from './status-label';

/**
 * The returns: running ones first by refund deadline (overdue on top, in red), finished ones after.
 * The buyer comes before the order number: that is whom a helper looks for; the number stays whole in
 * the cell's text (cut short on screen, all of it in the tooltip and the copy button).
 */
export function ReturnsList() {
  const t = useT(returnsMessages);
  const state = useDeadlineList('view', (input) => api.call('returns.list', input));
  return (
    <>
      <OrderFinder onFound={(orderId) => navigate('returns', 'new', orderId)} />
      <DeadlineList state={state} label={t('tabReturns')} overdueText={(n) => t('overdueReturns', { n })} overdueTestId="returns-overdue" emptyText={t('empty')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('colRefundDue')}</TableCell>
            <TableCell>{t('colStatus')}</TableCell>
            <TableCell>{t('colBuyer')}</TableCell>
            <TableCell>{t('colItems')}</TableCell>
            <TableCell>{t('colOrder')}</TableCell>
            <TableCell>{t('colSource')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {state.rows.map((r) => (
            <TableRow key={r.id} hover data-testid="return-row" sx={{ cursor: 'pointer', ...(r.refund.overdue ? OVERDUE_ROW : {}) } as SxProps<Theme>} onClick={() => navigate('returns', r.id)}>
              <TableCell>
                <DeadlineCell deadline={r.refund} />
              </TableCell>
              <TableCell>
                <Chip size="small" variant={r.status === 'expected' ? 'outlined' : 'filled'} label={returnStatusLabel(t, r)} />
              </TableCell>
              <TableCell sx={{ fontWeight: 600 }}>{r.buyerName ?? r.buyerLogin ?? '—'}</TableCell>
              <TableCell>
                {r.firstItemName ?? '—'}
                {r.itemCount > 1 ? ` (${r.itemCount})` : ''}
              </TableCell>
              <TableCell sx={{ color: 'text.secondary' }}>{r.orderNumber ? <OrderNumber number={r.orderNumber} withLabel={false} compact /> : (r.referenceNumber ?? '—')}</TableCell>
              <TableCell>{r.allegroReturnId ? t('sourceAllegro') : t('sourceShop')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </DeadlineList>
    </>
  );
}
