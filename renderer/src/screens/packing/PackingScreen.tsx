import { memo } from 'react';
import { useRoute } from '../../app/navigation';
import { PackOrderView } from './PackOrderView';
import { PackingQueue } from './PackingQueue';
import { PickListView } from './PickListView';
import { AtRiskBadge } from '../results/at-risk/AtRiskBadge';

/**
 * The queue with its at-risk badge, drawn again only when it changes itself. A scan that opens an order
 * changes the address: the app's frame hears it first and draws itself and this screen again while the
 * screen still reads the old address — the whole queue redrawn for nothing, 13–29 ms before the packing
 * view could start on the loaded 2-core machine (issue 16). Kept apart, that redraw is skipped.
 */
const QueueScreen = memo(function QueueScreen() {
  return (
    <>
      <AtRiskBadge />
      <PackingQueue />
    </>
  );
});

/**
 * The helper's screen. Where you are lives in the address, so a reload or a glance away never loses
 * the order being packed: `#/packing` the queue, `#/packing/pick/3,7,9` a batch's pick list,
 * `#/packing/<order id>` packing one order.
 */
export default function PackingScreen() {
  const { params } = useRoute();
  if (params[0] === 'pick') {
    const ids = (params[1] ?? '')
      .split(',')
      .map(Number)
      .filter((n) => Number.isSafeInteger(n) && n > 0);
    return <PickListView orderIds={ids} />;
  }
  const orderId = Number(params[0]);
  if (Number.isSafeInteger(orderId) && orderId > 0) return <PackOrderView key={orderId} orderId={orderId} />;
  return <QueueScreen />;
}
