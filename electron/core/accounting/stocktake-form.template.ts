import type { Settings } from '../../../shared/contract/system.contract';
import { esc, escLines } from '../print/html-text';
import { printDocument } from '../print/print-document';
import { plDateTime } from '../print/print-format';
import type { CostLayer } from './fifo-layers';

/** One line of the form: a product at one purchase price. */
export interface StocktakeLine {
  sku: string;
  ean: string | null;
  name: string;
  unit: string;
  quantity: number;
  unitCost: number | null;
  fromCard: boolean;
}

export interface StocktakeFormData {
  /** The day the stock is counted at, YYYY-MM-DD. */
  date: string;
  /** The shop's own goods, one line per product and price. */
  lines: StocktakeLine[];
  /** Sold (paid) but not yet shipped at the end of the day: listed apart, not in the total. */
  soldNotShipped: StocktakeLine[];
  /** Products whose ledger stock is below zero: they need a count before the form is signed. */
  negative: Array<{ sku: string; name: string; quantity: number }>;
}

/** "1 234,56" — grosze as Polish złote (non-breaking thin grouping so a number never wraps). */
export function plMoney(grosze: number): string {
  const sign = grosze < 0 ? '-' : '';
  const abs = Math.abs(grosze);
  const zl = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${sign}${zl},${String(abs % 100).padStart(2, '0')}`;
}

export function plDay(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}.${m}.${y}`;
}

export function linesOf(row: { sku: string; ean: string | null; name: string; unit: string; quantity: number; layers: CostLayer[] }, layers: CostLayer[] = row.layers): StocktakeLine[] {
  if (layers.length === 0) return [{ sku: row.sku, ean: row.ean, name: row.name, unit: row.unit, quantity: row.quantity, unitCost: null, fromCard: false }];
  // Layers of the same price are one line.
  const byPrice = new Map<string, StocktakeLine>();
  for (const l of layers) {
    const key = `${l.unitCost}|${l.fromCard}`;
    const line = byPrice.get(key);
    if (line) line.quantity += l.quantity;
    else byPrice.set(key, { sku: row.sku, ean: row.ean, name: row.name, unit: row.unit, quantity: l.quantity, unitCost: l.unitCost, fromCard: l.fromCard });
  }
  return [...byPrice.values()];
}

export function lineValue(l: StocktakeLine): number | null {
  return l.unitCost === null ? null : l.quantity * l.unitCost;
}

function table(lines: StocktakeLine[]): { html: string; total: number; unpriced: number } {
  let total = 0;
  let unpriced = 0;
  const body = lines
    .map((l, i) => {
      const value = lineValue(l);
      if (value === null) unpriced++;
      else total += value;
      const note = [l.unitCost === null ? 'brak ceny zakupu' : null, l.fromCard ? 'cena z karty produktu' : null].filter(Boolean).join(', ');
      return (
        `<tr><td class="lp">${i + 1}</td><td class="name">${esc(l.name)}<div class="sku">${esc(l.sku)}${l.ean ? ` · ${esc(l.ean)}` : ''}</div></td>` +
        `<td class="unit">${esc(l.unit)}</td><td class="num">${l.quantity}</td><td class="count"></td>` +
        `<td class="num">${l.unitCost === null ? '—' : plMoney(l.unitCost)}</td><td class="num">${value === null ? '—' : plMoney(value)}</td><td class="note">${esc(note)}</td></tr>`
      );
    })
    .join('');
  const head =
    '<thead><tr><th class="lp">Lp.</th><th class="name">Nazwa towaru (SKU, EAN)</th><th class="unit">J.m.</th><th class="num">Ilość wg ewidencji</th>' +
    '<th class="count">Ilość stwierdzona</th><th class="num">Cena zakupu netto (zł)</th><th class="num">Wartość (zł)</th><th class="note">Uwagi</th></tr></thead>';
  return { html: `<table class="spis">${head}<tbody>${body}</tbody></table>`, total, unpriced };
}

