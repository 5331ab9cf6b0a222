import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import CardContent from '@mui/material/CardContent';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import LockIcon from '@mui/icons-material/Lock';
import PersonIcon from '@mui/icons-material/Person';
import StorefrontIcon from '@mui/icons-material/Storefront';
import { type FormEvent, useState } from 'react';
import type { Role } from '../../../shared/domain/roles';
import { ErrorAlert } from '../components/ErrorAlert';
import { commonMessages } from '../i18n/common.messages';
import { useT } from '../i18n/i18n';
import { appMessages } from './app.messages';
import { LanguageSwitch } from './LanguageSwitch';
import { useSession } from './session';

/** "Who is working now?" — shown at start and after "Switch profile". */
export function ProfileGate() {
  const t = useT(appMessages);
  const tc = useT(commonMessages);
  const session = useSession();
  const [pinFor, setPinFor] = useState<Role | null>(null);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const name = (role: Role) => (role === 'owner' ? t('profileOwner') : t('profileHelper'));

  async function enter(role: Role, withPin?: string) {
    setBusy(true);
    setError(null);
    try {
      await session.choose(role, withPin);
      setPinFor(null);
      setPin('');
    } catch (err) {
      setError(err);
      setPin('');
    } finally {
      setBusy(false);
    }
  }

  function pick(role: Role) {
    if (session.pinRequired[role]) {
      setError(null);
      setPin('');
      setPinFor(role);
    } else {
      void enter(role);
    }
  }

  function submitPin(event: FormEvent) {
    event.preventDefault();
    if (pinFor && pin) void enter(pinFor, pin);
  }

  const profiles: Array<{ role: Role; icon: typeof PersonIcon; hint: string }> = [
    { role: 'owner', icon: StorefrontIcon, hint: t('profileOwnerHint') },
    { role: 'helper', icon: PersonIcon, hint: t('profileHelperHint') },
  ];

  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', p: 3, bgcolor: 'background.default' }}>
      <Box sx={{ position: 'absolute', top: 16, right: 16 }}>
        <LanguageSwitch />
      </Box>
      <Stack spacing={3} sx={{ maxWidth: 640, width: '100%' }}>
        <div>
          <Typography variant="overline" color="primary" sx={{ fontWeight: 700, letterSpacing: 2 }}>
            {t('appName')}
          </Typography>
          <Typography variant="h4" component="h1" sx={{ fontWeight: 600 }}>
            {t('whoIsWorking')}
          </Typography>
          <Typography color="text.secondary">{t('whoIsWorkingHint')}</Typography>
        </div>
        {session.error ? <ErrorAlert error={session.error} title={t('noConnection')} /> : null}
        {pinFor === null && error ? <ErrorAlert error={error} /> : null}
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          {profiles.map(({ role, icon: Icon, hint }) => (
            <Card key={role} sx={{ flex: 1 }}>
              <CardActionArea onClick={() => pick(role)} disabled={busy || Boolean(session.error)} data-profile={role} sx={{ p: 1 }}>
                <CardContent>
                  <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
                    <Icon color="primary" sx={{ fontSize: 44 }} />
                    <div>
                      <Typography variant="h6" component="span" sx={{ display: 'block' }}>
                        {name(role)}
                      </Typography>
                      <Typography variant="body2" color="text.secondary">
                        {hint}
                      </Typography>
                      {session.pinRequired[role] && (
                        <Typography variant="caption" color="text.secondary" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, mt: 0.5 }}>
                          <LockIcon sx={{ fontSize: 14 }} /> {t('pinProtected')}
                        </Typography>
                      )}
                    </div>
                  </Stack>
                </CardContent>
              </CardActionArea>
            </Card>
          ))}
        </Stack>
      </Stack>

      <Dialog open={pinFor !== null} onClose={() => setPinFor(null)} maxWidth="xs" fullWidth>
        <form onSubmit={submitPin}>
          <DialogTitle>{pinFor ? t('pinFor', { name: name(pinFor) }) : ''}</DialogTitle>
          <DialogContent>
            {error ? (
              <Box sx={{ mb: 2 }}>
                <ErrorAlert error={error} />
              </Box>
            ) : null}
            <TextField
              autoFocus
              fullWidth
              type="password"
              label={t('pinLabel')}
              helperText={t('pinHint')}
              value={pin}
              onChange={(e) => setPin(e.target.value.replace(/\D/g, '').slice(0, 8))}
              slotProps={{ htmlInput: { inputMode: 'numeric', autoComplete: 'off', maxLength: 8 } }}
              sx={{ mt: 1 }}
            />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setPinFor(null)}>{tc('cancel')}</Button>
            <Button type="submit" variant="contained" disabled={busy || pin.length === 0}>
              {t('enter')}
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </Box>
  );
}
