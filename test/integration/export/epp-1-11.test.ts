import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { salesRegisterFile } from '../../../electron/core/export/export.service';
import { tempCore, type TempCore } from '../../support/temp-core';
import { loadSampleOrders, loadSampleReturns, writeShopSettings } from './support/sample-shop';

/**
 * The .epp read back field by field against InsERT's "Komunikacja – Struktura danych EDI++" 1.11
 * (Tabela 2 [INFO], Tabela 3 document header, Tabela 4 VAT table for the accounting office, Tabela 14
 * KONTRAHENCI, Tabela 35 DOKUMENTYZNACZNIKIJPKVAT): field counts per section, each field's type and
 * length, Windows-1250, CRLF, the final empty line. The shop is the Allegro sample month (June 2026)
 * with a receipt's refund, a company with a Cyrillic name and emoji, a control character and a 41-letter
 * city.
 */

/** T<n> text of at most n characters (quoted), B byte, L long, K amount, D date, G logical. */
type FieldType = `T${number}` | 'B' | 'L' | 'K' | 'D' | 'G';
const t = (n: number): FieldType => `T${n}`;

const INFO: FieldType[] = [t(50), 'B', 'L', t(255), t(20), t(40), t(80), t(30), t(6), t(50), t(13), t(20), t(40), t(255), t(5), 'G', 'D', 'D', t(35), 'D', t(50), t(2), t(20), 'G'];
const HEADER: FieldType[] = [
  t(3), 'B', 'B', 'L', t(20), t(10), t(30), t(30), 'D', t(30), t(3), // 1–11
  t(20), t(40), t(255), t(30), t(6), t(50), t(20), // 12–18 contractor
  t(30), t(50), t(30), 'D', 'D', 'D', 'L', 'G', t(20), // 19–27
  'K', 'K', 'K', 'K', t(30), 'K', t(30), 'D', 'K', 'K', // 28–37
  'B', 'B', 'G', 'B', t(35), t(35), t(35), 'K', 'K', t(3), 'K', // 38–48
  t(255), t(50), t(50), t(50), 'B', 'G', 'B', t(50), 'K', t(50), 'K', t(50), t(2), 'G', // 49–62
];
const VAT_ROW: FieldType[] = [t(6), 'K', 'K', 'K', 'K'];
const CONTRACTOR: FieldType[] = [
  'B', t(20), t(40), t(80), t(30), t(6), t(50), t(20), t(20), t(50), t(50), t(50), t(50), t(50), t(50), t(5), t(5),
  t(50), t(50), t(50), t(50), t(50), t(50), t(50), t(50), t(50), t(50), t(50), t(2), 'G', t(2),
];
const JPK_MARKERS: FieldType[] = [t(30), ...new Array<FieldType>(27).fill('G'), 'B', 'G', 'G'];

interface Field {
  quoted: boolean;
  value: string;
}

/** One record: quoted text ("" doubles a quote) or bare values, separated by commas. */
function fields(line: string): Field[] {
  const out: Field[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= line.length) throw new Error(`unterminated text in ${line}`);
        if (line[i] === '"' && line[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else value += line[i++];
      }
      out.push({ quoted: true, value });
    } else {
      const end = line.indexOf(',', i);
      out.push({ quoted: false, value: end === -1 ? line.slice(i) : line.slice(i, end) });
      i = end === -1 ? line.length : end;
    }
    if (i >= line.length) return out;
    if (line[i] !== ',') throw new Error(`expected a comma at ${i} in ${line}`);
    i++;
  }
}

function checkRecord(where: string, record: Field[], spec: FieldType[]) {
  expect(record, `${where}: number of fields`).toHaveLength(spec.length);
  spec.forEach((type, i) => {
    const f = record[i]!;
    const at = `${where} field ${i + 1} (${type}) = ${JSON.stringify(f.value)}`;
    if (type.startsWith('T')) {
      if (!f.quoted) expect(f.value, at).toBe('');
      expect(f.value.length, at).toBeLessThanOrEqual(Number(type.slice(1)));
      // eslint-disable-next-line no-control-regex -- no control character may reach a field
      expect(f.value, at).not.toMatch(/[\u0000-\u001f\u007f]/);
      return;
    }
    expect(f.quoted, at).toBe(false);
    if (f.value === '') return;
    const pattern = { B: /^\d{1,3}$/, L: /^-?\d{1,10}$/, K: /^-?\d+\.\d{4}$/, D: /^\d{8}000000$/, G: /^[01]$/ }[type as 'B'];
    expect(f.value, at).toMatch(pattern);
    if (type === 'B') expect(Number(f.value), at).toBeLessThanOrEqual(255);
  });
}

let tc: TempCore;
let ids: Map<string, number>;
const CYRILLIC_ORDER = '2dc5e42a';

