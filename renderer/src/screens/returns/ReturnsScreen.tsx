import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { navigate, useRoute } from '../../app/navigation';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
import { ComplaintsList } from './ComplaintsList';
import { RegisterReturnForm } from './RegisterReturnForm';
import { ReturnDetailView } from './ReturnDetailView';
import { ReturnsList } from './ReturnsList';
import { returnsMessages } from './returns.messages';

/**
 * Returns and complaints. Addresses: `#/returns` the returns, `#/returns/complaints` the complaints,
 * `#/returns/new/<order id>` registering a return of an order, `#/returns/<return id>` one return.
 */
export default function ReturnsScreen() {
  const t = useT(returnsMessages);
  const { params } = useRoute();
  if (params[0] === 'new' && Number(params[1]) > 0) return <RegisterReturnForm key={params[1]} orderId={Number(params[1])} />;
  const returnId = Number(params[0]);
  if (Number.isSafeInteger(returnId) && returnId > 0) return <ReturnDetailView key={returnId} id={returnId} />;
  const tab = params[0] === 'complaints' ? 'complaints' : 'returns';
  return (
    <Box>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Tabs value={tab} onChange={(_e, v: string) => (v === 'complaints' ? navigate('returns', 'complaints') : navigate('returns'))} sx={{ mb: 2 }}>
        <Tab value="returns" label={t('tabReturns')} />
        <Tab value="complaints" label={t('tabComplaints')} />
      </Tabs>
      {tab === 'returns' ? <ReturnsList /> : <ComplaintsList />}
    </Box>
  );
}
