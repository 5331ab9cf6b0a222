import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api';
import { useNotify } from '../../components/notify';
import { useT } from '../../i18n/i18n';
import { packingMessages } from './packing.messages';

type PrintDocument = 'print.pickList' | 'print.packingSlips';
export type PaperFormat = 'a4' | 'label';

type PrintCapabilities = { printDialog: boolean; savePdf: boolean };

let capabilities: Promise<PrintCapabilities> | null = null;
/** The answer once it came: a packed order's panel then draws its buttons in its first draw. */
let known: PrintCapabilities | null = null;

function askCapabilities(): Promise<PrintCapabilities> {
  capabilities ??= api.call('print.capabilities', {}).then(
    (c) => (known = c),
    () => {
      capabilities = null;
      return { printDialog: false, savePdf: true };
    },
  );
  return capabilities;
}

/**
 * Asks early (the packing queue, before any order opens): the first packed order scanned then neither
 * waits for this call nor draws its print buttons a second time when the answer comes (issue 16).
 */
export function prefetchPrintCapabilities(): void {
  void askCapabilities();
}

/** Whether this way of running the app has a print dialog (the desktop app) — asked once. */
export function usePrintCapabilities(): PrintCapabilities | null {
  const [value, setValue] = useState<PrintCapabilities | null>(known);
  useEffect(() => {
    if (known) return;
    let live = true;
    void askCapabilities().then((c) => {
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
