import { esc } from './html-text';
import type { PickBatchOrder, PickRow } from './pick-list.data';
import { type PaperFormat, printDocument } from './print-document';
import { chunk, plDateTime } from './print-format';

const ROWS_PER_PAGE = { a4: { first: 26, rest: 32 }, label: { first: 7, rest: 9 } } as const;
/** Key lines (order number → Allegro id, buyer) on a page of their own. */
const KEY_ROWS_PER_PAGE = 70;

function rowHtml(row: PickRow): string {
  const perOrder = row.perOrder.map((p) => `<span class="po">${esc(p.number)}${p.quantity > 1 ? `&nbsp;×${p.quantity}` : ''}</span>`).join(' ');
  return (
    `<tr><td class="box">☐</td><td class="loc">${esc(row.location ?? '—')}</td>` +
    `<td class="sku">${esc(row.sku ?? '—')}${row.ean ? `<div class="ean">${esc(row.ean)}</div>` : ''}</td>` +
    `<td class="name"><div class="clamp">${esc(row.name)}</div><div class="orders">${perOrder}</div></td>` +
    `<td class="qty">${row.quantity}</td></tr>`
  );
}

function table(rows: PickRow[]): string {
  return (
    `<table class="pick"><thead><tr><th class="box"></th><th class="loc">Półka</th><th class="sku">SKU / EAN</th><th class="name">Produkt i zamówienia</th><th class="qty">Razem</th></tr></thead>` +
    `<tbody>${rows.map(rowHtml).join('')}</tbody></table>`
  );
}

function orderKey(orders: PickBatchOrder[]): string {
  return (
    `<table class="key"><tbody>` +
    orders
      .map((o) => `<tr><td class="k-num">${esc(o.number)}</td><td>${esc(o.allegroOrderId ?? '')}</td><td>${esc(o.buyerLogin ?? o.buyerName ?? '')}</td></tr>`)
      .join('') +
    `</tbody></table>`
  );
}

const CSS = `
.head { display: flex; justify-content: space-between; align-items: baseline; border-bottom: 0.4mm solid #000; padding-bottom: 1.5mm; margin-bottom: 2mm; flex: none; }
.doc { font-weight: 700; font-size: 1.4em; }
.muted { color: #444; font-size: 0.85em; }
.body { flex: 1 1 auto; min-height: 0; overflow: hidden; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.pick th { text-align: left; font-size: 0.8em; border-bottom: 0.3mm solid #000; padding: 0.8mm 1mm; }
table.pick td { border-bottom: 0.2mm solid #888; padding: 1mm; vertical-align: top; }
.box { width: 6%; font-size: 1.3em; }
.loc { width: 14%; font-weight: 700; }
.sku { width: 20%; word-break: break-all; }
.qty { width: 9%; text-align: right; }
td.qty { font-weight: 700; font-size: 1.25em; }
.ean { font-size: 0.8em; color: #333; }
.clamp { display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
.orders { font-size: 0.8em; color: #222; margin-top: 0.5mm; }
.po { white-space: nowrap; margin-right: 1.5mm; }
.key-title { font-weight: 700; margin-top: 3mm; }
table.key { font-size: 0.8em; margin-top: 1mm; }
table.key td { padding: 0.3mm 1mm; border-bottom: 0.1mm solid #bbb; word-break: break-all; }
td.k-num { width: 18%; font-weight: 700; }
`;

/**
 * The pick list of a batch as one HTML document (A4 by default). After the rows comes the key from our
 * short order numbers to Allegro's ids and the buyers: on the last page of rows when it fits there (a key
 * line is about a third of a row's height), otherwise on pages of its own. Label paper gets no key.
 */
export function pickListHtml(data: { orders: PickBatchOrder[]; rows: PickRow[] }, format: PaperFormat, printedAt: Date): { html: string; pages: number } {
  const limits = ROWS_PER_PAGE[format];
  const units = data.rows.reduce((sum, r) => sum + r.quantity, 0);
  const rowPages = chunk(data.rows, limits.first, limits.rest);
  const lastCapacity = (rowPages.length === 1 ? limits.first : limits.rest) - (rowPages.at(-1)?.length ?? 0);
  const keyInline = format === 'a4' && Math.ceil(data.orders.length / 3) + 2 <= lastCapacity;
  const keyPages = format === 'a4' && !keyInline ? chunk(data.orders, KEY_ROWS_PER_PAGE, KEY_ROWS_PER_PAGE) : [];
  const total = rowPages.length + keyPages.length;
  const head = (n: number) =>
    `<header class="head"><div><div class="doc">Lista kompletacji</div><div class="muted">Wydruk: ${esc(plDateTime(printedAt))}</div></div>` +
    `<div>Zamówień: <b>${data.orders.length}</b>, produktów: <b>${data.rows.length}</b>, sztuk: <b>${units}</b><div class="muted">Strona ${n} z ${total}</div></div></header>`;
  const pages = rowPages.map(
    (rows, i) =>
      `<section class="page pick fmt-${format}">${head(i + 1)}<div class="body">${table(rows)}` +
      (i === rowPages.length - 1 && keyInline ? `<div class="key-title">Zamówienia w tej liście</div>${orderKey(data.orders)}` : '') +
      `</div></section>`,
  );
  keyPages.forEach((orders, i) => {
    pages.push(`<section class="page pick fmt-${format}">${head(rowPages.length + i + 1)}<div class="body"><div class="key-title">Zamówienia w tej liście</div>${orderKey(orders)}</div></section>`);
  });
  return { html: printDocument({ title: 'Lista kompletacji', format, css: CSS, pages }), pages: pages.length };
}
