import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { ImportRun, LocalizedText } from '../../../../shared/contract/import.contract';
import { api, ApiError } from '../../api';
import { useRole } from '../../app/session';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notify';
import { useLiveQuery } from '../../components/use-live-query';
import { commonMessages } from '../../i18n/common.messages';
import { useFormat } from '../../i18n/format';
import { useLanguage, useT } from '../../i18n/i18n';
import { formatLabel } from './import-labels';
import { importMessages } from './import.messages';

const STATUS_COLOR: Record<ImportRun['status'], 'success' | 'error' | 'default' | 'warning'> = {
  committed: 'success',
  rejected: 'error',
  undoing: 'warning',
  undone: 'default',
  failed: 'error',
};

function isLocalized(value: unknown): value is LocalizedText {
  return Boolean(value) && typeof value === 'object' && typeof (value as LocalizedText).pl === 'string' && typeof (value as LocalizedText).en === 'string';
}

/** The reason a refused undo carries (details.reason as PL/EN text), when it carries one. */
function reasonOf(error: unknown): LocalizedText | null {
  if (!(error instanceof ApiError) || error.code !== 'not_undoable') return null;
  const details = error.details as { reason?: unknown } | undefined;
  return isLocalized(details?.reason) ? details.reason : isLocalized(details) ? details : null;
}

/** Every import, newest first; the owner can undo one while nothing later depends on it — or learns why not. */
export function ImportHistory() {
  const t = useT(importMessages);
  const tc = useT(commonMessages);
  const { lang } = useLanguage();
  const format = useFormat();
  const notify = useNotify();
  const role = useRole();
  const list = useLiveQuery(() => api.call('import.list', { limit: 100 }), ['imports', 'all']);
  const [checking, setChecking] = useState<number | null>(null);
  const [confirm, setConfirm] = useState<ImportRun | null>(null);
  const [refused, setRefused] = useState<{ run: ImportRun; reason: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function askUndo(run: ImportRun) {
    setChecking(run.id);
    setError(null);
    try {
      const check = await api.call('import.undoCheck', { runId: run.id });
      if (check.possible) setConfirm(run);
      else setRefused({ run, reason: check.reason?.[lang] ?? t('undoRefusedDefault') });
    } catch (err) {
      setError(err);
    } finally {
      setChecking(null);
    }
  }

  async function undo(run: ImportRun) {
    setBusy(true);
    setError(null);
    try {
      await api.call('import.undo', { runId: run.id });
      notify(t('undoDone', { file: run.file }));
      list.reload();
    } catch (err) {
      // Something may have come to depend on the import between the check and the click.
      const reason = reasonOf(err);
      if (reason || (err instanceof ApiError && err.code === 'not_undoable')) setRefused({ run, reason: reason?.[lang] ?? t('undoRefusedDefault') });
      else setError(err);
    } finally {
      setBusy(false);
      setConfirm(null);
    }
  }

  const who = (actor: string) => (actor === 'owner' ? t('whoOwner') : actor === 'helper' ? t('whoHelper') : t('whoSystem'));
  const runs = list.data?.runs ?? [];

  return (
    <Card>
      <CardContent>
        <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
          {t('historyTitle')}
        </Typography>
        <ErrorAlert error={list.error ?? error} onRetry={list.error ? list.reload : undefined} />
        {list.data && runs.length === 0 && <Typography color="text.secondary">{t('historyEmpty')}</Typography>}
        {runs.length > 0 && (
          <TableContainer>
            <Table size="small" aria-label={t('historyTitle')} data-testid="import-history">
              <TableHead>
                <TableRow>
                  <TableCell>{t('colDate')}</TableCell>
                  <TableCell>{t('colFile')}</TableCell>
                  <TableCell>{t('colFormat')}</TableCell>
                  <TableCell>{t('colStatus')}</TableCell>
                  <TableCell align="right">{t('colCounts')}</TableCell>
                  <TableCell align="right">{t('colSkipped')}</TableCell>
                  <TableCell>{t('colWho')}</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {runs.map((run) => (
                  <TableRow key={run.id} data-run={run.id} data-file={run.file} data-status={run.status}>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{format.dateTime(run.startedAt)}</TableCell>
                    <TableCell sx={{ overflowWrap: 'anywhere' }}>{run.file}</TableCell>
                    <TableCell>{formatLabel(run.format, lang) ?? '—'}</TableCell>
                    <TableCell>
                      <Chip size="small" color={STATUS_COLOR[run.status]} variant={run.status === 'undone' ? 'outlined' : 'filled'} label={t(`run_${run.status}`)} />
                    </TableCell>
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      {format.number(run.inserted)} / {format.number(run.updated)} / {format.number(run.unchanged)}
                    </TableCell>
                    <TableCell align="right">{format.number(run.skippedRows)}</TableCell>
                    <TableCell>{who(run.actor)}</TableCell>
                    <TableCell align="right">
                      {role === 'owner' && run.status === 'committed' && (
                        <Button size="small" color="error" onClick={() => void askUndo(run)} disabled={checking !== null || busy} data-testid="import-undo">
                          {checking === run.id ? t('undoChecking') : t('undo')}
                        </Button>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </CardContent>

      <ConfirmDialog
        open={confirm !== null}
        title={confirm ? t('undoConfirmTitle', { file: confirm.file }) : ''}
        confirmLabel={t('undo')}
        destructive
        busy={busy}
        onConfirm={() => confirm && void undo(confirm)}
        onCancel={() => setConfirm(null)}
      >
        {t('undoConfirmText')}
      </ConfirmDialog>

      <Dialog open={refused !== null} onClose={() => setRefused(null)} maxWidth="sm" fullWidth>
        <DialogTitle>{t('undoRefusedTitle')}</DialogTitle>
        <DialogContent>
          <Alert severity="warning" data-testid="undo-refused">
            <AlertTitle>{refused?.run.file}</AlertTitle>
            {refused?.reason}
          </Alert>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setRefused(null)} autoFocus>
            {tc('close')}
          </Button>
        </DialogActions>
      </Dialog>
    </Card>
  );
}
