import { useRoute } from '../../app/navigation';
import { PackOrderView } from './PackOrderView';
import { PackingQueue } from './PackingQueue';
import { PickListView } from './PickListView';
import { AtRiskBadge } from '../results/at-risk/AtRiskBadge';

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
  return (
    <>
      <AtRiskBadge />
      <PackingQueue />
    </>
  );
}
