import type { Migration } from 'kysely';
import * as initial from './2026-11-23-initial';
import * as importBookkeeping from './2026-11-24-01-import';
import * as stockOrders from './2026-11-24-02-stock-orders';
import * as packingReturns from './2026-11-24-03-packing-returns';
import * as packingCorrections from './2026-12-07-05-packing-corrections';
import * as refundVoids from './2026-12-07-06-refund-voids';
import * as accountantMonths from './2026-12-07-07-accountant-months';
import * as exchangeRatesCashRegister from './2026-12-07-13-exchange-rates-cash-register';
import * as applicationId from './2026-12-07-01-application-id';
import * as results from './2026-12-07-15-results';
import * as suppliersCampaigns from './2026-12-07-16-suppliers-campaigns';
import * as lineTopupsDeposits from './2026-12-07-17-line-topups-deposits';
import * as productJpkMarkers from './2026-12-07-18-product-jpk-markers';
import * as orderSortIndexes from './2026-12-07-19-order-sort-indexes';
import * as atRiskChanges from './2026-12-07-20-at-risk-changes';
import * as orderRegisterFields from './2026-12-07-21-order-register-fields';
import * as productCategory from './2026-12-07-22-product-category';
import * as lineDiscounts from './2026-12-07-23-line-discounts';
import * as importRowVersions from './2026-12-07-11-import-row-versions';
import * as invoiceListReopen from './2026-12-07-14-invoice-list-reopen';

/**
 * Every migration, in order, listed statically: the main process is bundled, so files cannot be
 * discovered at run time. Names are dates (plus a word); never rename, reorder or edit a shipped one.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '2026-11-23-initial': initial,
  '2026-11-24-01-import': importBookkeeping,
  '2026-11-24-02-stock-orders': stockOrders,
  '2026-11-24-03-packing-returns': packingReturns,
  '2026-12-07-01-application-id': applicationId,
  '2026-12-07-05-packing-corrections': packingCorrections,
  '2026-12-07-06-refund-voids': refundVoids,
  '2026-12-07-07-accountant-months': accountantMonths,
  '2026-12-07-11-import-row-versions': importRowVersions,
  '2026-12-07-13-exchange-rates-cash-register': exchangeRatesCashRegister,
  '2026-12-07-14-invoice-list-reopen': invoiceListReopen,
  '2026-12-07-15-results': results,
  '2026-12-07-16-suppliers-campaigns': suppliersCampaigns,
  '2026-12-07-17-line-topups-deposits': lineTopupsDeposits,
  '2026-12-07-18-product-jpk-markers': productJpkMarkers,
  '2026-12-07-19-order-sort-indexes': orderSortIndexes,
  '2026-12-07-20-at-risk-changes': atRiskChanges,
  '2026-12-07-21-order-register-fields': orderRegisterFields,
  '2026-12-07-22-product-category': productCategory,
  '2026-12-07-23-line-discounts': lineDiscounts,
};

export const LATEST_MIGRATION = Object.keys(MIGRATIONS).at(-1)!;
