import Stack from '@mui/material/Stack';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
import { reportsMessages } from './reports.messages';
import { SalesRegisterCard } from './SalesRegisterCard';
import { StockValuationCard } from './StockValuationCard';
import { StockMonthCard } from './StockMonthCard';
import { StocktakeFormCard } from './StocktakeFormCard';
import { InvoiceListCard } from './InvoiceListCard';
import { ReopenMonthCard } from './ReopenMonthCard';

/** Reports for the accountant (owner only): the monthly sales register and the stock valuation. */
export default function ReportsScreen() {
  const t = useT(reportsMessages);
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Stack spacing={3}>
        <SalesRegisterCard />
        <StockValuationCard />
        <StockMonthCard />
        <StocktakeFormCard />
        <InvoiceListCard />
        <ReopenMonthCard />
      </Stack>
    </>
  );
}
