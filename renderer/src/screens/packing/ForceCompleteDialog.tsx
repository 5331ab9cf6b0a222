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
import { useScanGuard, withoutScan } from '../../components/use-scan-guard';

interface Props {
  open: boolean;
  busy: boolean;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}

/** A reason is words: digits alone are a scanned or typed code, which explains nothing. */
export function isWordReason(text: string): boolean {
  const value = text.trim();
  return value.length >= 3 && /\p{L}{2}/u.test(value);
}

/**
 * The owner's "complete anyway": a reason is required (it goes to the audit). The dialog does not take
 * scans: a scan while it is open neither confirms it nor becomes the reason (issue 13, point 6).
 */
export function ForceCompleteDialog({ open, busy, onConfirm, onCancel }: Props) {
  const t = useT(packingMessages);
  const c = useT(commonMessages);
  const [reason, setReason] = useState('');
  const [scanned, setScanned] = useState<string | null>(null);
  const valid = isWordReason(reason);
  useScanGuard(open, (code) => {
    setReason((r) => withoutScan(r, code));
    setScanned(code);
  });
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
          error={scanned !== null || (reason.trim().length >= 3 && !valid)}
          helperText={scanned !== null ? t('scanInDialog', { code: scanned }) : reason.trim().length >= 3 && !valid ? t('reasonNotCode') : ' '}
          slotProps={{ htmlInput: { maxLength: 500 }, formHelperText: { role: 'alert' } as object }}
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
