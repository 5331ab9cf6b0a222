import { code128Svg, code128Width } from './code128';
import { esc, escLines } from './html-text';
import { internalNumber } from './order-number';
import type { SlipLine, SlipOrder } from './packing-slip.data';
import { contentHeightMm, PAGE_BOX, type PaperFormat, printDocument } from './print-document';
import { plDate, plDateTime } from './print-format';

export interface SlipShop {
  shopName: string;
  shopAddress: string;
  shopPhone: string;
  shopEmail: string;
  returnInstruction: string;
}

/**
 * Narrowest bar the printer should get (mm). On the label, 0.5 mm is exactly 4 dots of a 203 dpi
 * thermal printer (8 dots a mm): whole dots keep every bar its true width, and cheap scanners cope.
 */
const MODULE_MM = { a4: 0.33, label: 0.5 } as const;

/**
 * What the label's barcode carries: our short `ZAP-<id>` (the scan lookups of packing, returns and
 * orders accept it), not a 36-character Allegro id, which at 92 mm leaves ~1.6 dots a bar at 203 dpi
 * and does not scan once printed. On A4 (laser, 600 dpi) the Allegro id stays.
 */
export function barcodeText(order: { id: number; number: string }, format: PaperFormat): string {
  return format === 'label' ? internalNumber(order.id) : order.number;
}

function barcode(number: string, format: PaperFormat): string {
  const box = PAGE_BOX[format];
  const available = box.widthMm - 2 * box.marginMm;
  const modules = code128Width(number);
  // Whole modules of MODULE_MM when they fit; otherwise as wide as the page allows.
  const width = Math.min(available, Math.max(format === 'label' ? 0 : 35, modules * MODULE_MM[format]));
  const height = format === 'a4' ? 15 : 11;
  return `<div class="code">${code128Svg(number, { widthMm: Math.round(width * 10) / 10, heightMm: height })}<div class="code-text">${esc(number)}</div></div>`;
}

function addressBlock(order: SlipOrder): string {
  const parts: string[] = [];
  if (order.pickupPoint) {
    const p = order.pickupPoint;
    parts.push(
      `<div class="block"><div class="label">Punkt odbioru</div>` +
        `<div class="strong">${esc(p.name ?? p.id)}</div>` +
        (p.id && p.name && !p.name.includes(p.id) ? `<div>Kod punktu: <b>${esc(p.id)}</b></div>` : '') +
        (p.address ? `<div>${escLines(p.address)}</div>` : '') +
        `</div>`,
    );
  }
  const r = order.recipient;
  if (r) {
    parts.push(
      `<div class="block"><div class="label">${order.pickupPoint ? 'Odbiorca' : 'Adres dostawy'}</div>` +
        `<div class="strong">${esc(r.name || order.buyerName)}</div>` +
        (r.company ? `<div>${esc(r.company)}</div>` : '') +
        (order.pickupPoint ? '' : `<div>${esc(r.street)}</div><div>${esc([r.zip, r.city].filter(Boolean).join(' '))}${r.country && r.country !== 'PL' ? `, ${esc(r.country)}` : ''}</div>`) +
        (r.phone ? `<div>tel. ${esc(r.phone)}</div>` : '') +
        `</div>`,
    );
  } else if (!order.pickupPoint) {
    parts.push(`<div class="block"><div class="label">Adres dostawy</div><div>${esc(order.buyerName ?? '—')}</div><div class="muted">brak adresu w zamówieniu</div></div>`);
  }
  return parts.join('');
}

function lineRows(lines: SlipLine[]): string {
  return lines
    .map(
      (l) =>
        `<tr><td class="loc">${esc(l.location ?? '—')}</td>` +
        `<td class="sku">${esc(l.sku ?? '—')}</td>` +
        `<td class="name">${esc(l.name)}${l.ean ? ` <span class="ean">EAN&nbsp;${esc(l.ean)}</span>` : ''}</td>` +
        `<td class="qty${l.quantity > 1 ? ' many' : ''}">${l.quantity}</td></tr>`,
    )
    .join('');
}

