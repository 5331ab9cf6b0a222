import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURE = join(__dirname, '../../../fixtures/allegro/orders-export.csv');

/**
 * A seller-panel orders CSV of about `orders` orders: the real fixture's 19 orders (with their lines and
 * services) repeated, each copy's ids made unique by rewriting the first group of every UUID. Written to
 * `file`; returns the number of orders in it.
 */
export function writeBigOrdersCsv(file: string, orders: number): number {
  const text = readFileSync(FIXTURE, 'utf8');
  const sections: Array<{ header: string; rows: string[] }> = [];
  // Records, not lines: a quoted note may hold line breaks (an odd count of quotes means "continues").
  let record: string | null = null;
  for (const line of text.split(/\r?\n/)) {
    record = record === null ? line : `${record}\n${line}`;
    if ((record.match(/"/g)?.length ?? 0) % 2 === 1) continue;
    const done = record;
    record = null;
    if (done.startsWith('Type,')) sections.push({ header: done, rows: [] });
    else if (done.trim() !== '' && sections.length > 0) sections.at(-1)!.rows.push(done);
  }
  const perCopy = sections.find((s) => s.header.startsWith('Type,OrderId,SellerId'))!.rows.filter((r) => r.startsWith('order,')).length;
  const copies = Math.max(1, Math.ceil(orders / perCopy));
  const out: string[] = [];
  for (const section of sections) {
    out.push(section.header);
    if (section.header.startsWith('Type,NumberOfOrders')) {
      out.push(`summary,${copies * perCopy},0`);
    } else {
      for (let k = 0; k < copies; k++) {
        const prefix = (0x10000000 + k).toString(16);
        for (const row of section.rows) out.push(row.replace(/\b[0-9a-f]{8}(?=-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b)/g, prefix));
      }
    }
    out.push('');
  }
  writeFileSync(file, out.join('\n'));
  return copies * perCopy;
}
