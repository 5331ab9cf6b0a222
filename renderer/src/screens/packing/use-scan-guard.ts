import { useEffect, useRef } from 'react';

/** Keys closer together than this are a scanner, not a person (people type ≥ 80 ms apart). */
const SCANNER_GAP_MS = 35;
/** Shortest code treated as a scan (EANs are 8–13 characters, tracking numbers longer). */
const MIN_SCAN_LENGTH = 4;

/**
 * Keeps barcode scans out of a window that is not waiting for one. A USB scanner types like a very
 * fast keyboard and ends with Enter; in a dialog that asks for a reason, that Enter would confirm the
 * dialog with the EAN as the reason (issue 13, point 6). While `active`, a burst of fast keys ended by
 * Enter is stopped before the dialog sees the Enter (so nothing is confirmed, not even a focused
 * button) and handed to `onScan`, which removes the scanned text from its field and says why.
 * Fields that do expect a scan (`data-scan-field`, `data-tracking-field`) are left alone.
 */
export function useScanGuard(active: boolean, onScan: (code: string) => void): void {
  const handler = useRef(onScan);
  handler.current = onScan;
  useEffect(() => {
    if (!active) return;
    let burst = '';
    let last = 0;
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest('[data-scan-field="true"], [data-tracking-field="true"]')) return;
      const now = performance.now();
      if (event.key === 'Enter') {
        const scanned = burst.length >= MIN_SCAN_LENGTH && now - last < 4 * SCANNER_GAP_MS ? burst : null;
        burst = '';
        if (scanned) {
          event.preventDefault();
          event.stopPropagation();
          handler.current(scanned);
        }
        return;
      }
      if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
      burst = now - last < SCANNER_GAP_MS ? burst + event.key : event.key;
      last = now;
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [active]);
}

/** `text` without the scanned `code` typed into it (the scan's keys landed at the caret, usually the end). */
export function withoutScan(text: string, code: string): string {
  if (text.endsWith(code)) return text.slice(0, text.length - code.length);
  const at = text.lastIndexOf(code);
  return at >= 0 ? text.slice(0, at) + text.slice(at + code.length) : text;
}
