import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { type FormEvent, useState } from 'react';
import type { Role } from '../../../../shared/domain/roles';
import { api } from '../../api';
import { useSession } from '../../app/session';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notify';
import { commonMessages } from '../../i18n/common.messages';
import { useT } from '../../i18n/i18n';
import { settingsMessages } from './settings.messages';

/** Set, change or remove each profile's PIN (owner only; the core refuses anyone else). */
export function PinSettings() {
  const t = useT(settingsMessages);
  const tc = useT(commonMessages);
  const session = useSession();
  const notify = useNotify();
  const [editing, setEditing] = useState<Role | null>(null);
  const [removing, setRemoving] = useState<Role | null>(null);
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const name = (role: Role) => (role === 'owner' ? t('pinOwner') : t('pinHelper'));

  function open(role: Role) {
    setPin('');
    setRepeat('');
    setFormError(null);
    setError(null);
    setEditing(role);
  }

  async function save(role: Role, value: string | null) {
    setBusy(true);
    setError(null);
    try {
      await api.call('session.setPin', { role, pin: value });
      await session.refresh();
      notify(value === null ? t('pinRemoved') : t('pinSaved'));
      setEditing(null);
      setRemoving(null);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!editing) return;
    if (!/^\d{4,8}$/.test(pin)) return setFormError(t('pinFormat'));
    if (pin !== repeat) return setFormError(t('pinMismatch'));
    setFormError(null);
    void save(editing, pin);
  }

  const digits = (value: string) => value.replace(/\D/g, '').slice(0, 8);

  return (
    <Card>
      <CardContent>
        <Typography variant="h6" component="h2">
          {t('pinSection')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {t('pinSectionHint')}
        </Typography>
        {error && editing === null ? <ErrorAlert error={error} /> : null}
        <Stack spacing={1.5}>
          {(['owner', 'helper'] as const).map((role) => {
            const hasPin = session.pinRequired[role];
            return (
              <Stack key={role} direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }} data-pin-row={role}>
                <Typography sx={{ minWidth: 110, fontWeight: 600 }}>{name(role)}</Typography>
                <Chip size="small" label={hasPin ? t('pinIsSet') : t('pinNotSet')} color={hasPin ? 'success' : 'default'} variant={hasPin ? 'filled' : 'outlined'} />
                <Button size="small" onClick={() => open(role)}>
                  {hasPin ? t('changePin') : t('setPin')}
                </Button>
                {hasPin && (
                  <Button size="small" color="error" onClick={() => setRemoving(role)}>
                    {t('removePin')}
                  </Button>
                )}
              </Stack>
            );
          })}
        </Stack>
      </CardContent>

      <Dialog open={editing !== null} onClose={() => setEditing(null)} maxWidth="xs" fullWidth>
        <form onSubmit={submit}>
          <DialogTitle>{editing ? `${t('setPin')} — ${name(editing)}` : ''}</DialogTitle>
          <DialogContent>
            <Stack spacing={2} sx={{ mt: 1 }}>
              {error ? <ErrorAlert error={error} /> : null}
              <TextField
                autoFocus
                type="password"
                label={t('newPin')}
                value={pin}
                onChange={(e) => setPin(digits(e.target.value))}
                slotProps={{ htmlInput: { inputMode: 'numeric', autoComplete: 'new-password' } }}
              />
              <TextField
                type="password"
                label={t('repeatPin')}
                value={repeat}
                onChange={(e) => setRepeat(digits(e.target.value))}
                error={formError !== null}
                helperText={formError ?? ' '}
                slotProps={{ htmlInput: { inputMode: 'numeric', autoComplete: 'new-password' } }}
              />
            </Stack>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setEditing(null)}>{tc('cancel')}</Button>
            <Button type="submit" variant="contained" disabled={busy}>
              {tc('save')}
            </Button>
          </DialogActions>
        </form>
      </Dialog>

      <ConfirmDialog
        open={removing !== null}
        title={removing ? t('removePinConfirm', { name: name(removing) }) : ''}
        confirmLabel={t('removePin')}
        destructive
        busy={busy}
        onConfirm={() => removing && void save(removing, null)}
        onCancel={() => setRemoving(null)}
      >
        {t('removePinConfirmText')}
      </ConfirmDialog>
    </Card>
  );
}
