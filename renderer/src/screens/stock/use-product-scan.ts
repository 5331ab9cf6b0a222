import { useState } from 'react';
import type { ProductRow } from '../../../../shared/contract/stock.contract';
import { api } from '../../api';
import type { ScanFeedback } from '../../components/ScanField';
import { beepError, beepOk } from '../../components/sound';
import { useT } from '../../i18n/i18n';
import { stockMessages } from './stock.messages';

/**
 * A barcode scanned in a stock dialog (a receipt, a stocktake): looks the product up, beeps, and says
 * under the scan field what was found, or that nothing was. `onFound` adds the product to the dialog's work.
 */
export function useProductScan(onFound: (product: ProductRow) => void): { feedback: ScanFeedback | null; scan: (code: string) => Promise<void> } {
  const t = useT(stockMessages);
  const [feedback, setFeedback] = useState<ScanFeedback | null>(null);

  async function scan(code: string) {
    const found = await api.call('stock.lookup', { code });
    if (!found.product) {
      beepError();
      setFeedback({ kind: 'error', text: t('scanNotFound', { code }) });
      return;
    }
    beepOk();
    const p = found.product;
    setFeedback({ kind: 'ok', text: `${p.sku} — ${p.name}` });
    onFound(p);
  }

  return { feedback, scan };
}
