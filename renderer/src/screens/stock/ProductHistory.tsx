import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PlainTable } from '../../components/PlainTable';
import { useLiveQuery } from '../../components/use-live-query';
import { ledgerReasonText } from '../../../../shared/domain/ledger-reasons';
import { useFormat } from '../../i18n/format';
import { useLanguage, useT } from '../../i18n/i18n';
import { reasonLabel } from '../returns/reason-options';
import { returnsMessages } from '../returns/returns.messages';
import { stockMessages } from './stock.messages';

/** An Allegro order id (a UUID) as a document: shown as the shop's order number (as in Zamówienia), the id in the tooltip. */
const ORDER_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const PAGE = 50;

/** The product's movements from the ledger, newest first: who, when, why, which document. */
export function ProductHistory({ productId, showCosts }: { productId: number; showCosts: boolean }) {
  const t = useT(stockMessages);
  const format = useFormat();
  const { lang } = useLanguage();
  const tr = useT(returnsMessages);
  const [limit, setLimit] = useState(PAGE);
  const history = useLiveQuery(() => api.call('stock.history', { productId, limit }), ['stock', 'products'], [productId, limit]);
  if (history.error) return <ErrorAlert error={history.error} onRetry={history.reload} />;
  const rows = history.data?.rows ?? [];
  if (history.data && rows.length === 0) return <Typography color="text.secondary">{t('histEmpty')}</Typography>;
  return (
    <Box>
      <PlainTable
        density="text"
        aria-label={t('tabHistory')}
        columns={[
          t('histWhen'),
          t('histKind'),
          { label: t('histQuantity'), align: 'right' },
          t('histLocation'),
          t('histWho'),
          t('histWhy'),
          t('histDocument'),
          ...(showCosts ? [t('histUnitCost')] : []),
        ]}
      >
        {rows.map((e) => (
          <tr key={e.id}>
            <td>{format.dateTime(e.at)}</td>
            <td>{t(`kind_${e.kind}`)}</td>
            <td style={{ textAlign: 'right', fontWeight: 600, color: e.quantity < 0 ? '#c62828' : '#2e7d32' }}>{e.quantity > 0 ? `+${e.quantity}` : e.quantity}</td>
            <td>{e.locationCode ?? '—'}</td>
            <td>{e.actor === 'owner' || e.actor === 'helper' || e.actor === 'system' ? t(`actor_${e.actor}`) : e.actor}</td>
            {/* Reasons the app writes are codes (and older Polish sentences): said in the reader's language. */}
            <td>{ledgerReasonText(e.reason, lang, (code) => reasonLabel(tr, code))}</td>
            <td>
              {e.document && ORDER_UUID.test(e.document) && e.orderId ? (
                <span title={e.document}>{t('orderRef', { id: e.orderId })}</span>
              ) : (
                (e.document ?? (e.orderId ? t('orderRef', { id: e.orderId }) : '—'))
              )}
            </td>
            {showCosts && <td>{e.unitCostGrosze === null || e.unitCostGrosze === undefined ? '—' : format.money(e.unitCostGrosze)}</td>}
          </tr>
        ))}
      </PlainTable>
      {history.data && history.data.total > rows.length && (
        <Button sx={{ mt: 1 }} onClick={() => setLimit((l) => Math.min(500, l + PAGE))}>
          {`${rows.length} / ${history.data.total} …`}
        </Button>
      )}
    </Box>
  );
}
