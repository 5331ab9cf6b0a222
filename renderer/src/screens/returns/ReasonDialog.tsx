import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { returnsMessages } from './returns.messages';

/**
 * A correction the owner makes with a reason (void a refund, cancel a return entered by mistake): what
 * will happen, the reason (at least 3 characters, as the core requires), a red confirm button and a
 * "Wróć" that cannot be mistaken for the action itself.
 */
export function ReasonDialog({
  open,
  busy,
  title,
  text,
  reasonLabel,
  confirmLabel,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  busy: boolean;
  title: string;
  text: string;
  reasonLabel: string;
  confirmLabel: string;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) {
  const t = useT(returnsMessages);
  const [reason, setReason] = useState('');
  const valid = reason.trim().length >= 3;
  return (
    <Dialog open={open} onClose={busy ? undefined : onCancel} aria-labelledby="reason-dialog-title" maxWidth="sm" fullWidth>
      <DialogTitle id="reason-dialog-title">{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <DialogContentText>{text}</DialogContentText>
          <TextField autoFocus label={reasonLabel} value={reason} onChange={(e) => setReason(e.target.value)} helperText={t('voidReasonHint')} slotProps={{ htmlInput: { maxLength: 500 } }} />
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
