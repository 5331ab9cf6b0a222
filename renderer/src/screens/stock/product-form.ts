import { MAX_CATEGORY_LENGTH, type ProductDetail, type UpdateProductInput } from '../../../../shared/contract/stock.contract';
import { eanProblem } from '../../../../shared/domain/ean';
import { minorToDecimalString, parseMoney } from '../../../../shared/domain/money';
import type { GtuCode } from '../../../../shared/domain/gtu';
import type { VatRate } from '../../../../shared/domain/vat';
import type { stockMessages } from './stock.messages';

/**
 * The product form holds what the person typed, as text, so a half-typed price ("19,") is never lost or
 * coerced; it is checked here (same rules as the core) and turned into a patch only on save.
 */
export interface ProductDraft {
  sku: string;
  name: string;
  ean: string;
  unit: string;
  vatRate: VatRate;
  locationId: string;
  reorderPoint: string;
  leadTimeDays: string;
  salePrice: string;
  purchasePrice: string;
  allowBackorder: boolean;
  archived: boolean;
  /** JPK_V7 GTU group, '' for none. */
  gtu: GtuCode | '';
  /** Goods of annex 15: an invoice above 15 000 zł is marked MPP. */
  splitPayment: boolean;
  /** The owner's category ("Karmy"), '' for none. */
  category: string;
}

export type DraftField = keyof ProductDraft;
export type MessageKey = keyof (typeof stockMessages)['pl'];
export type DraftErrors = Partial<Record<DraftField, MessageKey>>;

const money = (minor: number | null | undefined) => (minor === null || minor === undefined ? '' : minorToDecimalString(minor, ','));

export function emptyDraft(): ProductDraft {
  return { sku: '', name: '', ean: '', unit: 'szt.', vatRate: '23', locationId: '', reorderPoint: '0', leadTimeDays: '', salePrice: '', purchasePrice: '', allowBackorder: false, archived: false, gtu: '', splitPayment: false, category: '' };
}

export function toDraft(product: ProductDetail['product']): ProductDraft {
  return {
    sku: product.sku,
    name: product.name,
    ean: product.ean ?? '',
    unit: product.unit,
    vatRate: product.vatRate,
    locationId: product.locationId === null ? '' : String(product.locationId),
    reorderPoint: String(product.reorderPoint),
    leadTimeDays: product.leadTimeDays === null ? '' : String(product.leadTimeDays),
    salePrice: money(product.salePriceGrosze),
    purchasePrice: money(product.purchasePriceGrosze),
    allowBackorder: product.allowBackorder,
    archived: product.archived,
    gtu: product.gtu ?? '',
    splitPayment: product.splitPayment,
    category: product.category ?? '',
  };
}

function priceProblem(text: string): MessageKey | null {
  if (text.trim() === '') return null;
  try {
    const value = parseMoney(text);
    if (value !== null && value < 0) return 'errPriceNegative';
    return null;
  } catch {
    return /^\s*[-−]/.test(text) ? 'errPriceNegative' : 'errPrice';
  }
}

const wholeNumber = (text: string, required: boolean): MessageKey | null => {
  if (text.trim() === '') return required ? 'errRequired' : null;
  return /^\d{1,9}$/.test(text.trim()) ? null : 'errWholeNumber';
};

export function validateDraft(draft: ProductDraft): DraftErrors {
  const errors: DraftErrors = {};
  if (!draft.sku.trim()) errors.sku = 'errRequired';
  if (!draft.name.trim()) errors.name = 'errRequired';
  // A draft kept from before the field existed has no category.
  if ((draft.category ?? '').trim().length > MAX_CATEGORY_LENGTH) errors.category = 'errCategoryLong';
  const ean = draft.ean.trim();
  if (ean) {
    const problem = eanProblem(ean);
    if (problem === 'not_digits') errors.ean = 'errEanDigits';
    else if (problem === 'wrong_length') errors.ean = 'errEanLength';
    else if (problem === 'check_digit') errors.ean = 'errEanCheck';
  }
  const reorder = wholeNumber(draft.reorderPoint, true);
  if (reorder) errors.reorderPoint = reorder;
  const lead = wholeNumber(draft.leadTimeDays, false);
  if (lead) errors.leadTimeDays = lead;
  const sale = priceProblem(draft.salePrice);
  if (sale) errors.salePrice = sale;
  const purchase = priceProblem(draft.purchasePrice);
  if (purchase) errors.purchasePrice = purchase;
  return errors;
}

/** All fields as the contract wants them (create, or update with unchanged ones left to the core). */
export function draftToFields(draft: ProductDraft, showCosts: boolean): Omit<UpdateProductInput, 'id' | 'expectedUpdatedAt'> {
  const fields: Omit<UpdateProductInput, 'id' | 'expectedUpdatedAt'> = {
    sku: draft.sku.trim(),
    name: draft.name.trim(),
    ean: draft.ean.trim() === '' ? null : draft.ean.trim(),
    unit: draft.unit.trim() || 'szt.',
    vatRate: draft.vatRate,
    locationId: draft.locationId === '' ? null : Number(draft.locationId),
    reorderPoint: Number(draft.reorderPoint.trim()),
    leadTimeDays: draft.leadTimeDays.trim() === '' ? null : Number(draft.leadTimeDays.trim()),
    salePriceGrosze: parseMoney(draft.salePrice),
    allowBackorder: draft.allowBackorder,
    archived: draft.archived,
    gtu: draft.gtu === '' ? null : draft.gtu,
    splitPayment: draft.splitPayment,
    category: (draft.category ?? '').trim() || null,
  };
  // The helper never sees purchase prices, so the form never sends one back.
  if (showCosts) fields.purchasePriceGrosze = parseMoney(draft.purchasePrice);
  return fields;
}

export function sameDraft(a: ProductDraft, b: ProductDraft): boolean {
  return (Object.keys(a) as DraftField[]).every((k) => a[k] === b[k]);
}
