import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { type ComponentType, lazy, Suspense, useMemo } from 'react';
import { navigate, useRoute } from '../../app/navigation';
import { Loading } from '../../app/ScreenHost';
import { PageHeader } from '../../components/PageHeader';
import { useSessionState } from '../../components/use-session-state';
import { useLanguage, useT } from '../../i18n/i18n';
import { PeriodBar } from './PeriodBar';
import { periodContaining, type ResultsPeriodChoice, todayInWarsaw } from './results-period';
import { type ResultsTabDef, type ResultsTabProps, sortedResultsTabs } from './results-tabs';
import { resultsMessages } from './results.messages';

const lazyTabs = new Map<string, ComponentType<ResultsTabProps>>();
function lazyTab(def: ResultsTabDef): ComponentType<ResultsTabProps> {
  let tab = lazyTabs.get(def.id);
  if (!tab) lazyTabs.set(def.id, (tab = lazy(def.load)));
  return tab;
}

/**
 * Wyniki (owner only): what the shop promised against what the back room did. Address `#/results/<tab>`;
 * the tabs come from results-tabs.ts, the period bar above them is shared by the tabs that use it.
 */
export default function ResultsScreen() {
  const t = useT(resultsMessages);
  const { lang } = useLanguage();
  const { params } = useRoute();
  const tabs = useMemo(() => sortedResultsTabs(), []);
  const current = tabs.find((d) => d.id === params[0]) ?? tabs[0]!;
  const [period, setPeriod] = useSessionState<ResultsPeriodChoice>('results.period', () => periodContaining('month', todayInWarsaw()));
  const TabContent = lazyTab(current);
  return (
    <Box>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Tabs value={current.id} onChange={(_e, id: string) => navigate('results', id)} aria-label={t('tabs')} variant="scrollable" sx={{ mb: 2 }}>
        {tabs.map((def) => (
          <Tab key={def.id} value={def.id} label={def.label[lang]} data-tab={def.id} />
        ))}
      </Tabs>
      {current.usesPeriod && <PeriodBar key={`${period.kind}`} period={period} onChange={setPeriod} />}
      <Suspense fallback={<Loading />}>
        <TabContent period={period} />
      </Suspense>
    </Box>
  );
}
