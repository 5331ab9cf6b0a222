import { esc } from './html-text';
import type { PickBatchOrder, PickRow } from './pick-list.data';
import { type PaperFormat, printDocument } from './print-document';
import { plDateTime } from './print-format';

function rowHtml(row: PickRow): string {
  const perOrder = row.perOrder.map((p) => `<span class="po">${esc(p.number)}${p.quantity > 1 ? `&nbsp;×${p.quantity}` : ''}</span>`).join(' ');
  const short = row.onHand !== null && row.onHand < row.quantity ? `<div class="short">na stanie: ${row.onHand}</div>` : '';
  return (
    `<tr><td class="box">☐</td><td class="loc">${esc(row.location ?? '—')}</td>` +
    `<td class="sku">${esc(row.sku ?? '—')}${row.ean ? `<div class="ean">${esc(row.ean)}</div>` : ''}</td>` +
    `<td class="name"><div>${esc(row.name)}</div><div class="orders">${perOrder}</div></td>` +
    `<td class="qty">${row.quantity}${short}</td></tr>`
  );
}

const CSS = `
.head { display: flex; justify-content: space-between; align-items: baseline; border-bottom: 0.4mm solid #000; padding-bottom: 1.5mm; margin-bottom: 2mm; }
.doc { font-weight: 700; font-size: 1.4em; }
.muted { color: #444; font-size: 0.85em; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.pick th { text-align: left; font-size: 0.8em; border-bottom: 0.3mm solid #000; padding: 0.8mm 1mm; }
table.pick td { border-bottom: 0.2mm solid #888; padding: 1mm; vertical-align: top; }
.box { width: 6%; font-size: 1.3em; }
.loc { width: 14%; font-weight: 700; }
.sku { width: 20%; word-break: break-all; }
.qty { width: 10%; text-align: right; }
td.qty { font-weight: 700; font-size: 1.25em; }
.ean { font-size: 0.8em; color: #333; }
.orders { font-size: 0.8em; color: #222; margin-top: 0.5mm; }
.po { white-space: nowrap; margin-right: 1.5mm; }
.short { font-size: 0.6em; font-weight: 400; border: 0.2mm solid #000; padding: 0 0.5mm; white-space: nowrap; }
.key-title { font-weight: 700; margin-top: 4mm; break-after: avoid; }
table.key { font-size: 0.8em; margin-top: 1mm; }
table.key td { padding: 0.3mm 1mm; border-bottom: 0.1mm solid #bbb; word-break: break-all; }
td.k-num { width: 12%; font-weight: 700; }
td.k-slip { width: 38%; }
`;

/**
 * The pick list of a batch as one HTML document (A4 by default): a table that flows over as many sheets
 * as it needs (heading repeated, "Strona X z Y" at the foot), then the key from our short order numbers
 * to the numbers on the packing slips and the buyers.
 */
export function pickListHtml(data: { orders: PickBatchOrder[]; rows: PickRow[] }, format: PaperFormat, printedAt: Date): { html: string } {
  const units = data.rows.reduce((sum, r) => sum + r.quantity, 0);
  const section =
    `<section class="sheet pick fmt-${format}">` +
    `<header class="head"><div><div class="doc">Lista kompletacji</div><div class="muted">Wydruk: ${esc(plDateTime(printedAt))}</div></div>` +
    `<div>Zamówień: <b>${data.orders.length}</b>, produktów: <b>${data.rows.length}</b>, sztuk: <b>${units}</b></div></header>` +
    `<table class="pick"><thead><tr><th class="box"></th><th class="loc">Półka</th><th class="sku">SKU / EAN</th><th class="name">Produkt i zamówienia</th><th class="qty">Razem</th></tr></thead>` +
    `<tbody>${data.rows.map(rowHtml).join('')}</tbody></table>` +
    `<div class="key-title">Zamówienia w tej liście</div><table class="key"><tbody>` +
    data.orders
      .map((o) => `<tr><td class="k-num">${esc(o.number)}</td><td class="k-slip">${o.slipNumber !== o.number ? esc(o.slipNumber) : ''}</td><td>${esc(o.buyerName ?? '')}</td><td>${esc(o.deliveryMethod ?? '')}</td></tr>`)
      .join('') +
    `</tbody></table></section>`;
  return { html: printDocument({ title: 'Lista kompletacji', format, css: CSS, sections: [section], pageNumbers: true }) };
}
