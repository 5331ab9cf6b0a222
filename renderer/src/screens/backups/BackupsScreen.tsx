import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { BackupInfo } from '../../../../shared/contract/backup.contract';
import { api } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { useLiveQuery } from '../../components/use-live-query';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/i18n';
import { backupsMessages } from './backups.messages';

/**
 * The owner's backups: what copies exist (newest first, what each was taken for), a backup on demand,
 * and restoring one. Restoring is checked and staged by the core; the app then reopens the database
 * (or does it at the next start) and keeps the replaced database as a copy of its own.
 */
export default function BackupsScreen() {
  const t = useT(backupsMessages);
  const format = useFormat();
  const notify = useNotify();
  const list = useLiveQuery(() => api.call('backup.list', {}), ['all', 'settings']);
  const [creating, setCreating] = useState(false);
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [staged, setStaged] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);

  async function cancelRestore() {
    setCancelling(true);
    setError(null);
    try {
      await api.call('backup.cancelRestore', {});
      setStaged(null);
      notify(t('restoreCancelled'));
      list.reload();
    } catch (e) {
      setError(e);
    } finally {
      setCancelling(false);
    }
  }

  async function createNow() {
    setCreating(true);
    setError(null);
    try {
      await api.call('backup.create', {});
      notify(t('created'));
      list.reload();
    } catch (e) {
      setError(e);
    } finally {
      setCreating(false);
    }
  }

  async function restore(backup: BackupInfo) {
    setBusy(true);
    setError(null);
    try {
      const result = await api.call('backup.restore', { name: backup.name });
      if (result.when === 'now') {
        // The shop was reopened from the backup and everyone signed out: load the app again (the
        // desktop app reloads its window itself; the browser version needs the page to).
        notify(t('restoredReload'), 'info');
        window.setTimeout(() => window.location.reload(), 1500);
      } else setStaged(t('restoredNextStart', { orders: format.number(result.orders), products: format.number(result.products) }));
      list.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      setRestoring(null);
    }
  }

  const data = list.data;
  const kindOf = (kind: BackupInfo['kind'] | null | undefined) => (kind ? t(`kind_${kind}`) : '');
  const newest = data?.health?.newestVerified ?? null;
  const mb = (bytes: number) => t('megabytes', { n: format.number(Math.max(0.1, Math.round(bytes / 104857.6) / 10)) });
  return (
    <Box>
      <PageHeader
        title={t('title')}
        subtitle={data ? t('subtitle', { keep: data.keep }) : undefined}
        actions={
          <Button variant="contained" onClick={() => void createNow()} disabled={creating || !data} data-testid="backup-create">
            {creating ? t('creating') : t('createNow')}
          </Button>
        }
      />
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {staged && (
        <Alert severity="info" sx={{ mb: 2 }} onClose={() => setStaged(null)}>
          {staged}
        </Alert>
      )}
      {data && (
        <Stack spacing={2}>
          {data.health?.state === 'damaged' && (
            <Alert severity="error" data-testid="shop-damaged">
              <strong>{t('damagedTitle')}</strong> {t('damagedText')}{' '}
              {newest ? t('damagedOffer', { date: format.dateTime(newest.createdAt), kind: kindOf(newest.kind).toLowerCase() }) : t('damagedNoBackup')}
              {newest && (
                <Box sx={{ mt: 1 }}>
                  <Button variant="contained" color="error" size="small" onClick={() => setRestoring(newest)} disabled={busy}>
                    {t('restoreNewest', { date: format.dateTime(newest.createdAt) })}
                  </Button>
                </Box>
              )}
            </Alert>
          )}
          {data.lastRestore && (
            <Alert severity={data.lastRestore.ok ? 'success' : 'error'} data-testid="last-restore">
              {data.lastRestore.ok
                ? t('restoreDone', { date: data.lastRestore.createdAt ? format.dateTime(data.lastRestore.createdAt) : '', kind: kindOf(data.lastRestore.kind).toLowerCase() })
                : `${t('restoreRefused', { date: data.lastRestore.createdAt ? format.dateTime(data.lastRestore.createdAt) : '', kind: kindOf(data.lastRestore.kind).toLowerCase() })} ${
                    data.lastRestore.code === 'shop_in_use' ? t('refused_shop_in_use') : data.lastRestore.code === 'backup_invalid' ? t('refused_backup_invalid') : t('refused_other')
                  }`}
            </Alert>
          )}
          {data.pendingRestore && (
            <Alert
              severity="warning"
              data-testid="pending-restore"
              action={
                <Button color="inherit" size="small" onClick={() => void cancelRestore()} disabled={cancelling} sx={{ whiteSpace: 'nowrap' }}>
                  {cancelling ? t('cancelling') : t('cancelRestore')}
                </Button>
              }
            >
              {data.pending?.createdAt
                ? t('pendingWhen', { date: format.dateTime(data.pending.createdAt), kind: kindOf(data.pending.kind).toLowerCase() })
                : t('pending', { name: data.pendingRestore })}
            </Alert>
          )}
          <Typography variant="body2" color="text.secondary">
            {data.lastAutomaticAt ? t('lastAutomatic', { date: format.dateTime(data.lastAutomaticAt) }) : t('neverAutomatic')} · {t('folder', { folder: data.directory })}
          </Typography>
          {data.health && data.health.state !== 'damaged' && (
            <Typography variant="body2" color="text.secondary" data-testid="shop-health">
              {data.health.state === 'ok' && data.health.checkedAt ? t('healthOk', { date: format.dateTime(data.health.checkedAt) }) : t('healthPending')}
              {data.health.lastFullCheckAt ? ` ${t('healthFull', { date: format.dateTime(data.health.lastFullCheckAt) })}` : ''}
            </Typography>
          )}
          {data.backups.length === 0 ? (
            <Typography>{t('empty')}</Typography>
          ) : (
            <Table size="small" aria-label={t('title')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('colDate')}</TableCell>
                  <TableCell>{t('colKind')}</TableCell>
                  <TableCell>{t('colCheck')}</TableCell>
                  <TableCell align="right">{t('colSize')}</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {data.backups.map((b) => (
                  <TableRow key={b.name} data-backup={b.name}>
                    <TableCell>{format.dateTime(b.createdAt)}</TableCell>
                    <TableCell>{t(`kind_${b.kind}`)}</TableCell>
                    <TableCell>{b.verified === undefined ? '' : b.verified ? t('verified') : t('notVerified')}</TableCell>
                    <TableCell align="right">{mb(b.sizeBytes)}</TableCell>
                    <TableCell align="right">
                      <Button size="small" onClick={() => setRestoring(b)} disabled={busy}>
                        {t('restore')}
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Stack>
      )}
      <ConfirmDialog
        open={restoring !== null}
        title={restoring ? t('restoreTitle', { date: format.dateTime(restoring.createdAt) }) : ''}
        confirmLabel={t('restoreConfirm')}
        destructive
        busy={busy}
        onConfirm={() => restoring && void restore(restoring)}
        onCancel={() => setRestoring(null)}
      >
        {restoring ? t('restoreText', { date: format.dateTime(restoring.createdAt) }) : ''}
      </ConfirmDialog>
    </Box>
  );
}
