import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { SupplierRow } from '../../../../../shared/contract/planning.contract';
import { parseMoneyInput } from '../../../../../shared/domain/money-input';
import { api } from '../../../api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useNotify } from '../../../components/notify';
import { PlainTable } from '../../../components/PlainTable';
import { useFormat } from '../../../i18n/format';
import { useT } from '../../../i18n/i18n';
import { reorderMessages } from './reorder.messages';

/** The shop's suppliers, and a short form to add one (the NIP's checksum is checked by the core). */
export function Suppliers({ suppliers, onChanged }: { suppliers: SupplierRow[]; onChanged: () => void }) {
  const t = useT(reorderMessages);
  const format = useFormat();
  const notify = useNotify();
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  const [nip, setNip] = useState('');
  const [lead, setLead] = useState('5');
  const [minimum, setMinimum] = useState('0');
  const [email, setEmail] = useState('');
  const [error, setError] = useState<unknown>(null);
  const leadDays = /^\d{1,3}$/.test(lead.trim()) && Number(lead) <= 365 ? Number(lead) : null;
  const min = parseMoneyInput(minimum);

  async function save() {
    if (leadDays === null || !min.ok) return;
    setError(null);
    try {
      const saved = await api.call('planning.saveSupplier', { name, nip, leadTimeDays: leadDays, minimumOrderGrosze: min.grosze, ...(email.trim() ? { email } : {}) });
      notify(t('supplierSaved', { name: saved.name }));
      setAdding(false);
      setName('');
      setNip('');
      onChanged();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <Box sx={{ mt: 4 }} data-testid="suppliers">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="h6" component="h2">
          {t('suppliersTitle')}
        </Typography>
        {!adding && <Button onClick={() => setAdding(true)}>{t('addSupplier')}</Button>}
      </Stack>
      {adding && (
        <Stack direction="row" spacing={1} sx={{ mb: 2, flexWrap: 'wrap', rowGap: 1, alignItems: 'flex-start' }}>
          <TextField size="small" label={t('supplierName')} value={name} onChange={(e) => setName(e.target.value)} />
          <TextField size="small" label={t('nip')} value={nip} onChange={(e) => setNip(e.target.value)} />
          <TextField size="small" label={t('leadTimeField')} value={lead} onChange={(e) => setLead(e.target.value)} error={leadDays === null} helperText={leadDays === null ? t('leadError') : ' '} />
          <TextField size="small" label={t('minimum')} value={minimum} onChange={(e) => setMinimum(e.target.value)} error={!min.ok} helperText={!min.ok ? t('minimumError') : ' '} />
          <TextField size="small" label={t('email')} value={email} onChange={(e) => setEmail(e.target.value)} />
          <Button variant="contained" onClick={() => void save()}>
            {t('save')}
          </Button>
          <Button onClick={() => setAdding(false)}>{t('cancel')}</Button>
        </Stack>
      )}
      <ErrorAlert error={error} />
      <PlainTable density="regular" columns={[t('supplierName'), t('nip'), t('leadTimeField'), { label: t('colMinimum'), align: 'right' }, { label: t('colProducts'), align: 'right' }]}>
        {suppliers.map((s) => (
          <tr key={s.id}>
            <td>{s.name}</td>
            <td>{s.nip ?? '—'}</td>
            <td>{s.leadTimeDays}</td>
            <td style={{ textAlign: 'right' }}>{format.money(s.minimumOrderGrosze)}</td>
            <td style={{ textAlign: 'right' }}>{format.number(s.products)}</td>
          </tr>
        ))}
      </PlainTable>
    </Box>
  );
}
