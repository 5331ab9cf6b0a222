/**
 * JPK_V7 GTU groups (rozporządzenie MF w sprawie JPK_VAT, § 10 ust. 3 pkt 1): a sale of goods or services of
 * one of these groups is marked with its code in the VAT register. A product belongs to at most one group
 * (the product form's labels are in the stock screen's messages).
 */
export const GTU_CODES = [
  'GTU_01', 'GTU_02', 'GTU_03', 'GTU_04', 'GTU_05', 'GTU_06', 'GTU_07',
  'GTU_08', 'GTU_09', 'GTU_10', 'GTU_11', 'GTU_12', 'GTU_13',
] as const;

export type GtuCode = (typeof GTU_CODES)[number];

export const isGtuCode = (value: unknown): value is GtuCode => typeof value === 'string' && (GTU_CODES as readonly string[]).includes(value);

/** The group's number, 1–13 (its position among the JPK markers). */
export const gtuNumber = (code: GtuCode): number => Number(code.slice(4));

/**
 * Art. 108a ust. 1a: an invoice whose total due exceeds 15 000 zł (gross) for goods or services of annex 15
 * is paid with the split payment mechanism and marked "mechanizm podzielonej płatności" (MPP in JPK_V7).
 */
export const SPLIT_PAYMENT_THRESHOLD_GROSZE = 1_500_000;
