import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import PrintIcon from '@mui/icons-material/Print';
import { api } from '../../api';
import { navigate } from '../../app/navigation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { orderLabel } from '../../components/order-number-text';
import { PageHeader } from '../../components/PageHeader';
import { useLiveQuery } from '../../components/use-live-query';
import { useT } from '../../i18n/i18n';
import { packingMessages } from './packing.messages';
import { useEscape } from './use-escape';
import { SlipPrintButtons } from './SlipPrintButtons';
import { usePrint, usePrintCapabilities } from './use-print';

/**
 * The pick list of a batch on screen: what to take from which shelf, in walking order, and for which
 * orders. Printing is the printing area's (print.pickList renders the same data).
 */
export function PickListView({ orderIds }: { orderIds: number[] }) {
  const t = useT(packingMessages);
  const key = orderIds.join(',');
  const list = useLiveQuery(() => api.call('packing.pickList', { orderIds }), ['orders', 'stock'], [key]);
  const printing = usePrint();
  const caps = usePrintCapabilities();
  useEscape(() => navigate('packing'));
  const data = list.data;
  // The chips name the buyer (whom the parcel is for), the full number is in their tooltip.
  const buyers = new Map((data?.orders ?? []).map((o) => [o.id, o.buyerName]));
  return (
    <Box>
      <PageHeader
        title={t('pickTitle')}
        subtitle={data ? t('pickSubtitle', { orders: data.orders.length, units: data.totalUnits }) : undefined}
        actions={
          <>
            <Button startIcon={<ArrowBackIcon />} onClick={() => navigate('packing')}>
              {t('back')}
            </Button>
            <Button variant="outlined" startIcon={<PictureAsPdfIcon />} disabled={printing.busy || !data} onClick={() => void printing.print('print.pickList', orderIds, 'pdf')}>
              {t('savePdf')}
            </Button>
            {caps?.printDialog && (
              <Button variant="contained" startIcon={<PrintIcon />} disabled={printing.busy || !data} onClick={() => void printing.print('print.pickList', orderIds, 'print')}>
                {t('print')}
              </Button>
            )}
          </>
        }
      />
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <ErrorAlert error={printing.error} onClose={printing.clearError} />
      <Box sx={{ mb: 2 }}>
        <SlipPrintButtons orderIds={orderIds} many />
      </Box>
      {list.loading && <LinearProgress sx={{ mb: 1 }} />}
      {data && (
        <TableContainer component={Paper} variant="outlined">
          <Table aria-label={t('pickTitle')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('colShelf')}</TableCell>
                <TableCell>{t('colProduct')}</TableCell>
                <TableCell align="right">{t('colQuantity')}</TableCell>
                <TableCell align="right">{t('colOnHand')}</TableCell>
                <TableCell>{t('colOrders')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.items.map((item) => {
                const short = item.onHand !== null && item.onHand < item.quantity ? item.quantity - Math.max(0, item.onHand) : 0;
                return (
                  <TableRow key={`${item.productId ?? 'x'}-${item.sku ?? ''}-${item.name}`} data-testid="pick-row">
                    <TableCell sx={{ fontSize: '1.1rem', fontWeight: 700, whiteSpace: 'nowrap' }}>{item.locationCode ?? <Typography color="text.secondary">{t('noShelf')}</Typography>}</TableCell>
                    <TableCell>
                      <Typography sx={{ fontWeight: 600 }}>{item.name}</Typography>
                      <Typography variant="body2" color="text.secondary">
                        {[item.sku, item.ean].filter(Boolean).join(' · ')}
                        {item.productId === null && ` · ${t('notLinked')}`}
                      </Typography>
                    </TableCell>
                    <TableCell align="right" sx={{ fontSize: '1.25rem', fontWeight: 700 }}>
                      {item.quantity}
                    </TableCell>
                    <TableCell align="right">
                      {item.onHand ?? '—'}
                      {short > 0 && <Chip size="small" color="error" label={t('shortage', { n: short })} sx={{ ml: 1 }} />}
                    </TableCell>
                    <TableCell>
                      <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
                        {item.orders.map((o) => (
                          <Chip
                            key={o.orderId}
                            size="small"
                            variant="outlined"
                            label={`${orderLabel({ number: o.number, buyerName: buyers.get(o.orderId) })} × ${o.quantity}`}
                            title={o.number}
                            onClick={() => navigate('packing', o.orderId)}
                          />
                        ))}
                      </Stack>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Box>
  );
}