/** The lines; the heading (with the order number) repeats on every further sheet of a long order. */
function linesTable(order: SlipOrder): string {
  return (
    // Widths come from <colgroup>: with table-layout fixed the first row decides them, and that row is the
    // order-number caption spanning all columns.
    `<table class="lines"><colgroup><col class="loc"><col class="sku"><col class="name"><col class="qty"></colgroup><thead><tr class="cap"><th colspan="4">Zamówienie ${esc(order.number)}</th></tr>` +
    `<tr><th class="loc">Półka</th><th class="sku">SKU</th><th class="name">Produkt / EAN</th><th class="qty">Szt.</th></tr></thead>` +
    `<tbody>${lineRows(order.lines)}</tbody></table>`
  );
}

function slipSection(order: SlipOrder, shop: SlipShop, format: PaperFormat, printedAt: Date): string {
  const units = order.lines.reduce((sum, l) => sum + l.quantity, 0);
  const contact = [shop.shopPhone && `tel. ${shop.shopPhone}`, shop.shopEmail].filter(Boolean).join(', ');
  // On the small label the shop's address takes one line; on A4 it keeps its line breaks.
  const shopAddress = format === 'label'
    ? [...shop.shopAddress.split(/\r?\n/), contact].map((p) => p.trim()).filter(Boolean).join(', ')
    : [shop.shopAddress, contact].filter(Boolean).join('\n');
  const coded = barcodeText(order, format);
  // The number not in the barcode is printed under it: our number on A4, Allegro's on the label.
  const internal =
    coded !== order.number
      ? `<div class="muted">Nr zamówienia Allegro: ${esc(order.number)}</div>`
      : order.allegroOrderId
        ? `<div class="muted">Nr w sklepie: ${esc(internalNumber(order.id))}</div>`
        : '';
  return (
    `<section class="sheet slip fmt-${format}">` +
    `<header class="head"><div class="shop"><div class="shop-name">${esc(shop.shopName)}</div><div class="shop-addr">${escLines(shopAddress)}</div></div>` +
    `<div class="title"><div class="doc">Zawartość przesyłki</div><div>Zamówienie z ${esc(plDate(order.boughtAt))}</div><div class="muted">Wydruk: ${esc(plDateTime(printedAt))}</div></div></header>` +
    `${barcode(coded, format)}${internal}` +
    `<div class="addresses">${addressBlock(order)}</div>` +
    `<div class="method"><span class="label">Dostawa:</span> ${esc(order.deliveryMethod ?? '—')}` +
    `${order.buyerLogin ? ` <span class="label">Kupujący:</span> ${esc(order.buyerLogin)}` : ''}</div>` +
    (order.buyerMessage ? `<div class="message"><div class="label">Wiadomość od kupującego</div><div>${escLines(order.buyerMessage)}</div></div>` : '') +
    linesTable(order) +
    `<div class="sum">Pozycji: ${order.lines.length}, sztuk razem: <b>${units}</b></div>` +
    `<footer class="returns"><div class="label">Zwroty</div><div>${escLines(shop.returnInstruction)}</div></footer>` +
    `</section>`
  );
}

