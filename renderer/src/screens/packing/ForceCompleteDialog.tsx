import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { commonMessages } from '../../i18n/common.messages';
import { useT } from '../../i18n/i18n';
import { packingMessages } from './packing.messages';

interface Props {
  open: boolean;
  busy: boolean;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}

/** The owner's "complete anyway": a reason is required (it goes to the audit). */
export function ForceCompleteDialog({ open, busy, onConfirm, onCancel }: Props) {
  const t = useT(packingMessages);
  const c = useT(commonMessages);
  const [reason, setReason] = useState('');
  const valid = reason.trim().length >= 3;
  return (
    <Dialog open={open} onClose={busy ? undefined : onCancel} aria-labelledby="force-title" maxWidth="sm" fullWidth>
      <DialogTitle id="force-title">{t('forceTitle')}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{t('forceText')}</DialogContentText>
        <TextField
          autoFocus
          fullWidth
          label={t('forceReason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && valid && !busy) onConfirm(reason.trim());
          }}
          slotProps={{ htmlInput: { maxLength: 500 } }}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} disabled={busy}>
          {c('cancel')}
        </Button>
        <Button variant="contained" color="warning" disabled={!valid || busy} onClick={() => onConfirm(reason.trim())}>
          {t('forceConfirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
