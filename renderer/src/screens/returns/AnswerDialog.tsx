import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import type { ComplaintRow } from '../../../../shared/contract/returns.contract';
import { api } from '../../api';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { orderLabel } from '../../components/order-number-text';
import { commonMessages } from '../../i18n/common.messages';
import { useT } from '../../i18n/i18n';
import { dayToInstant, todayInWarsaw } from './dates';
import { returnsMessages } from './returns.messages';
import { clearDraft, useDraft } from './use-draft';

/** The answer to a complaint: decision, text (kept as a draft until saved) and the date it was given. */
export function AnswerDialog({ complaint, onClose, onSaved }: { complaint: ComplaintRow; onClose: () => void; onSaved: () => void }) {
  const t = useT(returnsMessages);
  const c = useT(commonMessages);
  const key = `answer.${complaint.id}`;
  const [draft, setDraft] = useDraft(key, () => ({ decision: 'accepted' as 'accepted' | 'rejected', answer: complaint.answer ?? '', day: todayInWarsaw() as string | null }));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    setBusy(true);
    setError(null);
    try {
      const answeredAt = dayToInstant(draft.day ?? '');
      await api.call('complaints.answer', { id: complaint.id, decision: draft.decision, answer: draft.answer.trim(), ...(answeredAt ? { answeredAt } : {}) });
      clearDraft(key);
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby="answer-title" maxWidth="sm" fullWidth>
      <DialogTitle id="answer-title">{complaint.buyerName || complaint.buyerLogin || complaint.orderNumber ? t('answerTitleFor', { buyer: orderLabel({ ...complaint, number: complaint.orderNumber }) }) : t('answerTitle')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <div>
            <FormLabel id="answer-decision">{t('answerDecision')}</FormLabel>
            <RadioGroup row aria-labelledby="answer-decision" value={draft.decision} onChange={(e) => setDraft((d) => ({ ...d, decision: e.target.value as 'accepted' | 'rejected' }))}>
              <FormControlLabel value="accepted" control={<Radio />} label={t('answerAccepted')} />
              <FormControlLabel value="rejected" control={<Radio />} label={t('answerRejected')} />
            </RadioGroup>
          </div>
          <TextField autoFocus label={t('answerText')} multiline minRows={3} value={draft.answer} onChange={(e) => setDraft((d) => ({ ...d, answer: e.target.value }))} slotProps={{ htmlInput: { maxLength: 5000 } }} />
          <DateField label={t('answerDate')} value={draft.day} onChange={(day) => setDraft((d) => ({ ...d, day }))} max={todayInWarsaw()} />
          <ErrorAlert error={error} onClose={() => setError(null)} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {c('cancel')}
        </Button>
        <Button variant="contained" disabled={draft.answer.trim().length < 3 || !draft.day || busy} onClick={() => void save()}>
          {t('answerSave')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
