import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import { useState } from 'react';
import type { ComplaintRow } from '../../../../shared/contract/returns.contract';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notify';
import { OrderNumber } from '../../components/OrderNumber';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/i18n';
import { AnswerDialog } from './AnswerDialog';
import { ComplaintDialog } from './ComplaintDialog';
import { DeadlineCell } from './DeadlineCell';
import { DeadlineList, OVERDUE_ROW, useDeadlineList } from './DeadlineList';
import { returnsMessages } from './returns.messages';

/** Complaints: open ones first by the 14-day answer deadline; unanswered past it are marked accepted by law. */
export function ComplaintsList() {
  const t = useT(returnsMessages);
  const format = useFormat();
  const notify = useNotify();
  const state = useDeadlineList('complaints.view', (input) => api.call('complaints.list', input));
  const [creating, setCreating] = useState(false);
  const [answering, setAnswering] = useState<ComplaintRow | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function close(row: ComplaintRow) {
    setError(null);
    try {
      await api.call('complaints.close', { id: row.id });
      notify(t('complaintClosed'));
      state.list.reload();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <DeadlineList
        state={state}
        label={t('tabComplaints')}
        overdueText={(n) => t('overdueComplaints', { n })}
        overdueTestId="complaints-overdue"
        emptyText={t('emptyComplaints')}
        actions={
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)}>
            {t('newComplaint')}
          </Button>
        }
      >
        <TableHead>
          <TableRow>
            <TableCell>{t('colAnswerDue')}</TableCell>
            <TableCell>{t('colStatus')}</TableCell>
            <TableCell>{t('colReceived')}</TableCell>
            <TableCell>{t('colOrder')}</TableCell>
            <TableCell>{t('colDescription')}</TableCell>
            <TableCell>{t('colDemand')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {state.rows.map((r) => (
            <TableRow key={r.id} data-testid="complaint-row" sx={r.answerDeadline.overdue ? OVERDUE_ROW : undefined}>
              <TableCell>
                <DeadlineCell deadline={r.answerDeadline} />
              </TableCell>
              <TableCell>
                <Chip size="small" label={t(`cstatus_${r.status}`)} color={r.status === 'accepted' ? 'success' : r.status === 'rejected' ? 'default' : 'primary'} variant="outlined" />
                {r.deemedAccepted && (
                  <Typography variant="body2" color="error" sx={{ fontWeight: 700, mt: 0.5 }}>
                    {t('deemedAccepted')}
                  </Typography>
                )}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{format.date(r.receivedAt)}</TableCell>
              <TableCell>
                {/* Whom it is about first; the number small underneath, whole, to copy or search. */}
                <Box sx={{ fontWeight: 600 }}>{r.buyerName ?? r.buyerLogin ?? '—'}</Box>
                {r.productName && (
                  <Typography variant="body2" color="text.secondary">
                    {r.productName}
                  </Typography>
                )}
                {r.orderNumber && (
                  <Typography variant="body2" component="div" color="text.secondary">
                    <OrderNumber number={r.orderNumber} withLabel={false} compact />
                  </Typography>
                )}
              </TableCell>
              <TableCell sx={{ maxWidth: 360 }}>
                {r.description}
                {r.answer && (
                  <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
                    {t('answeredOn', { date: format.date(r.answeredAt), text: r.answer })}
                  </Typography>
                )}
              </TableCell>
              <TableCell>{r.demand ? t(`demand_${r.demand as 'repair'}`) : '—'}</TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                {r.status !== 'closed' && (
                  <>
                    <Button size="small" onClick={() => setAnswering(r)}>
                      {t('answer')}
                    </Button>
                    <Button size="small" onClick={() => void close(r)}>
                      {t('closeComplaint')}
                    </Button>
                  </>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </DeadlineList>
      <ComplaintDialog
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(saved) => {
          setCreating(false);
          notify(t('complaintSavedDue', { date: format.date(saved.answerDeadline.dueAt) }));
          state.list.reload();
        }}
      />
      {answering && (
        <AnswerDialog
          complaint={answering}
          onClose={() => setAnswering(null)}
          onSaved={() => {
            setAnswering(null);
            notify(t('answerSaved'));
            state.list.reload();
          }}
        />
      )}
    </>
  );
}
