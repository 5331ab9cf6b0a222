import { useCallback, useState } from 'react';
import { api } from '../../api';
import { useNotify } from '../../components/notify';
import { useT } from '../../i18n/i18n';
import { packingMessages } from './packing.messages';

type PrintDocument = 'print.pickList' | 'print.packingSlips';

/**
 * Printing through the printing area's channels: `print` opens the system dialog, `pdf` saves a file
 * where the user chooses. The core renders the document; this only reports how it went.
 */
export function usePrint() {
  const t = useT(packingMessages);
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const print = useCallback(
    async (document: PrintDocument, orderIds: number[], action: 'print' | 'pdf') => {
      setBusy(true);
      setError(null);
      try {
        const result = await api.call(document, { orderIds, action });
        if (!result.done) notify(t('printCancelled'), 'info');
        else notify(action === 'pdf' ? t('savedPdf', { file: result.savedTo ?? result.fileName }) : t('printed'));
      } catch (e) {
        setError(e);
      } finally {
        setBusy(false);
      }
    },
    [notify, t],
  );
  return { print, busy, error, clearError: () => setError(null) };
}
