import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import { api } from '../../../api';
import { navigate } from '../../../app/navigation';
import { useRole } from '../../../app/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PlainTable } from '../../../components/PlainTable';
import { useLiveQuery } from '../../../components/use-live-query';
import { useT } from '../../../i18n/i18n';
import { slottingMessages } from './slotting.messages';

/** Rows the card shows: a hint, not a work list; the rest is counted. */
const SHOWN = 8;

/**
 * "Podpowiedź: ustawienie towaru" (issue 17 point 5): A-products away from the shelves nearest the
 * packing table, most sold first, each with the near C-product to swap with (planning.slotting).
 */
export function SlottingCard() {
  const t = useT(slottingMessages);
  const role = useRole();
  const hint = useLiveQuery(() => api.call('planning.slotting'), ['stock', 'products', 'orders']);
  const data = hint.data;
  return (
    <Card variant="outlined" sx={{ mb: 2 }} data-testid="slotting-card">
      <CardContent>
        <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
          {t('title')}
        </Typography>
        <ErrorAlert error={hint.error} onRetry={hint.reload} />
        {data && data.nearShelves.length === 0 && (
          <Alert
            severity="info"
            action={
              role === 'owner' ? (
                <Button color="inherit" size="small" onClick={() => navigate('settings')}>
                  {t('openSettings')}
                </Button>
              ) : undefined
            }
          >
            {t('notSet')}
          </Alert>
        )}
        {data && data.nearShelves.length > 0 && (
          <>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              {t('intro', { shelves: data.nearShelves.join(', ') })}
            </Typography>
            {data.farA.length === 0 ? (
              <Alert severity="success">{t('allNear')}</Alert>
            ) : (
              <PlainTable density="text" columns={[t('colProduct'), t('colShelf'), { label: t('colSold'), align: 'right' }, t('colSwap')]}>
                {data.farA.slice(0, SHOWN).map((p) => (
                  <tr key={p.productId} data-product={p.sku}>
                    <td>
                      {p.name} <Typography variant="caption" color="text.secondary">{p.sku}</Typography>
                    </td>
                    <td style={{ whiteSpace: 'nowrap' }}>{p.shelf ?? t('noShelf')}</td>
                    <td style={{ textAlign: 'right' }}>{t('pcs', { n: p.unitsSold })}</td>
                    <td>
                      {p.swapWith ? (
                        <>
                          {p.swapWith.name}{' '}
                          <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
                            {t('onShelf', { shelf: p.swapWith.shelf ?? '' })}
                          </Typography>
                        </>
                      ) : (
                        <Typography variant="body2" color="text.secondary" component="span">
                          {t('noSwap')}
                        </Typography>
                      )}
                    </td>
                  </tr>
                ))}
              </PlainTable>
            )}
            {data.farATotal > SHOWN && (
              <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                {t('more', { n: data.farATotal - SHOWN })}
              </Typography>
            )}
          </>
        )}
      </CardContent>
    </Card>
  );
}
