import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import AssignmentReturnIcon from '@mui/icons-material/AssignmentReturn';
import Inventory2Icon from '@mui/icons-material/Inventory2';
import LocalShippingIcon from '@mui/icons-material/LocalShipping';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import { type ReactNode, useState } from 'react';
import { api } from '../../api';
import type { ShopStats } from '../../../../shared/contract/system.contract';
import { navigate } from '../../app/navigation';
import { useRole } from '../../app/session';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { useLiveQuery } from '../../components/use-live-query';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/i18n';
import { homeMessages } from './home.messages';
import { StatCard } from './StatCard';
import { AtRiskBadge } from '../results/at-risk/AtRiskBadge';

type CountKey = Exclude<keyof ShopStats, 'totalToPayGrosze' | 'totalToPayNotCancelledGrosze' | 'orderLines' | 'ledgerEntries'>;

const CARDS: Array<{ key: CountKey; icon?: ReactNode }> = [
  { key: 'openOrders', icon: <ReceiptLongIcon fontSize="small" /> },
  { key: 'onHandUnits', icon: <Inventory2Icon fontSize="small" /> },
  { key: 'reservedUnits' },
  { key: 'products' },
  { key: 'orders' },
  { key: 'cancelledOrders' },
  { key: 'shipments', icon: <LocalShippingIcon fontSize="small" /> },
  { key: 'returns', icon: <AssignmentReturnIcon fontSize="small" /> },
  { key: 'returnedUnits' },
  { key: 'offers' },
  { key: 'locations' },
];

/** "1 234,56 zł · 12,00 €"; nothing sold yet is 0 zł. */
function moneyByCurrency(amounts: Record<string, number>, format: ReturnType<typeof useFormat>): string {
  const entries = Object.entries(amounts);
  if (entries.length === 0) return format.money(0);
  return entries.map(([currency, minor]) => format.money(minor, currency)).join(' · ');
}

function isEmpty(stats: ShopStats): boolean {
  return stats.products === 0 && stats.orders === 0;
}

/** The dashboard: live counts from the database; an empty shop offers the demo shop and the import. */
export default function HomeScreen() {
  const t = useT(homeMessages);
  const format = useFormat();
  const role = useRole();
  const notify = useNotify();
  const stats = useLiveQuery(() => api.call('shop.stats'), ['all', 'products', 'stock', 'orders', 'returns', 'imports']);
  const [confirming, setConfirming] = useState(false);
  const [loadingDemo, setLoadingDemo] = useState(false);
  const [demoError, setDemoError] = useState<unknown>(null);

  async function loadDemo() {
    setConfirming(false);
    setLoadingDemo(true);
    setDemoError(null);
    try {
      await api.call('shop.loadDemo', {});
      notify(t('demoLoaded'));
      stats.reload();
    } catch (error) {
      setDemoError(error);
    } finally {
      setLoadingDemo(false);
    }
  }

  const data = stats.data;
  return (
    <Box>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <ErrorAlert error={stats.error} onRetry={stats.reload} />
      <AtRiskBadge />
      {data && isEmpty(data) && (
        <Card sx={{ mb: 3, borderColor: 'primary.main', borderWidth: 2 }} data-testid="empty-shop">
          <CardContent>
            <Typography variant="h6" component="h2">
              {t('emptyTitle')}
            </Typography>
            <Typography color="text.secondary" sx={{ mb: 2 }}>
              {role === 'owner' ? t('emptyText') : t('emptyHelperText')}
            </Typography>
            {role === 'owner' && (
              <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5}>
                <Button variant="contained" onClick={() => setConfirming(true)} disabled={loadingDemo}>
                  {t('loadDemo')}
                </Button>
                <Button variant="outlined" onClick={() => navigate('import')} disabled={loadingDemo}>
                  {t('goImport')}
                </Button>
              </Stack>
            )}
            {loadingDemo && (
              <Box sx={{ mt: 2 }} role="status">
                <Typography variant="body2" sx={{ mb: 1 }}>
                  {t('loadingDemo')}
                </Typography>
                <LinearProgress />
              </Box>
            )}
            {demoError ? (
              <Box sx={{ mt: 2 }}>
                <ErrorAlert error={demoError} />
              </Box>
            ) : null}
          </CardContent>
        </Card>
      )}
      {data && (
        <Grid container spacing={2}>
          {CARDS.map(({ key, icon }) => (
            <Grid key={key} size={{ xs: 12, sm: 6, md: 4, lg: 3 }}>
              <StatCard stat={key} label={t(key)} value={format.number(data[key])} icon={icon} />
            </Grid>
          ))}
          <Grid size={{ xs: 12, sm: 6, md: 4, lg: 3 }}>
            {/* What was sold: a cancelled order brought no money, so it is left out (its count has its own tile). An answer
                without the key (the fakes of older renderer tests) reads as nothing sold. */}
            <StatCard stat="totalToPay" label={t('totalToPay')} note={t('totalToPayNote')} value={moneyByCurrency(data.totalToPayNotCancelledGrosze ?? {}, format)} />
          </Grid>
        </Grid>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('loadDemoConfirmTitle')}
        confirmLabel={t('loadDemo')}
        onConfirm={() => void loadDemo()}
        onCancel={() => setConfirming(false)}
      >
        {t('loadDemoConfirmText')}
      </ConfirmDialog>
    </Box>
  );
}