beforeAll(async () => {
  tc = await tempCore({ now: () => new Date('2026-07-20T08:00:00Z') });
  writeShopSettings(tc.core);
  ids = loadSampleOrders(tc.core);
  loadSampleReturns(tc.core, ids);
  const idOf = (prefix: string) => [...ids].find(([k]) => k.startsWith(prefix))![1];
  // b4fc3f98 (a receipt): the returned jar refunded on 20 June → a ZW of June.
  tc.core.sqlite.prepare(`UPDATE returns SET refunded_at = '2026-06-20T10:00:00.000Z', refund_grosze = 7490, status = 'closed' WHERE order_id = ?`).run(idOf('b4fc3f98'));
  tc.core.sqlite
    .prepare('UPDATE orders SET invoice_company_name = ?, invoice_city = ? WHERE id = ?')
    .run('Иван Петров 🙂\u0007 sp. z o.o.', 'Szczebrzeszyn Wielki nad Wieprzem Górnym', idOf(CYRILLIC_ORDER));
});
afterAll(() => tc.dispose());

describe('the EDI++ 1.11 file, field by field', () => {
  it('is refused, in plain words, while the shop has no NIP — and the month stays open', async () => {
    tc.core.sqlite.prepare(`UPDATE settings SET value = '""' WHERE key = 'shopNip'`).run();
    await expect(salesRegisterFile(tc.core, '2026-06', 'epp')).rejects.toMatchObject({ code: 'seller_nip_missing' });
    expect(tc.core.sqlite.prepare('SELECT COUNT(*) FROM register_months').pluck().get()).toBe(0);
    writeShopSettings(tc.core);
  });

  it('has the 1.11 sections, counts, types and lengths, in Windows-1250 with CRLF', async () => {
    const { bytes, register } = await salesRegisterFile(tc.core, '2026-06', 'epp');
    const text = iconv.decode(Buffer.from(bytes), 'win1250');
    expect(Buffer.from(iconv.encode(text, 'win1250')).equals(Buffer.from(bytes))).toBe(true); // every byte is Windows-1250
    expect(text).not.toMatch(/[^\r]\n|\r[^\n]/); // CRLF only
    expect(text.endsWith('\r\n\r\n')).toBe(true); // a blank line after the last section
    const lines = text.split('\r\n').slice(0, -1);

    // Sections: [INFO], then [NAGLOWEK]+[ZAWARTOSC] pairs, each followed by an empty line.
    const sections: Array<{ label: string; records: Field[][] }> = [];
    for (let i = 0; i < lines.length; i++) {
      const label = /^\[(INFO|NAGLOWEK|ZAWARTOSC)\]$/.exec(lines[i]!);
      if (label) sections.push({ label: label[1]!, records: [] });
      else if (lines[i] === '') expect(lines[i + 1] === undefined || lines[i + 1]!.startsWith('['), `line ${i + 2} after a blank`).toBe(true);
      else sections.at(-1)!.records.push(fields(lines[i]!));
    }
    const [info, ...rest] = sections;
    expect(info!.label).toBe('INFO');
    expect(info!.records).toHaveLength(1);
    checkRecord('INFO', info!.records[0]!, INFO);
    expect(info!.records[0]!.slice(0, 3).map((f) => f.value)).toEqual(['1.11', '0', '1250']);
    expect(info!.records[0]![10]!.value).toBe('7390001234');

    const docs: Array<{ h: Field[]; vat: Field[][] }> = [];
    const cards: Record<string, Field[][]> = {};
    for (let i = 0; i < rest.length; i += 2) {
      const [h, z] = [rest[i]!, rest[i + 1]!];
      expect([h.label, z.label]).toEqual(['NAGLOWEK', 'ZAWARTOSC']);
      expect(h.records).toHaveLength(1);
      if (h.records[0]!.length === 1) {
        cards[h.records[0]![0]!.value] = z.records;
        continue;
      }
      checkRecord(`header ${i}`, h.records[0]!, HEADER);
      z.records.forEach((r, j) => checkRecord(`VAT row ${i}.${j}`, r, VAT_ROW));
      docs.push({ h: h.records[0]!, vat: z.records });
    }
    expect(Object.keys(cards).sort()).toEqual(['DOKUMENTYZNACZNIKIJPKVAT', 'KONTRAHENCI']);
    cards.KONTRAHENCI!.forEach((r, j) => checkRecord(`contractor ${j}`, r, CONTRACTOR));
    cards.DOKUMENTYZNACZNIKIJPKVAT!.forEach((r, j) => checkRecord(`JPK markers ${j}`, r, JPK_MARKERS));
    expect(docs).toHaveLength(register.documents.length);
    expect(cards.DOKUMENTYZNACZNIKIJPKVAT).toHaveLength(docs.length);

    for (const d of docs) {
      const v = (n: number) => d.h[n - 1]!.value;
      expect(['FS', 'PA', 'KFS', 'ZW']).toContain(v(1)); // no "KPA": EDI++ has none
      expect(v(7).startsWith(`${v(1)} `)).toBe(true); // full number: the mnemonic and a space
      expect(v(22)).not.toBe('');
      expect(v(23)).not.toBe('');
      if (v(1) === 'PA' || v(1) === 'ZW') {
        for (let n = 12; n <= 18; n++) expect(v(n), `receipt field ${n}`).toBe(''); // no contractor on a receipt
      }
      if (v(1) === 'ZW') {
        expect(v(41)).toBe('75'); // a return from a retail sale
        expect(v(8)).toMatch(/^PA /);
      }
      expect([v(47), v(48)]).toEqual(['PLN', '1.0000']); // every amount in the file is złoty (see the CZK order below)
    }
    expect(docs.filter((d) => d.h[0]!.value === 'ZW')).toHaveLength(1);
    const docOf = (prefix: string, type: string) => {
      const id = [...ids].find(([k]) => k.startsWith(prefix))![1];
      const d = docs.find((x) => x.h[9]!.value === `ZAP-${id}` && x.h[0]!.value === type)!;
      return (n: number) => d.h[n - 1]!.value;
    };
    // Dates (fields 9, 22, 23): an invoice numbered at the close is issued that day (20.07), sold at its
    // tax point (paid 2.06); a receipt paid at 01:01 Warsaw on 16.06 (23:01 UTC the 15th) is of the 16th;
    // the receipt's return names the receipt and its issue day (1.06) and is dated the refund (20.06).
    const fs = docOf(CYRILLIC_ORDER, 'FS');
    expect([fs(7), fs(9), fs(22), fs(23), fs(24)]).toEqual(['FS FV 1/07/2026', '', '20260720000000', '20260602000000', '20260720000000']);
    const midnight = docOf('1d8af78c', 'PA');
    expect([midnight(9), midnight(22), midnight(23)]).toEqual(['', '20260616000000', '20260616000000']);
    const zw = docOf('b4fc3f98', 'ZW');
    expect([zw(8), zw(9), zw(22), zw(23), zw(30)]).toEqual([docOf('b4fc3f98', 'PA')(7), '20260601000000', '20260620000000', '20260620000000', '-74.9000']);
    // The Czech consumer's order (259,00 CZK at NBP 0,1745 of 9.06, table 110/A/NBP/2026 = 45,20 zł): the
    // amounts are złoty, so the header says PLN at 1 — EDI++ reads amounts in the currency of field 47 and
    // converts them with field 48 (its advance-invoice table keeps "w PLN" amounts apart), and "CZK" with
    // 0,1745 would make the accounting program book 45,20 CZK = 7,89 zł. The NBP rate and the CZK amount
    // are in the remarks. An intra-EU distance sale (field 55 = 22) with the WSTO_EE marker.
    const czkFx = docOf('c15c3b14', 'PA');
    expect([czkFx(30), czkFx(47), czkFx(48)]).toEqual(['45.2000', 'PLN', '1.0000']);
    expect(czkFx(49)).toContain('259,00 CZK po kursie NBP 0,1745 (tabela 110/A/NBP/2026 z 2026-06-09)');
    const czk = docs.find((d) => d.h[9]!.value === `ZAP-${[...ids].find(([k]) => k.startsWith('c15c3b14'))![1]}`)!;
    expect(czk.h[54]!.value).toBe('22');
    const czkMarkers = cards.DOKUMENTYZNACZNIKIJPKVAT!.find((m) => m[0]!.value === czk.h[6]!.value)!;
    expect(czkMarkers[29]!.value).toBe('1');
    // No phone numbers or e-mails on the cards: personal data the accountant does not need.
    for (const c of cards.KONTRAHENCI!) for (const n of [10, 13]) expect(c[n - 1]!.value).toBe('');
    expect(cards.KONTRAHENCI!.every((c) => c[0]!.value === '0' || c[0]!.value === '3')).toBe(true);
    expect(text).toMatch(/[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]/); // Polish letters as Windows-1250 letters

    // The Cyrillic name: "?" in the file, but said in the warnings; the control character is gone; the
    // 41-letter city is cut to the field's 30.
    const cyr = docs.find((d) => d.h[48]!.value.includes(CYRILLIC_ORDER))!;
    expect(cyr.h[13]!.value).toMatch(/^\?+ \?+ \? sp\. z o\.o\.$/);
    expect(cyr.h[14]!.value).toBe('Szczebrzeszyn Wielki nad Wiepr');
    const cyrId = [...ids].find(([k]) => k.startsWith(CYRILLIC_ORDER))![1];
    expect(register.warnings).toContainEqual({ code: 'epp_characters_lost', orderId: cyrId, reference: `ZAP-${cyrId}` });
  });
});