const CSS = `
h1 { font-size: 16pt; margin: 0 0 1mm; text-align: center; letter-spacing: 0.05em; }
.sub { text-align: center; margin-bottom: 4mm; font-size: 11pt; }
.who { display: grid; grid-template-columns: 1fr 1fr; gap: 1mm 8mm; margin-bottom: 3mm; }
.who div { border-bottom: 0.2mm dotted #555; padding-bottom: 0.5mm; min-height: 5mm; }
.label { color: #333; font-size: 0.85em; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.spis th { white-space: normal; font-size: 0.75em; border: 0.3mm solid #000; padding: 0.8mm; background: #eee; text-align: center; }
table.spis td { border: 0.2mm solid #555; padding: 0.8mm 1mm; vertical-align: top; }
.lp { width: 7%; text-align: right; }
.name { width: 33%; }
.unit { width: 6%; text-align: center; }
.num { width: 11%; text-align: right; white-space: nowrap; }
.count { width: 11%; }
.note { width: 10%; font-size: 0.75em; }
.sku { font-size: 0.8em; color: #333; }
.total { margin-top: 2mm; text-align: right; font-size: 11pt; }
.end { margin-top: 3mm; font-weight: 700; }
h2 { font-size: 11pt; margin: 6mm 0 1mm; break-after: avoid; }
.hint { font-size: 0.85em; color: #333; margin-bottom: 1.5mm; }
.signs { display: grid; grid-template-columns: 1fr 1fr 1fr; gap: 8mm; margin-top: 14mm; break-inside: avoid; }
.signs div { border-top: 0.3mm solid #000; padding-top: 1mm; font-size: 0.85em; text-align: center; }
.warn { border: 0.3mm solid #000; padding: 1.5mm; margin: 2mm 0; }
`;

/**
 * "Spis z natury" — the stocktake form the owner prints, counts against and signs (rozporządzenie
 * o PKPiR § 27: owner, date, item, unit, quantity, unit price, value, the position the list ends at,
 * signatures of the people who counted and of the owner). Quantities and prices come from the ledger and
 * its FIFO layers at the end of the day; the "Ilość stwierdzona" column stays empty for the count.
 * Goods sold but not yet shipped are listed apart and are not in the total (they are the buyers').
 */
export function stocktakeFormHtml(data: StocktakeFormData, settings: Pick<Settings, 'shopName' | 'shopAddress' | 'shopNip'>, printedAt: Date): { html: string; total: number; positions: number } {
  const own = table(data.lines);
  const sold = table(data.soldNotShipped);
  const negative = data.negative.length
    ? `<div class="warn">Przed podpisaniem policz te towary — w ewidencji mają stan poniżej zera, więc nie ma ich w spisie: ${data.negative
        .map((n) => `${esc(n.name)} (${esc(n.sku)}): ${n.quantity}`)
        .join('; ')}.</div>`
    : '';
  const section =
    `<section class="sheet">` +
    `<h1>SPIS Z NATURY</h1><div class="sub">towarów handlowych na dzień <b>${plDay(data.date)}</b></div>` +
    `<div class="who">` +
    `<div><span class="label">Właściciel (firma):</span> ${esc(settings.shopName)}</div>` +
    `<div><span class="label">NIP:</span> ${esc(settings.shopNip)}</div>` +
    `<div><span class="label">Adres:</span> ${escLines(settings.shopAddress)}</div>` +
    `<div><span class="label">Sposób wyceny:</span> ceny zakupu netto (FIFO)</div>` +
    `<div><span class="label">Spis rozpoczęto:</span> </div><div><span class="label">Spis zakończono:</span> </div>` +
    `<div><span class="label">Osoby spisujące:</span> </div><div><span class="label">Osoba wyceniająca:</span> </div>` +
    `</div>` +
    negative +
    own.html +
    `<div class="total">Wartość spisu ogółem: <b>${plMoney(own.total)} zł</b>${own.unpriced ? ` (bez ${own.unpriced} poz. bez ceny zakupu)` : ''}</div>` +
    `<div class="end">Spis zakończono na pozycji nr ${data.lines.length}.</div>` +
    `<div class="signs"><div>Podpisy osób spisujących</div><div>Podpis osoby wyceniającej</div><div>Podpis właściciela</div></div>` +
    (data.soldNotShipped.length
      ? `<h2>Towary sprzedane, a niewydane (opłacone, niewysłane na koniec dnia ${plDay(data.date)})</h2>` +
        `<div class="hint">Należą już do kupujących: nie wchodzą do wartości spisu. Wykaz osobny, w cenach zakupu.</div>` +
        sold.html +
        `<div class="total">Wartość towarów sprzedanych, a niewydanych: <b>${plMoney(sold.total)} zł</b></div>` +
        `<div class="end">Wykaz zakończono na pozycji nr ${data.soldNotShipped.length}.</div>`
      : '') +
    `<div class="hint" style="margin-top:6mm">Wydruk z programu Zaplecze: ${esc(plDateTime(printedAt))}. Ilości wg ewidencji magazynowej na koniec dnia ${plDay(data.date)}.</div>` +
    `</section>`;
  return {
    html: printDocument({ title: `Spis z natury ${plDay(data.date)}`, format: 'a4', css: CSS, sections: [section], pageNumbers: true }),
    total: own.total,
    positions: data.lines.length,
  };
}
