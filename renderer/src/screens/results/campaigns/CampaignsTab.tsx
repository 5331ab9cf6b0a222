import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { CampaignRow } from '../../../../../shared/contract/planning.contract';
import { api } from '../../../api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PlainTable } from '../../../components/PlainTable';
import { useLiveQuery } from '../../../components/use-live-query';
import { useFormat } from '../../../i18n/format';
import { useT } from '../../../i18n/i18n';
import type { ResultsTabProps } from '../results-tabs';
import { CampaignForm, lastUplift } from './CampaignForm';
import { campaignsMessages } from './campaigns.messages';
import { SeenPromotions } from './SeenPromotions';

const VERDICT_COLOR = { covered: 'success', at_risk: 'warning', not_covered: 'error' } as const;

function useTimes() {
  const format = useFormat();
  return (x100: number) => `×${format.number(x100 / 100)}`;
}

function CampaignCard({ campaign }: { campaign: CampaignRow }) {
  const t = useT(campaignsMessages);
  const format = useFormat();
  const times = useTimes();
  const past = campaign.phase === 'past';
  const days = Math.round((Date.parse(campaign.endsAt) - Date.parse(campaign.startsAt)) / 86_400_000);
  return (
    <Card variant="outlined" sx={{ mb: 2 }} data-campaign={campaign.name}>
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1, mb: 1 }}>
          <Typography variant="h6" component="h2" sx={{ mr: 1 }}>
            {campaign.name}
          </Typography>
          <Chip size="small" label={t(campaign.phase)} variant="outlined" />
          {campaign.allegroDiscountType && <Chip size="small" label={t('fromAllegro')} variant="outlined" color="info" />}
          {!past && campaign.noProducts && <Chip size="small" label={t('nothingToCheck')} data-verdict="none" />}
          {!past && !campaign.noProducts && <Chip size="small" color={VERDICT_COLOR[campaign.verdict]} label={t(campaign.verdict)} data-verdict={campaign.verdict} />}
          <Typography variant="body2" color="text.secondary">
            {format.date(campaign.startsAt)} – {format.date(campaign.endsAt)}
            {' · '}
            {campaign.upliftX100 !== null ? t('multipleInfo', { x: times(campaign.upliftX100) }) : t('unitsInfo')}
            {campaign.category ? ` · ${t('categoryInfo', { category: campaign.category })}` : ''}
          </Typography>
        </Stack>
        {campaign.noProducts && (
          <Alert severity="info" sx={{ mb: 1 }} data-testid="campaign-no-products">
            {t(campaign.category ? 'noProductsCategory' : 'noProducts')}
          </Alert>
        )}
        {campaign.outcome && (
          <Alert severity={campaign.outcome.stockOutRatePct > 0 ? 'warning' : 'info'} sx={{ mb: 1 }} data-testid="campaign-outcome">
            {t('outcome', { planned: campaign.outcome.plannedUnits, sold: campaign.outcome.soldUnits, accuracy: campaign.outcome.forecastAccuracyPct, outRate: campaign.outcome.stockOutRatePct })}
            {campaign.outcome.measuredUpliftX100 !== null && <div>{t('learned', { x: times(campaign.outcome.measuredUpliftX100) })}</div>}
          </Alert>
        )}
        {!past && campaign.countedCampaigns && campaign.countedCampaigns.length > 0 && (
          <Alert severity="info" sx={{ mb: 1 }} data-testid="campaign-counted">
            {t('countedNote', { n: campaign.countedCampaigns.length, names: campaign.countedCampaigns.map((c) => `„${c.name}”`).join(', ') })}
          </Alert>
        )}
        {past ? (
          <PlainTable density="text" columns={[t('colProduct'), { label: t('colPlanned'), align: 'right' }, { label: t('colInStock'), align: 'right' }, t('colVerdict')]}>
            {campaign.products.map((p) => (
              <tr key={p.productId}>
                <td>
                  {p.name} <Typography variant="caption" color="text.secondary">{p.sku}</Typography>
                </td>
                <td style={{ textAlign: 'right' }}>{t('pcs', { n: p.expectedUnits })}</td>
                <td style={{ textAlign: 'right' }}>{p.daysOfCover} / {days}</td>
                <td>
                  <Chip size="small" color={VERDICT_COLOR[p.verdict]} label={t(p.verdict)} variant="outlined" />
                </td>
              </tr>
            ))}
          </PlainTable>
        ) : (
          <PlainTable
            density="text"
            columns={[t('colProduct'), { label: t('colExpected'), align: 'right' }, { label: t('colStock'), align: 'right' }, t('colCover'), { label: t('colShort'), align: 'right' }, t('colReorder'), t('colVerdict')]}
          >
            {campaign.products.map((p) => (
              <tr key={p.productId} data-product={p.sku}>
                <td>
                  {p.name} <Typography variant="caption" color="text.secondary">{p.sku}</Typography>
                </td>
                <td style={{ textAlign: 'right' }}>
                  {t('pcs', { n: p.expectedUnits })}
                  {campaign.phase === 'planned' && p.neededUnits !== undefined && p.neededUnits !== p.expectedUnits && (
                    <Typography variant="caption" color="text.secondary" component="div" data-testid="campaign-needed">
                      {t('neededShared', { n: p.neededUnits })}
                    </Typography>
                  )}
                </td>
                <td style={{ textAlign: 'right' }}>{t('pcs', { n: Math.max(0, p.stockAtStart) })}</td>
                <td>{p.shortfall === 0 ? t('allDays') : t('days', { n: p.daysOfCover })}</td>
                <td style={{ textAlign: 'right', fontWeight: p.shortfall > 0 ? 600 : undefined }}>{p.shortfall > 0 ? t('pcs', { n: p.shortfall }) : '—'}</td>
                <td>{p.reorderArrivesOn === null ? t('noSupplier') : t(p.reorderInTime ? 'arrives' : 'arrivesLate', { date: format.date(p.reorderArrivesOn) })}</td>
                <td>
                  <Chip size="small" color={VERDICT_COLOR[p.verdict]} label={t(p.verdict)} data-verdict={p.verdict} />
                </td>
              </tr>
            ))}
          </PlainTable>
        )}
      </CardContent>
    </Card>
  );
}

/** Wyniki → Kampanie: plan a campaign and check the stock against it; past campaigns measured afterwards. */
export default function CampaignsTab(_props: ResultsTabProps) {
  const t = useT(campaignsMessages);
  const [planning, setPlanning] = useState(false);
  const list = useLiveQuery(() => api.call('planning.campaigns'), ['stock', 'orders', 'products']);
  return (
    <Box data-testid="campaigns">
      <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'flex-start', justifyContent: 'space-between' }}>
        <Typography color="text.secondary">{t('intro')}</Typography>
        {!planning && (
          <Button variant="contained" onClick={() => setPlanning(true)} sx={{ flexShrink: 0 }}>
            {t('plan')}
          </Button>
        )}
      </Stack>
      {planning && (
        <CampaignForm
          learnt={list.data ? lastUplift(list.data) : null}
          onClose={() => setPlanning(false)}
          onSaved={() => {
            setPlanning(false);
            list.reload();
          }}
        />
      )}
      <SeenPromotions onKept={list.reload} />
      <ErrorAlert error={list.error} onRetry={list.reload} />
      {list.data && list.data.length === 0 && <Alert severity="info">{t('none')}</Alert>}
      {list.data?.map((c) => <CampaignCard key={c.id} campaign={c} />)}
    </Box>
  );
}
