import type { ComponentType } from 'react';
import type { ResultsPeriodChoice } from './results-period';

/** What every tab of Wyniki receives: the period chosen above the tabs (tabs about "now" may ignore it). */
export interface ResultsTabProps {
  period: ResultsPeriodChoice;
}

/**
 * The tabs of Wyniki, in order. Each tab lives in its own folder (`results/<id>/`) and registers here
 * with ONE entry; the screen builds the tab bar and the address (`#/results/<id>`) from this list.
 * `usesPeriod: false` hides the period bar on that tab (e.g. a list of what is at risk right now).
 * `order` places it in the bar (the list may be appended to in any order).
 */
export interface ResultsTabDef {
  id: string;
  label: { pl: string; en: string };
  order: number;
  usesPeriod: boolean;
  load: () => Promise<{ default: ComponentType<ResultsTabProps> }>;
}

export const RESULTS_TABS: ResultsTabDef[] = [
  { id: 'fulfilment', order: 10, usesPeriod: true, label: { pl: 'Wysyłka i jakość', en: 'Dispatch and quality' }, load: () => import('./fulfilment/FulfilmentTab') },
  { id: 'handling-time', order: 20, usesPeriod: false, label: { pl: 'Czas wysyłki', en: 'Handling time' }, load: () => import('./handling-time/HandlingTimeTab') },
  { id: 'at-risk', order: 30, usesPeriod: false, label: { pl: 'Zagrożone zamówienia', en: 'Orders at risk' }, load: () => import('./at-risk/AtRiskTab') },
  { id: 'campaigns', order: 40, usesPeriod: false, label: { pl: 'Kampanie', en: 'Campaigns' }, load: () => import('./campaigns/CampaignsTab') },
  { id: 'reorder', order: 50, usesPeriod: false, label: { pl: 'Zamówienia do dostawców', en: 'Purchase orders' }, load: () => import('./reorder/ReorderTab') },
];

export function sortedResultsTabs(tabs: readonly ResultsTabDef[] = RESULTS_TABS): ResultsTabDef[] {
  return [...tabs].sort((a, b) => a.order - b.order);
}
