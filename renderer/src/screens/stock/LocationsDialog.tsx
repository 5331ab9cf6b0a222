import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import DeleteIcon from '@mui/icons-material/Delete';
import { type FormEvent, useState } from 'react';
import type { LocationRow } from '../../../../shared/contract/stock.contract';
import { api, ApiError } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notify';
import { PlainTable } from '../../components/PlainTable';
import { useT } from '../../i18n/i18n';
import { stockMessages } from './stock.messages';

/** Shelves: add new ones, delete unused ones (the core refuses a shelf still in use). */
export function LocationsDialog({ locations, onClose, onChanged }: { locations: LocationRow[]; onClose: () => void; onChanged: () => void }) {
  const t = useT(stockMessages);
  const notify = useNotify();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function add(event: FormEvent) {
    event.preventDefault();
    if (!code.trim()) return setCodeError(t('errRequired'));
    try {
      await api.call('stock.saveLocation', { code: code.trim(), name: name.trim() || null });
      notify(t('locationSaved'));
      setCode('');
      setName('');
      setCodeError(null);
      onChanged();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'conflict') setCodeError(t('errLocationTaken'));
      else setError(e);
    }
  }

  async function remove(location: LocationRow) {
    try {
      await api.call('stock.deleteLocation', { id: location.id });
      notify(t('locationDeleted'));
      onChanged();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'conflict') notify(t('errLocationInUse'), 'error');
      else setError(e);
    }
  }

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{t('locationsTitle')}</DialogTitle>
      <DialogContent>
        <ErrorAlert error={error} onClose={() => setError(null)} />
        <Stack component="form" onSubmit={add} direction="row" spacing={1} sx={{ mt: 1, alignItems: 'flex-start' }}>
          <TextField autoFocus size="small" label={t('locationCode')} value={code} onChange={(e) => setCode(e.target.value)} error={!!codeError} helperText={codeError ?? ' '} />
          <TextField size="small" label={t('locationName')} value={name} onChange={(e) => setName(e.target.value)} helperText=" " sx={{ flex: 1 }} />
          <Button type="submit" variant="contained">
            {t('locationAdd')}
          </Button>
        </Stack>
        <PlainTable density="compact" columns={[t('colLocation'), t('locationName'), t('locationProducts'), null]}>
          {locations.map((l) => (
            <tr key={l.id}>
              <td>{l.code}</td>
              <td>{l.name ?? ''}</td>
              <td>{l.productCount}</td>
              <td style={{ width: 48 }}>
                <IconButton aria-label={`${t('remove')} ${l.code}`} onClick={() => void remove(l)} disabled={l.productCount > 0}>
                  <DeleteIcon />
                </IconButton>
              </td>
            </tr>
          ))}
        </PlainTable>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
