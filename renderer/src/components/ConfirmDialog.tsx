import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { type ReactNode, useEffect, useState } from 'react';
import { commonMessages } from '../i18n/common.messages';
import { useT } from '../i18n/i18n';
import { confirmDialogMessages } from './confirm-dialog.messages';
import { useScanGuard } from './use-scan-guard';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  /** What will happen, in plain words. */
  children?: ReactNode;
  confirmLabel?: string;
  /** The dismiss button's words when "Anuluj" would be ambiguous (e.g. "Nie anuluj" in "Anulować zamówienie?"). */
  cancelLabel?: string;
  /** Red confirm button for things that remove or undo data. */
  destructive?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** A scan was ignored: a dialog with a field of its own takes the scanned code out of it here. */
  onScan?: (code: string) => void;
}

/**
 * "Are you sure?" before anything that is hard to take back. Enter confirms, Escape cancels.
 * It never waits for a scan (issue 13, point 6): the confirm button has the focus, so a barcode
 * scanner's keys and closing Enter would confirm it. The scan guard stops that Enter and the dialog
 * says it ignored the code; a person's own Enter or click still confirms.
 */
export function ConfirmDialog({ open, title, children, confirmLabel, cancelLabel, destructive, busy, onConfirm, onCancel, onScan }: ConfirmDialogProps) {
  const t = useT(commonMessages);
  const m = useT(confirmDialogMessages);
  const [scanned, setScanned] = useState<string | null>(null);
  useScanGuard(open, (code) => {
    setScanned(code);
    onScan?.(code);
  });
  useEffect(() => {
    if (!open) setScanned(null);
  }, [open]);
  return (
    <Dialog open={open} onClose={busy ? undefined : onCancel} aria-labelledby="confirm-dialog-title" maxWidth="xs" fullWidth>
      <DialogTitle id="confirm-dialog-title">{title}</DialogTitle>
      {(children || scanned !== null) && (
        <DialogContent>
          {typeof children === 'string' ? <DialogContentText>{children}</DialogContentText> : children}
          {scanned !== null && (
            <Alert severity="warning" role="alert" sx={{ mt: children ? 2 : 0 }}>
              {m('scanIgnored', { code: scanned })}
            </Alert>
          )}
        </DialogContent>
      )}
      <DialogActions>
        <Button onClick={onCancel} disabled={busy}>
          {cancelLabel ?? t('cancel')}
        </Button>
        <Button variant="contained" color={destructive ? 'error' : 'primary'} onClick={onConfirm} disabled={busy} autoFocus>
          {confirmLabel ?? t('confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
