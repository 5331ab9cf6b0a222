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
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { type ReactNode, useEffect, useState } from 'react';
import type { ReturnDetail } from '../../../../shared/contract/returns.contract';
import { api } from '../../api';
import { navigate } from '../../app/navigation';
import { useRole } from '../../app/session';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notify';
import { OrderNumber } from '../../components/OrderNumber';
import { orderLabel } from '../../components/order-number-text';
import { PageHeader } from '../../components/PageHeader';
import { useLiveQuery } from '../../components/use-live-query';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/i18n';
import { useEscape } from '../packing/use-escape';
import { DeadlineCell } from './DeadlineCell';
import { reasonLabel } from './reason-options';
import { ReceiveForm } from './ReceiveForm';
import { ReasonDialog } from './ReasonDialog';
import { RefundDialog } from './RefundDialog';
import { returnStatusLabel, whoLabel } from './status-label';
import { BackToReturns } from './BackToReturns';
import { returnsMessages } from './returns.messages';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Box sx={{ fontWeight: 600 }}>{children}</Box>
    </Box>
  );
}

/** One return: its deadline, lines with their condition and decision, and what is left to do. */
export function ReturnDetailView({ id }: { id: number }) {
  const t = useT(returnsMessages);
  const format = useFormat();
  const notify = useNotify();
  const query = useLiveQuery(() => api.call('returns.get', { id }), ['returns'], [id]);
  const [detail, setDetail] = useState<ReturnDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [dialog, setDialog] = useState<'refund' | 'reject' | 'void' | 'cancel' | null>(null);
  const role = useRole();
  useEffect(() => {
    if (query.data) setDetail(query.data);
  }, [query.data]);
  useEscape(() => navigate('returns'));

  async function run(action: () => Promise<ReturnDetail>, done: string) {
    setBusy(true);
    setError(null);
    try {
      setDetail(await action());
      notify(done);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      setDialog(null);
    }
  }

  const r = detail?.return;
  return (
    <Box>
      <PageHeader
        title={r ? t('detailTitle', { buyer: orderLabel({ number: r.orderNumber, buyerName: r.buyerName, buyerLogin: r.buyerLogin }) }) : t('detailLoading')}
        subtitle={
          r ? (
            <>
              {t('reference')} {r.referenceNumber ?? `ZWR-${r.id}`}
              {r.orderNumber && (
                <>
                  {' · '}
                  <OrderNumber number={r.orderNumber} />
                </>
              )}
            </>
          ) : undefined
        }
        actions={<BackToReturns />}
      />
      <ErrorAlert error={query.error} onRetry={query.reload} />
      {query.loading && !detail && <LinearProgress />}
      {detail && r && (
        <Stack spacing={2}>
          <Paper variant="outlined" sx={{ p: 2 }}>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
              <Fact label={t('colStatus')}>
                <Chip size="small" color={r.cancelled ? 'default' : undefined} label={returnStatusLabel(t, r)} data-testid="return-status" />
              </Fact>
              <Fact label={t('colRefundDue')}>
                <DeadlineCell deadline={r.refund} />
              </Fact>
              <Fact label={t('withdrawn')}>{format.date(r.withdrawnAt)}</Fact>
              <Fact label={t('receivedAt')}>{r.receivedAt ? format.date(r.receivedAt) : t('notYet')}</Fact>
              <Fact label={t('refunded')}>
                <span data-testid="refund-fact">{r.refundedAt ? `${format.date(r.refundedAt)} · ${format.money(r.refundGrosze ?? 0, r.currency)}` : t('notYet')}</span>
              </Fact>
              <Fact label={t('colSource')}>{r.allegroReturnId ? t('sourceAllegro') : t('sourceShop')}</Fact>
            </Stack>
            {(r.buyerMessage || r.note) && (
              <Typography sx={{ mt: 2, whiteSpace: 'pre-wrap' }} color="text.secondary">
                {[r.buyerMessage, r.note].filter(Boolean).join('\n')}
              </Typography>
            )}
          </Paper>
          {r.cancelledAt && (
            <Alert severity="info" data-testid="return-cancelled">
              {t('cancelledInfo', { date: format.dateTime(r.cancelledAt), who: whoLabel(t, r.cancelledBy), reason: r.cancelReason ?? '—' })}
            </Alert>
          )}
          {detail.refunds && detail.refunds.length > 0 && (
            <Paper variant="outlined" sx={{ p: 2 }}>
              <Typography variant="subtitle2" component="h2" sx={{ mb: 1 }}>
                {t('refundHistory')}
              </Typography>
              <Stack spacing={0.5} component="ul" sx={{ m: 0, pl: 2.5 }}>
                {detail.refunds.map((f) => (
                  <Box component="li" key={f.id} data-testid="refund-entry" data-voided={f.voidedAt ? 'true' : 'false'}>
                    <Box component="span" sx={f.voidedAt ? { textDecoration: 'line-through', color: 'text.secondary' } : { fontWeight: 600 }}>
                      {t('refundLine', { amount: format.money(f.amountGrosze, f.currency), date: format.date(f.refundedAt), who: whoLabel(t, f.actor) })}
                    </Box>
                    {f.voidedAt && (
                      <Typography variant="body2" color="text.secondary">
                        {t('refundVoided', { date: format.dateTime(f.voidedAt), who: whoLabel(t, f.voidedBy), reason: f.voidReason ?? '—' })}
                      </Typography>
                    )}
                  </Box>
                ))}
              </Stack>
            </Paper>
          )}
          <Paper variant="outlined">
            <Table size="small" aria-label={t('colItems')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('colItems')}</TableCell>
                  <TableCell align="right">{t('colReturnQty')}</TableCell>
                  <TableCell>{t('reason')}</TableCell>
                  <TableCell>{t('condition')}</TableCell>
                  <TableCell>{t('decision')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {detail.lines.map((l) => (
                  <TableRow key={l.id}>
                    <TableCell>
                      {l.name ?? '—'}
                      {l.sku && (
                        <Typography variant="body2" color="text.secondary">
                          {l.sku}
                        </Typography>
                      )}
                    </TableCell>
                    <TableCell align="right">{l.quantity}</TableCell>
                    <TableCell>
                      {l.reasonCode ? reasonLabel(t, l.reasonCode) : '—'}
                      {l.reasonText && (
                        <Typography variant="body2" color="text.secondary">
                          {l.reasonText}
                        </Typography>
                      )}
                    </TableCell>
                    <TableCell>{l.condition ? t(`condition_${l.condition}`) : '—'}</TableCell>
                    <TableCell>
                      {l.decision ? t(`decision_${l.decision}`) : '—'}
                      {l.decision === 'restock' && l.locationCode ? ` (${l.locationCode})` : ''}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Paper>
          <ErrorAlert error={error} onClose={() => setError(null)}>
            {(error as { details?: { reason?: unknown } } | null)?.details?.reason === 'stock_gone' ? t('errStockGone') : null}
          </ErrorAlert>
          {r.status === 'expected' && <ReceiveForm detail={detail} onDone={setDetail} />}
          {(r.status === 'expected' || r.status === 'received') && (
            <Stack direction="row" spacing={1}>
              {!r.refundedAt && (
                <Button variant="contained" disabled={busy} onClick={() => setDialog('refund')}>
                  {t('refund')}
                </Button>
              )}
              {r.status === 'received' && (
                <Button variant="outlined" disabled={busy} onClick={() => void run(() => api.call('returns.setStatus', { id, status: 'closed' }), t('closed'))}>
                  {t('close')}
                </Button>
              )}
              <Button color="error" disabled={busy} onClick={() => setDialog('reject')}>
                {t('reject')}
              </Button>
            </Stack>
          )}
          {role === 'owner' && r.status !== 'rejected' && (
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
              {r.refundedAt && (
                <Button variant="outlined" color="warning" disabled={busy} onClick={() => setDialog('void')}>
                  {t('voidRefund')}
                </Button>
              )}
              <Button color="error" disabled={busy || r.refundedAt !== null} onClick={() => setDialog('cancel')}>
                {t('cancelReturn')}
              </Button>
              {r.refundedAt && (
                <Typography variant="body2" color="text.secondary">
                  {t('cancelNeedsVoid')}
                </Typography>
              )}
            </Stack>
          )}
        </Stack>
      )}
      <RefundDialog
        key={dialog === 'refund' ? 'refund-open' : 'refund-closed'}
        open={dialog === 'refund'}
        busy={busy}
        limit={detail?.refundLimit}
        currency={r?.currency ?? 'PLN'}
        onCancel={() => setDialog(null)}
        onConfirm={(grosze, refundedAt) => void run(() => api.call('returns.markRefunded', { id, refundGrosze: grosze, ...(refundedAt ? { refundedAt } : {}) }), t('refundSaved'))}
      />
      <ReasonDialog
        key={dialog === 'void' ? 'void-open' : 'void-closed'}
        open={dialog === 'void'}
        busy={busy}
        title={t('voidTitle')}
        text={r?.refundedAt ? t('voidText', { amount: format.money(r.refundGrosze ?? 0, r.currency), date: format.date(r.refundedAt) }) : ''}
        reasonLabel={t('voidReason')}
        hint={t('voidReasonHint')}
        confirmLabel={t('voidConfirm')}
        onCancel={() => setDialog(null)}
        onConfirm={(reason) => void run(() => api.call('returns.voidRefund', { id, reason }), t('voidDone'))}
      />
      <ReasonDialog
        key={dialog === 'cancel' ? 'cancel-open' : 'cancel-closed'}
        open={dialog === 'cancel'}
        busy={busy}
        title={t('cancelTitle')}
        text={t('cancelText')}
        reasonLabel={t('cancelReason')}
        hint={t('cancelReasonHint')}
        confirmLabel={t('cancelConfirm')}
        onCancel={() => setDialog(null)}
        onConfirm={(reason) => void run(() => api.call('returns.cancel', { id, reason }), t('cancelDone'))}
      />
      <ConfirmDialog open={dialog === 'reject'} title={t('rejectTitle')} destructive busy={busy} confirmLabel={t('reject')} onCancel={() => setDialog(null)} onConfirm={() => void run(() => api.call('returns.setStatus', { id, status: 'rejected' }), t('rejected'))}>
        {t('rejectText')}
      </ConfirmDialog>
    </Box>
  );
}
