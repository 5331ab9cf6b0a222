import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import type { ReturnDetail } from '../../../../shared/contract/returns.contract';
import { moneyInputText, parseMoneyInput } from '../../../../shared/domain/money-input';
import { DateField } from '../../components/DateField';
import { useFormat } from '../../i18n/format';
import { useLanguage, useT } from '../../i18n/i18n';
import { dayToInstant, todayInWarsaw } from './dates';
import { returnsMessages } from './returns.messages';

type Limit = NonNullable<ReturnDetail['refundLimit']>;

/**
 * Amount and date of a refund. The amount is typed as "12,34" or "12.34" (read by the shared strict
 * parser, kept in grosze) and starts as the suggestion: the returned items at the order's price. What
 * cannot be saved — letters, "12,345", "1e3", zero, more than the order is worth minus earlier
 * refunds — is said under the field, and Save stays off; nothing is thrown.
 */
export function RefundDialog({
  open,
  busy,
  limit,
  currency,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  busy: boolean;
  limit: Limit | undefined;
  currency: string;
  onCancel: () => void;
  onConfirm: (grosze: number, refundedAt: string | undefined) => void;
}) {
  const t = useT(returnsMessages);
  const format = useFormat();
  const { lang } = useLanguage();
  const sep = lang === 'pl' ? ',' : '.';
  const [amount, setAmount] = useState(() => (limit && limit.suggestedGrosze > 0 ? moneyInputText(limit.suggestedGrosze, sep) : ''));
  const [touched, setTouched] = useState(false);
  const [day, setDay] = useState<string | null>(todayInWarsaw());
  const example = moneyInputText(limit && limit.suggestedGrosze > 0 ? limit.suggestedGrosze : 5999, sep);
  const money = (g: number) => format.money(g, currency);
  const parsed = parseMoneyInput(amount);
  let problem: string | null = null;
  if (!parsed.ok) {
    problem = parsed.reason === 'empty' ? t('refundEmpty', { example }) : parsed.reason === 'decimals' ? t('refundDecimals', { example }) : parsed.reason === 'format' ? t('refundFormat', { example }) : null;
  }
  const tooMuch = limit ? (parsed.ok ? parsed.grosze > limit.maxGrosze : !parsed.ok && parsed.reason === 'too_big') : false;
  if (tooMuch && limit) {
    problem =
      limit.orderTotalGrosze === null
        ? t('refundTooMuchNoOrder', { max: money(limit.maxGrosze) })
        : t('refundTooMuch', { max: money(limit.maxGrosze), total: money(limit.orderTotalGrosze), earlier: money(limit.refundedElsewhereGrosze) });
  } else if (parsed.ok && parsed.grosze === 0) {
    problem = t('refundZero');
  }
  const hint = !limit ? ' ' : limit.orderTotalGrosze === null ? t('refundHintNoOrder') : t('refundHint', { suggested: money(limit.suggestedGrosze), max: money(limit.maxGrosze) });
  const showProblem = problem !== null && (touched || amount !== '');
  const valid = parsed.ok && problem === null && Boolean(day);
  return (
    <Dialog open={open} onClose={busy ? undefined : onCancel} aria-labelledby="refund-title" maxWidth="sm" fullWidth>
      <DialogTitle id="refund-title">{t('refund')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <TextField
            autoFocus
            label={t('refundAmount')}
            value={amount}
            onChange={(e) => {
              setAmount(e.target.value);
              setTouched(true);
            }}
            error={showProblem}
            helperText={showProblem ? problem : hint}
            slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': 'refund-amount', maxLength: 20 }, formHelperText: { role: showProblem ? 'alert' : undefined } as object }}
          />
          <DateField label={t('refundDate')} value={day} onChange={setDay} max={todayInWarsaw()} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} disabled={busy}>
          {t('keep')}
        </Button>
        <Button variant="contained" disabled={!valid || busy} onClick={() => parsed.ok && onConfirm(parsed.grosze, dayToInstant(day!))}>
          {t('refund')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