const CSS = `
.head { display: flex; justify-content: space-between; gap: 4mm; border-bottom: 0.4mm solid #000; padding-bottom: 2mm; }
.shop-name { font-weight: 700; font-size: 1.35em; }
.shop-addr { font-size: 0.9em; }
.title { text-align: right; }
.doc { font-weight: 700; font-size: 1.15em; }
.code { margin: 2.5mm 0 1mm; }
.code svg { display: block; }
.code-text { font-size: 1.05em; font-weight: 700; letter-spacing: 0.02em; margin-top: 0.8mm; word-break: break-all; }
.addresses { display: flex; gap: 5mm; margin: 2mm 0; }
.block { flex: 1; border: 0.3mm solid #000; border-radius: 1.5mm; padding: 1.5mm 2mm; }
.label { font-size: 0.8em; text-transform: uppercase; letter-spacing: 0.04em; color: #333; }
.strong { font-weight: 700; font-size: 1.1em; }
.muted { color: #444; font-size: 0.85em; }
.method { margin: 1mm 0 2mm; }
table.lines { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.lines th { text-align: left; font-size: 0.8em; border-bottom: 0.3mm solid #000; padding: 0.8mm 1mm; }
table.lines td { border-bottom: 0.2mm solid #888; padding: 1mm; vertical-align: top; }
col.loc { width: 17%; }
col.sku { width: 25%; }
col.qty { width: 9%; }
td.loc { font-weight: 700; }
td.sku { word-break: break-all; }
td.qty, th.qty { text-align: right; }
td.qty { font-weight: 700; font-size: 1.15em; }
td.qty.many { text-decoration: underline; }
.ean { display: block; font-size: 0.8em; color: #333; }
.sum { margin: 1.5mm 0; }
.message { margin: 0 0 2mm; border: 0.3mm dashed #000; padding: 1.5mm 2mm; }
.returns { margin-top: auto; break-inside: avoid; border-top: 0.3mm solid #000; padding-top: 1.5mm; font-size: 0.85em; }
.slip { display: flex; flex-direction: column; }
.slip > * { flex: none; }
tr.cap th { font-weight: 400; font-size: 0.75em; color: #444; border-bottom: none; padding-bottom: 0; }
.slip.fmt-label .head { display: block; padding-bottom: 1mm; }
.slip.fmt-label .shop-name { font-size: 1.1em; }
.slip.fmt-label .shop-addr { font-size: 0.8em; }
.slip.fmt-label .title { text-align: left; display: flex; gap: 2.5mm; flex-wrap: wrap; align-items: baseline; margin-top: 0.5mm; }
.slip.fmt-label .doc { font-size: 1em; }
.slip.fmt-label .code { margin: 1.5mm 0 0.5mm; }
.slip.fmt-label .addresses { gap: 2mm; margin: 1mm 0; }
.slip.fmt-label .block { padding: 1mm 1.5mm; }
.slip.fmt-label .strong { font-size: 1.05em; }
.slip.fmt-label .method { margin: 0 0 1mm; }
.slip.fmt-label .message { margin: 0 0 1mm; padding: 1mm 1.5mm; }
.slip.fmt-label col.loc { width: 16%; }
.slip.fmt-label col.sku { width: 25%; }
.slip.fmt-label col.qty { width: 8%; }
.slip.fmt-label table.lines td { padding: 0.5mm 0.8mm; }
.slip.fmt-label .ean { display: inline; margin-left: 1mm; }
.slip.fmt-label .sum { margin: 1mm 0; }
.slip.fmt-label .returns { font-size: 0.75em; padding-top: 1mm; }
`;

/**
 * One HTML document with every order's slip, ready for the Printer port. Each slip starts on a new sheet
 * and fills it (the return note sits at the foot); an order with more lines than fit continues on the
 * next sheet with the table heading and order number repeated.
 */
export function packingSlipsHtml(orders: SlipOrder[], shop: SlipShop, format: PaperFormat, printedAt: Date): { html: string; slips: number } {
  const sections = orders.map((order) => slipSection(order, shop, format, printedAt));
  const title = orders.length === 1 ? `Zawartość przesyłki ${orders[0]?.number ?? ''}` : `Zawartość przesyłek (${orders.length})`;
  // A slip fills its sheet so the return note sits at the foot; 0.5 mm less than the sheet, so rounding
  // never pushes an empty extra sheet.
  const fill = `.slip { min-height: ${contentHeightMm(format) - 0.5}mm; }`;
  return { html: printDocument({ title, format, css: CSS + fill, sections }), slips: sections.length };
}
