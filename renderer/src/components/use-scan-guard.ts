import { type RefObject, useEffect, useRef } from 'react';

/**
 * A scanner sends a key every few milliseconds; people type 80–200 ms apart and rarely keep three
 * keys in a row under 50 ms. A busy page (or the operating system) may still hold one key of a scan
 * back, so the test is the median gap of the keys since the last pause, not every single gap.
 * Measured on the events' own time stamps (when the keys arrived), not when the page handled them.
 */
const SCANNER_MEDIAN_GAP_MS = 40;
/** A gap this long starts a new sequence. */
const PAUSE_MS = 400;
/** Shortest code treated as a scan (EANs are 8–13 characters, tracking numbers longer). */
const MIN_SCAN_LENGTH = 4;
/** Keys a scanner may send around a character (Shift for capitals); they neither count nor break a scan. */
const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'CapsLock', 'AltGraph']);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.POSITIVE_INFINITY;
}

/**
 * Keeps barcode scans out of a window that is not waiting for one. A USB scanner types like a very
 * fast keyboard and ends with Enter; in a dialog that asks for a reason, that Enter would confirm the
 * dialog with the EAN as the reason (issue 13, point 6). While `active`, a run of fast keys ended by
 * Enter is stopped before the dialog sees the Enter (so nothing is confirmed, not even a focused
 * button) and handed to `onScan`, which removes the scanned text from its field and says why.
 * Fields that do expect a scan (`data-scan-field`, `data-tracking-field`) are left alone.
 * `onScan` also gets the element the keys landed in (a form with several fields takes the code out of that one).
 *
 * With `options.field`, only keys typed into that one field are watched, a scan field too: a search box
 * that keeps its text (Zamówienia) learns that a burst was a scan, to search for the code alone.
 */
export function useScanGuard(active: boolean, onScan: (code: string, target: HTMLElement | null) => void, options: { field?: RefObject<HTMLElement | null> } = {}): void {
  const handler = useRef(onScan);
  handler.current = onScan;
  const field = options.field;
  useEffect(() => {
    if (!active) return;
    let keys = '';
    const times: number[] = [];
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (field) {
        if (!target || target !== field.current) return;
      } else if (target?.closest('[data-scan-field="true"], [data-tracking-field="true"]')) return;
      const now = event.timeStamp || performance.now();
      const last = times.at(-1);
      if (last !== undefined && now - last > PAUSE_MS) {
        keys = '';
        times.length = 0;
      }
      if (event.key === 'Enter') {
        const gaps = times.slice(1).map((t, i) => t - times[i]!);
        if (last !== undefined) gaps.push(now - last);
        const scanned = keys.length >= MIN_SCAN_LENGTH && median(gaps) < SCANNER_MEDIAN_GAP_MS ? keys : null;
        keys = '';
        times.length = 0;
        if (scanned) {
          event.preventDefault();
          event.stopPropagation();
          handler.current(scanned, target);
        }
        return;
      }
      if (MODIFIERS.has(event.key)) return;
      if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) {
        // A scanner sends no Backspace or arrow: such a key means a person is editing, not a scan.
        keys = '';
        times.length = 0;
        return;
      }
      keys += event.key;
      times.push(now);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [active, field]);
}

/** `text` without the scanned `code` typed into it (the scan's keys landed at the caret, usually the end). */
export function withoutScan(text: string, code: string): string {
  if (text.endsWith(code)) return text.slice(0, text.length - code.length);
  const at = text.lastIndexOf(code);
  return at >= 0 ? text.slice(0, at) + text.slice(at + code.length) : text;
}
