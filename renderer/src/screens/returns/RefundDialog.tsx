import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { parseMoney } from '../../../../shared/domain/money';
import { DateField } from '../../components/DateField';
import { commonMessages } from '../../i18n/common.messages';
import { useT } from '../../i18n/i18n';
import { dayToInstant, todayInWarsaw } from './dates';
import { returnsMessages } from './returns.messages';

/** Amount (typed as "59,99", kept in grosze) and date of a refund. */
export function RefundDialog({ open, busy, onCancel, onConfirm }: { open: boolean; busy: boolean; onCancel: () => void; onConfirm: (grosze: number, refundedAt: string | undefined) => void }) {
  const t = useT(returnsMessages);
  const c = useT(commonMessages);
  const [amount, setAmount] = useState('');
  const [day, setDay] = useState<string | null>(todayInWarsaw());
  const grosze = parseMoney(amount);
  const amountValid = grosze !== null && grosze >= 0;
  const valid = amountValid && Boolean(day);
  return (
    <Dialog open={open} onClose={busy ? undefined : onCancel} aria-labelledby="refund-title" maxWidth="xs" fullWidth>
      <DialogTitle id="refund-title">{t('refund')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <TextField autoFocus label={t('refundAmount')} value={amount} onChange={(e) => setAmount(e.target.value)} error={amount !== '' && !amountValid} helperText={amount !== '' && !amountValid ? t('refundInvalid') : ' '} slotProps={{ htmlInput: { inputMode: 'decimal' } }} />
          <DateField label={t('refundDate')} value={day} onChange={setDay} max={todayInWarsaw()} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} disabled={busy}>
          {c('cancel')}
        </Button>
        <Button variant="contained" disabled={!valid || busy} onClick={() => onConfirm(grosze!, dayToInstant(day!))}>
          {c('save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
