/**
 * NBP table A (average rates, "kursy średnie") as NBP publishes it, read from a file the owner saved:
 * - the Web API's JSON (api.nbp.pl/api/exchangerates/tables/A/<from>/<to>/?format=json): an array of
 *   tables `{ table: "A", no: "229/A/NBP/2026", effectiveDate: "2026-11-27", rates: [{ currency, code, mid }] }`;
 *   a single currency's series (…/rates/A/CZK/…: `{ table, code, rates: [{ no, effectiveDate, mid }] }`) too;
 * - the daily XML table (static.nbp.pl/dane/kursy/xml/a229z261127.xml): `<tabela_kursow typ="A">` with
 *   `<numer_tabeli>`, `<data_publikacji>` and `<pozycja>` items (`<przelicznik>`, `<kod_waluty>`,
 *   `<kurs_sredni>` with a decimal comma; the rate is for `przelicznik` units, e.g. 100 HUF).
 * Rates are kept as NBP prints them and as integer millionths of a złoty for one unit, so conversion is
 * exact integer arithmetic. Nothing here touches the database.
 */

export interface NbpRate {
  currency: string;
  /** YYYY-MM-DD, the table's effective (publication) date. */
  day: string;
  /** e.g. "229/A/NBP/2026". */
  tableNo: string;
  /** Złoty for one unit, as a decimal with a dot: "0.1712". */
  rate: string;
  /** The same in millionths of a złoty. */
  rateMicro: number;
}

export interface NbpParseResult {
  rates: NbpRate[];
  /** What could not be read, in the owner's words (Polish). */
  problems: string[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TABLE_NO = /^\d{1,3}\/A\/NBP\/\d{4}$/;
const CODE = /^[A-Z]{3}$/;

/**
 * "0,1712" / "0.010844" / 4.2505 → millionths of a złoty (exact for up to six decimals, as NBP gives), or
 * null. `per` is how many units the printed rate is for (XML's przelicznik: 100 for HUF, JPY…).
 */
export function rateToMicro(value: unknown, per = 1): number | null {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim().replace(',', '.') : '';
  const m = /^(\d{1,6})(?:\.(\d{1,8}))?$/.exec(text);
  if (!m || !Number.isInteger(per) || per < 1) return null;
  const digits = `${m[1]}${(m[2] ?? '').padEnd(8, '0')}`; // in 10^-8 złoty
  const hundredMillionths = BigInt(digits);
  // To millionths per one unit, rounded half up.
  const scaled = (hundredMillionths * 2n + 100n * BigInt(per)) / (200n * BigInt(per));
  const micro = Number(scaled);
  return micro > 0 ? micro : null;
}

/** Millionths → "0.1712" (at least four decimals, as NBP prints; six when needed). */
export function microToText(micro: number): string {
  const whole = Math.trunc(micro / 1_000_000);
  let frac = String(micro % 1_000_000).padStart(6, '0');
  while (frac.length > 4 && frac.endsWith('0')) frac = frac.slice(0, -1);
  return `${whole}.${frac}`;
}

function add(out: NbpRate[], problems: string[], currency: unknown, day: unknown, tableNo: unknown, mid: unknown, per = 1): void {
  const code = typeof currency === 'string' ? currency.trim().toUpperCase() : '';
  const d = typeof day === 'string' ? day.trim() : '';
  const no = typeof tableNo === 'string' ? tableNo.trim() : '';
  const micro = rateToMicro(mid, per);
  if (!CODE.test(code) || !DAY.test(d) || !TABLE_NO.test(no) || micro === null) {
    problems.push(`Pominięto pozycję, której nie da się odczytać (waluta „${code || '?'}”, tabela „${no || '?'}”, dzień „${d || '?'}”).`);
    return;
  }
  out.push({ currency: code, day: d, tableNo: no, rate: microToText(micro), rateMicro: micro });
}

function fromJson(data: unknown, out: NbpRate[], problems: string[]): void {
  const tables = Array.isArray(data) ? data : [data];
  for (const t of tables) {
    if (!t || typeof t !== 'object') continue;
    const table = t as { table?: unknown; no?: unknown; effectiveDate?: unknown; code?: unknown; rates?: unknown };
    if (table.table !== undefined && String(table.table).toUpperCase() !== 'A') {
      problems.push(`Tabela ${String(table.table)} to nie tabela A kursów średnich — pominięto.`);
      continue;
    }
    if (!Array.isArray(table.rates)) continue;
    for (const r of table.rates as Array<Record<string, unknown>>) {
      if (!r || typeof r !== 'object') continue;
      // A table lists currencies; a single currency's series lists days.
      if (typeof table.code === 'string') add(out, problems, table.code, r.effectiveDate, r.no, r.mid);
      else add(out, problems, r.code, table.effectiveDate, table.no, r.mid);
    }
  }
}

const tag = (xml: string, name: string) => new RegExp(`<${name}>\\s*([^<]*?)\\s*</${name}>`).exec(xml)?.[1];

function fromXml(xml: string, out: NbpRate[], problems: string[]): void {
  for (const table of xml.match(/<tabela_kursow\b[\s\S]*?<\/tabela_kursow>/g) ?? []) {
    const type = /<tabela_kursow[^>]*\btyp="([^"]*)"/.exec(table)?.[1];
    if (type !== undefined && type.toUpperCase() !== 'A') {
      problems.push(`Tabela ${type} to nie tabela A kursów średnich — pominięto.`);
      continue;
    }
    const no = tag(table, 'numer_tabeli');
    const day = tag(table, 'data_publikacji');
    for (const item of table.match(/<pozycja>[\s\S]*?<\/pozycja>/g) ?? []) {
      add(out, problems, tag(item, 'kod_waluty'), day, no, tag(item, 'kurs_sredni'), Number(tag(item, 'przelicznik') ?? '1'));
    }
  }
}

/** Reads an NBP table A file (JSON or XML, recognised by its content). */
export function parseNbpTable(bytes: Uint8Array): NbpParseResult {
  // NBP's XML declares ISO-8859-2, but table numbers, dates, codes and rates are ASCII: read as Latin-1.
  const text = Buffer.from(bytes).toString('latin1').replace(/^\u00ef\u00bb\u00bf/, '').trim();
  const rates: NbpRate[] = [];
  const problems: string[] = [];
  if (text.startsWith('[') || text.startsWith('{')) {
    let data: unknown;
    try {
      data = JSON.parse(Buffer.from(bytes).toString('utf8').replace(/^\ufeff/, ''));
    } catch {
      return { rates, problems: ['Plik nie jest poprawnym plikiem JSON z serwisu NBP.'] };
    }
    fromJson(data, rates, problems);
  } else if (text.startsWith('<')) {
    fromXml(text, rates, problems);
  } else {
    return { rates, problems: ['To nie jest plik tabeli kursów NBP (oczekiwano pliku JSON lub XML pobranego z nbp.pl).'] };
  }
  if (rates.length === 0 && problems.length === 0) problems.push('W pliku nie ma kursów z tabeli A NBP.');
  return { rates, problems };
}
