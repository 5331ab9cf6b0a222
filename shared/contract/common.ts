import { z } from 'zod';
import { ROLES } from '../domain/roles';
import { VAT_RATES } from '../domain/vat';

/** No arguments. Strict, so a stray field is a validation error rather than silently ignored. */
export const noInput = z.strictObject({});

/** Money in minor units (grosze): an integer, never a float. */
export const minor = z.number().int().refine(Number.isSafeInteger, 'amount out of range');
export const quantity = z.number().int().min(-1_000_000_000).max(1_000_000_000);
export const id = z.number().int().positive();
export const isoDateTime = z.string().datetime({ offset: true });
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
export const role = z.enum(ROLES);
export const vatRate = z.enum(VAT_RATES);
/** Currency code → sum in minor units, e.g. `{ "PLN": 1234500, "CZK": 99900 }`. */
export const amountsByCurrency = z.record(z.string().regex(/^[A-Z]{3}$/), minor);
/** Page request for long lists. */
export const page = z.strictObject({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
});
