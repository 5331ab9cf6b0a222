import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { SeenPromotionRow } from '../../../../../shared/contract/planning.contract';
import { api } from '../../../api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useNotify } from '../../../components/notify';
import { PlainTable } from '../../../components/PlainTable';
import { useLiveQuery } from '../../../components/use-live-query';
import { useFormat } from '../../../i18n/format';
import { useT } from '../../../i18n/i18n';
import { campaignsMessages } from './campaigns.messages';

/** Allegro's discount types the owner knows by name; any other is shown as Allegro sends it. */
const KNOWN_TYPES = ['CAMPAIGN', 'COUPON', 'BUNDLE', 'UNIT_PERCENTAGE_DISCOUNT', 'WHOLESALE_PRICE_LIST', 'LARGE_ORDER_DISCOUNT', 'TURNOVER_DISCOUNT'] as const;
type KnownType = (typeof KNOWN_TYPES)[number];
const isKnown = (type: string): type is KnownType => (KNOWN_TYPES as readonly string[]).includes(type);

/** Products shown by name in a row; the rest as "+N". */
const NAMES_SHOWN = 3;

/**
 * Wyniki → Kampanie: promotions the shop ran on Allegro, found in imported orders (issue 17 point 4).
 * "Zapisz jako kampanię" keeps one as a past campaign (its days, products and measured multiple), so the
 * next campaign's suggested multiple learns from it.
 */
export function SeenPromotions({ onKept }: { onKept: () => void }) {
  const t = useT(campaignsMessages);
  const format = useFormat();
  const notify = useNotify();
  const [saving, setSaving] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const list = useLiveQuery(() => api.call('planning.seenPromotions'), ['orders', 'stock', 'products']);
  const typeName = (type: string) => (isKnown(type) ? t(`type_${type}`) : t('typeOther', { type }));
  const times = (x100: number) => `×${format.number(x100 / 100)}`;
  const keyOf = (p: SeenPromotionRow) => `${p.discountType}|${p.startsOn}`;

  const keep = async (p: SeenPromotionRow) => {
    setSaving(keyOf(p));
    setError(null);
    const name = t('keptName', { type: typeName(p.discountType), from: format.date(p.startsOn), to: format.date(p.endsOn) });
    try {
      await api.call('planning.saveCampaign', {
        name,
        startsOn: p.startsOn,
        endsOn: p.endsOn,
        productIds: p.products.map((x) => x.productId),
        // The plan of a campaign already over: what it brought (at least "as usual", the form's floor).
        upliftX100: Math.min(10_000, Math.max(100, p.measuredUpliftX100 ?? 100)),
        allegroDiscountType: p.discountType,
      });
      notify(t('saved', { name }));
      list.reload();
      onKept();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(null);
    }
  };

  if (!list.data && !list.error) return null;
  if (list.data && list.data.length === 0) return null;
  return (
    <Card variant="outlined" sx={{ mb: 2 }} data-testid="seen-promotions">
      <CardContent>
        <Typography variant="h6" component="h2">
          {t('seenTitle')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {t('seenIntro')}
        </Typography>
        <ErrorAlert error={list.error ?? error} onRetry={list.error ? list.reload : undefined} />
        {list.data && (
          <PlainTable
            density="text"
            columns={[t('colType'), t('colDays'), t('colProducts'), { label: t('colDiscounted'), align: 'right' }, t('colUplift'), '']}
          >
            {list.data.map((p) => (
              <tr key={keyOf(p)} data-seen={keyOf(p)}>
                <td>{typeName(p.discountType)}</td>
                <td style={{ whiteSpace: 'nowrap' }}>
                  {format.date(p.startsOn)}
                  {p.endsOn !== p.startsOn ? ` – ${format.date(p.endsOn)}` : ''}
                </td>
                <td>
                  {p.products.slice(0, NAMES_SHOWN).map((x) => x.name).join(', ')}
                  {p.products.length > NAMES_SHOWN ? ` ${t('more', { n: p.products.length - NAMES_SHOWN })}` : ''}
                </td>
                <td style={{ textAlign: 'right' }}>{t('pcs', { n: p.discountedUnits })}</td>
                <td>{p.measuredUpliftX100 !== null ? t('seenUplift', { x: times(p.measuredUpliftX100) }) : t('seenNoUplift')}</td>
                <td style={{ textAlign: 'right' }}>
                  {p.campaignId !== null ? (
                    <Chip size="small" variant="outlined" color="success" label={t('kept')} />
                  ) : (
                    <Button size="small" variant="outlined" disabled={saving !== null} onClick={() => void keep(p)} sx={{ whiteSpace: 'nowrap' }}>
                      {t('keep')}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </PlainTable>
        )}
      </CardContent>
    </Card>
  );
}
