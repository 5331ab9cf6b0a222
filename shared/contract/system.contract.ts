import { z } from 'zod';
import { defineChannel } from './define';
import { emailField, nipField, plainText, wholeUnits } from './fields';
import { amountsByCurrency, noInput, role } from './common';

/** Shop-wide counts; the same object `zaplecze stats --json` prints (keys are stable). */
export const shopStats = z.object({
  products: z.number().int(),
  offers: z.number().int(),
  orders: z.number().int(),
  orderLines: z.number().int(),
  cancelledOrders: z.number().int(),
  openOrders: z.number().int(),
  /** Returns and their units, without those cancelled as entered by mistake. */
  returns: z.number().int(),
  returnedUnits: z.number().int(),
  ledgerEntries: z.number().int(),
  onHandUnits: z.number().int(),
  reservedUnits: z.number().int(),
  locations: z.number().int(),
  shipments: z.number().int(),
  /** Currency → sum of the orders' total to pay, in minor units (cancelled orders included). */
  totalToPayGrosze: amountsByCurrency,
  /** Currency → the same sum without cancelled orders (what was sold; the dashboard's "Wartość zamówień"). */
  totalToPayNotCancelledGrosze: amountsByCurrency,
});
export type ShopStats = z.infer<typeof shopStats>;

/** A numbering pattern: empty, or text with {n} where the number goes (see settingsSchema.invoiceSeries). */
const documentSeries = z
  .string()
  .max(60)
  .refine((s) => s.trim() === '' || (s.split('{n}').length === 2 && !/[\r\n]/.test(s)), 'the pattern needs {n} once, where the number goes');

export const settingsSchema = z.object({
  shopName: z.string().max(200),
  shopAddress: z.string().max(1000),
  shopNip: z.string().max(20),
  shopEmail: z.string().max(200),
  shopPhone: z.string().max(50),
  /** The shop's declared handling time: working days from purchase to dispatch when Allegro gives none. */
  handlingTimeDays: z.number().int().min(0).max(60),
  /** Printed on packing slips. */
  returnInstruction: z.string().max(2000),
  /** How many automatic backups to keep. */
  backupKeep: z.number().int().min(1).max(365),
  /**
   * Numbering of the invoices Zaplecze gives a number when it books a month for the accountant, e.g.
   * "FV {n}/{mm}/{rrrr}" ({n} the next number, {mm} month, {rrrr} year of the issue date; numbers start
   * again each month when {mm} is in it, else each year). Empty: Zaplecze numbers no invoices.
   */
  invoiceSeries: documentSeries,
  /** The same for corrections of invoices, e.g. "KOR {n}/{mm}/{rrrr}". */
  correctionSeries: documentSeries,
  /**
   * How sales without an invoice reach the accountant's register: `per_order` one receipt (PA) per order;
   * `cash_register` the cash register's monthly report (RO) entered in Raporty, invoices to consumers as
   * FP; `exempt` (no cash register: online payments) one WEW summary a month.
   */
  salesRecording: z.enum(['per_order', 'cash_register', 'exempt']),
  /**
   * NIPs (10 digits) of buyers related to the shop (art. 32 ust. 2 pkt 1 ustawy o VAT): their sales carry the
   * JPK_V7 marker TP in the accountant's files. Empty: none.
   */
  relatedPartyNips: z.array(z.string().regex(/^\d{10}$/)).max(500),
  /**
   * Shelves nearest the packing table, as shelf code prefixes ("A-01", "A-02", or "A-" for a whole row):
   * the slotting hint (planning.slotting) wants A-products there. Empty: not set. Optional: added later.
   */
  nearPackingShelves: z.array(z.string().max(40)).max(200).optional(),
});
export type Settings = z.infer<typeof settingsSchema>;

const demoInput = z.strictObject({
  orders: z.number().int().min(0).max(5_000_000).optional(),
  products: z.number().int().min(1).max(1_000_000).optional(),
  seed: z.number().int().optional(),
});

/**
 * What `settings.update` accepts: the settings' own shape (answers keep it, so a value stored by an older
 * version still reads back) with what may be stored checked and said in words: a NIP with a correct
 * checksum (stored as 10 digits), a plain e-mail address, text without control characters, and lengths.
 */
export const settingsInput = settingsSchema
  .extend({
    shopName: plainText({ max: 200, label: { pl: 'Nazwa sklepu', en: 'Shop name' } }),
    shopAddress: plainText({ max: 1000, multiline: true, label: { pl: 'Adres', en: 'Address' } }),
    shopNip: nipField(),
    shopEmail: emailField(),
    shopPhone: plainText({ max: 50, label: { pl: 'Telefon', en: 'Phone' } }),
    handlingTimeDays: wholeUnits(0, 60, { label: { pl: 'Czas wysyłki', en: 'Handling time' } }),
    returnInstruction: plainText({ max: 2000, multiline: true, label: { pl: 'Informacja o zwrotach', en: 'Return instructions' } }),
    backupKeep: wholeUnits(1, 365, { label: { pl: 'Liczba kopii', en: 'Backups kept' } }),
    relatedPartyNips: z.array(nipField().refine((nip) => nip !== '', 'an empty NIP')).max(500),
    nearPackingShelves: z.array(plainText({ min: 1, max: 40, label: { pl: 'Półka', en: 'Shelf' } })).max(200),
  })
  .partial()
  .strict();

export const systemContract = {
  'app.info': defineChannel({
    summary: 'Version of the app and where its database lives.',
    access: 'public',
    input: noInput,
    output: z.object({ version: z.string(), databaseFile: z.string(), schemaVersion: z.string(), isEmpty: z.boolean() }),
  }),
  'session.get': defineChannel({
    summary: 'Which profile is active and whether choosing one needs a PIN.',
    access: 'public',
    input: noInput,
    output: z.object({ role: role.nullable(), pinRequired: z.object({ owner: z.boolean(), helper: z.boolean() }) }),
  }),
  'session.choose': defineChannel({
    summary: 'Switch profile (owner / helper), with the PIN when one is set.',
    access: 'public',
    input: z.strictObject({ role, pin: z.string().max(32).optional() }),
    output: z.object({ role }),
  }),
  'session.setPin': defineChannel({
    summary: 'Set (4–8 digits) or remove (null) the PIN of a profile.',
    access: 'owner',
    input: z.strictObject({
      role,
      pin: z
        .string()
        .refine((pin) => /^\d{4,8}$/.test(pin), { message: 'PIN: 4 to 8 digits', params: { text: { pl: 'PIN to od 4 do 8 cyfr.', en: 'A PIN is 4 to 8 digits.' } } })
        .nullable(),
    }),
    output: z.object({ owner: z.boolean(), helper: z.boolean() }),
  }),
  'shop.stats': defineChannel({
    summary: 'Live counts of the shop (products, orders, stock, returns…).',
    access: 'staff',
    input: noInput,
    output: shopStats,
  }),
  'shop.loadDemo': defineChannel({
    summary: 'Fill an empty shop with the demo shop; refuses a shop that already has data.',
    access: 'owner',
    input: demoInput,
    output: shopStats,
  }),
  'settings.get': defineChannel({
    summary: "The shop's settings.",
    access: 'staff',
    input: noInput,
    output: settingsSchema,
  }),
  'settings.update': defineChannel({
    summary: "Change some of the shop's settings.",
    access: 'owner',
    input: settingsInput,
    output: settingsSchema,
  }),
};
