import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
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
 * The queue stays mounted, hidden, until the packing view opened from it has been painted, and only
 * then goes: taking 50 rows down (removing their elements, detaching every fiber) was about a third of
 * the work between a scan's answer and the packing view on screen (issue 16). A person sees the order
 * one frame sooner; the queue's removal happens while they look at it.
 */
function useQueueLingers(queueShown: boolean): boolean {
  const [lingering, setLingering] = useState(false);
  const [wasShown, setWasShown] = useState(queueShown);
  if (wasShown !== queueShown) {
    // Adjusting state while rendering (React's pattern for "state from the previous props"): the
    // queue hidden in the same draw as the packing view, never unmounted first.
    setWasShown(queueShown);
    setLingering(!queueShown);
  }
  useEffect(() => {
    if (!lingering) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // After the next frame is painted: a timer set in an animation frame runs after that frame's paint.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setLingering(false), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [lingering]);
  return lingering;
}

/**
 * The helper's screen. Where you are lives in the address, so a reload or a glance away never loses
 * the order being packed: `#/packing` the queue, `#/packing/pick/3,7,9` a batch's pick list,
 * `#/packing/<order id>` packing one order.
 */
export default function PackingScreen() {
  const { params } = useRoute();
  const pick = params[0] === 'pick';
  const orderId = pick ? NaN : Number(params[0]);
  const packing = Number.isSafeInteger(orderId) && orderId > 0;
  const queueShown = !pick && !packing;
  const lingering = useQueueLingers(queueShown);
  const queueBox = useRef<HTMLDivElement>(null);
  // While it lingers hidden, the queue's scan field is not "the" scan field: the packing view's scan
  // focus (and anything else looking for input[data-scan-field]) must find only the packing view's.
  useLayoutEffect(() => {
    const field = queueBox.current?.querySelector('input[data-scan-field], input[data-scan-field-hidden]');
    if (!field) return;
    if (lingering) {
      field.removeAttribute('data-scan-field');
      field.setAttribute('data-scan-field-hidden', 'true');
    } else {
      field.removeAttribute('data-scan-field-hidden');
      field.setAttribute('data-scan-field', 'true');
    }
  }, [lingering]);

  const ids = pick
    ? (params[1] ?? '')
        .split(',')
        .map(Number)
        .filter((n) => Number.isSafeInteger(n) && n > 0)
    : [];
  // Fixed places in one list: the queue keeps its place (and so its state and elements) while it lingers.
  return (
    <>
      {pick && <PickListView orderIds={ids} />}
      {packing && <PackOrderView key={orderId} orderId={orderId} />}
      {(queueShown || lingering) && (
        <div ref={queueBox} style={lingering ? { display: 'none' } : undefined}>
          <QueueScreen />
        </div>
      )}
    </>
  );
}
