import type { ScanOutput } from '../../../../shared/contract/packing.contract';

type T = (key: 'scanOk' | 'scanAllDone' | 'refusedWrongItem' | 'refusedTooMany' | 'refusedUnknown' | 'refusedNotPackable' | 'expected' | 'scannedProduct' | 'scannedCode', vars?: Record<string, string | number>) => string;

/** What the packer reads after a scan: a line for the big banner, and (when refused) what to scan instead. */
export function scanMessage(result: ScanOutput, t: T): { kind: 'ok' | 'error'; text: string; detail: string | null } {
  if (result.ok) {
    const text = t('scanOk', { name: result.line.name, packed: result.line.packedQuantity, quantity: result.line.quantity });
    return { kind: 'ok', text, detail: result.allVerified ? t('scanAllDone') : null };
  }
  // The quotes belong to the language („…” in Polish, “…” in English), so the messages hold them.
  const scanned = result.scanned
    ? t('scannedProduct', { name: result.scanned.name, sku: result.scanned.sku })
    : t('scannedCode', { code: result.code });
  const text =
    result.refusal === 'wrong_item'
      ? t('refusedWrongItem', { scanned })
      : result.refusal === 'too_many'
        ? t('refusedTooMany', { scanned })
        : result.refusal === 'unknown_code'
          ? t('refusedUnknown', { code: result.code })
          : t('refusedNotPackable');
  const list = result.expected.map((e) => `${e.name}${e.ean ? ` (EAN ${e.ean})` : e.sku ? ` (${e.sku})` : ''} × ${e.remaining}`).join(', ');
  return { kind: 'error', text, detail: list && result.refusal !== 'not_packable' ? t('expected', { list }) : null };
}
