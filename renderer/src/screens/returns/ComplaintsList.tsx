import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import { useState } from 'react';
import type { ComplaintRow } from '../../../../shared/contract/returns.contract';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notify';
import { useLiveQuery } from '../../components/use-live-query';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/i18n';
import { AnswerDialog } from './AnswerDialog';
import { ComplaintDialog } from './ComplaintDialog';
import { DeadlineCell } from './DeadlineCell';
import { OVERDUE_ROW } from './ReturnsList';
import { returnsMessages } from './returns.messages';
import { useDraft } from './use-draft';

type View = 'open' | 'done' | 'all';

/** Complaints: open ones first by the 14-day answer deadline; unanswered past it are marked accepted by law. */
export function ComplaintsList() {
  const t = useT(returnsMessages);
  const format = useFormat();
  const notify = useNotify();
  const [view, setView] = useDraft<View>('complaints.view', 'open');
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(50);
  const [creating, setCreating] = useState(false);
  const [answering, setAnswering] = useState<ComplaintRow | null>(null);
  const [error, setError] = useState<unknown>(null);
  const list = useLiveQuery(() => api.call('complaints.list', { view, offset: page * pageSize, limit: pageSize }), ['returns'], [view, page, pageSize]);
  const rows = list.data?.rows ?? [];

  async function close(row: ComplaintRow) {
    setError(null);
    try {
      await api.call('complaints.close', { id: row.id });
      notify(t('complaintClosed'));
      list.reload();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <>
      <Stack direction="row" sx={{ mb: 2, justifyContent: 'space-between', alignItems: 'center' }}>
        <ToggleButtonGroup
          exclusive
          size="small"
          value={view}
          onChange={(_e, v: View | null) => {
            if (!v) return;
            setView(v);
            setPage(0);
          }}
        >
          <ToggleButton value="open">{t('viewOpen')}</ToggleButton>
          <ToggleButton value="done">{t('viewDone')}</ToggleButton>
          <ToggleButton value="all">{t('viewAll')}</ToggleButton>
        </ToggleButtonGroup>
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)}>
          {t('newComplaint')}
        </Button>
      </Stack>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {list.data && list.data.overdueCount > 0 && (
        <Alert severity="error" sx={{ mb: 2 }} data-testid="complaints-overdue">
          {t('overdueComplaints', { n: list.data.overdueCount })}
        </Alert>
      )}
      {list.loading && <LinearProgress sx={{ mb: 1 }} />}
      {list.data && rows.length === 0 && <Typography color="text.secondary">{t('emptyComplaints')}</Typography>}
      {rows.length > 0 && (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label={t('tabComplaints')}>
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
              {rows.map((r) => (
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
                    <Box sx={{ fontFamily: 'monospace' }}>{r.orderNumber ?? '—'}</Box>
                    <Typography variant="body2" color="text.secondary">
                      {[r.buyerName ?? r.buyerLogin, r.productName].filter(Boolean).join(' · ')}
                    </Typography>
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
          </Table>
          <TablePagination
            component="div"
            count={list.data?.total ?? 0}
            page={page}
            rowsPerPage={pageSize}
            rowsPerPageOptions={[25, 50, 100]}
            onPageChange={(_e, p) => setPage(p)}
            onRowsPerPageChange={(e) => {
              setPageSize(Number(e.target.value));
              setPage(0);
            }}
          />
        </TableContainer>
      )}
      <ComplaintDialog
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={() => {
          setCreating(false);
          notify(t('complaintSaved'));
          list.reload();
        }}
      />
      {answering && (
        <AnswerDialog
          complaint={answering}
          onClose={() => setAnswering(null)}
          onSaved={() => {
            setAnswering(null);
            notify(t('answerSaved'));
            list.reload();
          }}
        />
      )}
    </>
  );
}
