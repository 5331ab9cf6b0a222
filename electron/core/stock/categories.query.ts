import type { SqliteDatabase } from '../db/connection';
import { prepared } from './product.repository';

export interface CategoryCount {
  category: string;
  /** Products of the category not archived: the ones a campaign for it checks. */
  products: number;
}

const polish = new Intl.Collator('pl');

/**
 * The shop's categories as its products carry them (issue 17 point 4): what the campaign form offers
 * for "a whole category". Sorted the Polish way (Ł after L), which SQLite's collation cannot do.
 */
export function listCategories(sqlite: SqliteDatabase): CategoryCount[] {
  const rows = prepared(sqlite, 'SELECT category, SUM(archived = 0) AS products FROM products WHERE category IS NOT NULL GROUP BY category').all() as CategoryCount[];
  return rows.sort((a, b) => polish.compare(a.category, b.category));
}
