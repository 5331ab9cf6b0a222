import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api';
import { useNotify } from '../../components/notify';
import { useT } from '../../i18n/i18n';
import { packingMessages } from './packing.messages';

type PrintDocument = 'print.pickList' | 'print.packingSlips';
export type PaperFormat = 'a4' | 'label';

let capabilities: Promise<{ printDialog: boolean; savePdf: boolean }> | null = null;

/** Whether this way of running the app has a print dialog (the desktop app) — asked once. */
export function usePrintCapabilities(): { printDialog: boolean; savePdf: boolean } | null {
  const [value, setValue] = useState<{ printDialog: boolean; savePdf: boolean } | null>(null);
  useEffect(() => {
    let live = true;
    capabilities ??= api.call('print.capabilities', {}).catch(() => {
      capabilities = null;
      return { printDialog: false, savePdf: true };
    });
    void capabilities.then((c) => {
      if (live) setValue(c);
    });
    return () => {
      live = false;
    };
  }, []);
  return value;
}

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
    async (document: PrintDocument, orderIds: number[], action: 'print' | 'pdf', format: PaperFormat = 'a4') => {
      setBusy(true);
      setError(null);
      try {
        const result = await api.call(document, { orderIds, action, format });
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
