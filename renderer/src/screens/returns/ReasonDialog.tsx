import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useScanGuard, withoutScan } from '../../components/use-scan-guard';
import { useT } from '../../i18n/i18n';
import { isWordReason } from '../packing/ForceCompleteDialog';
import { returnsMessages } from './returns.messages';

/**
 * A correction the owner makes with a reason (void a refund, cancel a return entered by mistake): what
 * will happen, the reason (at least 3 characters, as the core requires), a red confirm button and a
 * "Wróć" that cannot be mistaken for the action itself. Each use gives its own examples (`hint`): a void's
 * are about money, a cancel's about a return entered by mistake. It takes no scans: a barcode scanned
 * while it is open neither confirms it nor becomes the reason (as ForceCompleteDialog), and digits alone
 * are no reason.
 */
export function ReasonDialog({
  open,
  busy,
  title,
  text,
  reasonLabel,
  hint,
  confirmLabel,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  busy: boolean;
  title: string;
  text: string;
  reasonLabel: string;
  /** Examples of a reason for this use, e.g. „pomyłka w kwocie” for a void. */
  hint: string;
  confirmLabel: string;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) {
  const t = useT(returnsMessages);
  const [reason, setReason] = useState('');
  const [scanned, setScanned] = useState<string | null>(null);
  const valid = isWordReason(reason);
  const notWords = reason.trim().length >= 3 && !valid;
  useScanGuard(open, (code) => {
    setReason((r) => withoutScan(r, code));
    setScanned(code);
  });
  return (
    <Dialog open={open} onClose={busy ? undefined : onCancel} aria-labelledby="reason-dialog-title" maxWidth="sm" fullWidth>
      <DialogTitle id="reason-dialog-title">{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <DialogContentText>{text}</DialogContentText>
          <TextField
            autoFocus
            label={reasonLabel}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={scanned !== null || notWords}
            helperText={scanned !== null ? t('scanInDialog', { code: scanned }) : notWords ? t('reasonNotCode') : hint}
            slotProps={{ htmlInput: { maxLength: 500 }, formHelperText: { role: 'alert' } as object }}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} disabled={busy}>
          {t('keep')}
        </Button>
        <Button variant="contained" color="error" disabled={!valid || busy} onClick={() => onConfirm(reason.trim())}>
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
