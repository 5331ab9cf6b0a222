import iconv from 'iconv-lite';
import { minorToDecimalString } from '../../../shared/domain/money';
import { TextPieces } from './text-pieces';

/**
 * Field encoders of InsERT's EDI++ text format (FORMATS.md §9.1): comma-separated records, text in
 * double quotes (a quote inside doubled), amounts with a dot and 4 decimals, dates `yyyymmdd000000`
 * (time zeroed, as v1.11 asks), logical values 0/1, an empty field as nothing between the commas.
 */
export type EppField = { t: 'text'; v: string | null; max?: number } | { t: 'raw'; v: string } | null;

/** Text, cut to the field's maximum length and kept on one line. */
export const text = (v: string | null | undefined, max?: number): EppField => ({ t: 'text', v: v ?? null, ...(max ? { max } : {}) });
/** Minor units → "2047.1500". */
export const amount = (minor: number): EppField => ({ t: 'raw', v: `${minorToDecimalString(minor)}00` });
/** A plain number: "23.0000" for rates, "1" for flags. */
export const num = (v: number | string): EppField => ({ t: 'raw', v: String(v) });
/** YYYY-MM-DD → "20260602000000". */
export const date = (day: string | null): EppField => (day ? { t: 'raw', v: `${day.replace(/-/g, '')}000000` } : null);

/** Line breaks, tabs and every other control character (C0, DEL, C1), with the spaces around them: one space. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = / *[\u0000-\u001f\u007f-\u009f]+ */g;

/**
 * Called with the text as given when a text field had characters Windows-1250 cannot carry (Cyrillic,
 * emoji…): they are written as "?", and the caller warns about it instead of letting it pass unseen.
 */
export type LossListener = (original: string) => void;

function encodeField(field: EppField, onLoss?: LossListener): string {
  if (field === null) return '';
  if (field.t === 'raw') return field.v;
  if (field.v === null) return '';
  let value = field.v.replace(CONTROL, ' ').trim();
  const safe = toCp1250Safe(value);
  if (onLoss && safe.includes('?') && safe.split('?').length > value.split('?').length) onLoss(field.v);
  value = safe;
  // Cut to the field's length after the code page change: one character is one byte in Windows-1250.
  if (field.max !== undefined && value.length > field.max) value = value.slice(0, field.max).trimEnd();
  return `"${value.replace(/"/g, '""')}"`;
}

export function record(fields: EppField[], onLoss?: LossListener): string {
  return fields.map((f) => encodeField(f, onLoss)).join(',');
}

const representable = new Map<string, boolean>();

/**
 * Makes text fit Windows-1250: Polish and Czech letters, „ ” and – are in the code page; anything else
 * becomes its letter without diacritics when there is one, else "?" (emoji, other scripts — record()
 * reports those to its LossListener). iconv-lite would write "?" silently; doing it here keeps ą, ł, ř
 * and friends exact and everything else readable.
 */
export function toCp1250Safe(value: string): string {
  if (!/[^\p{ASCII}]/u.test(value)) return value; // plain ASCII: the common case, nothing to check
  let out = '';
  for (const ch of value) {
    let ok = representable.get(ch);
    if (ok === undefined) {
      ok = iconv.decode(iconv.encode(ch, 'win1250'), 'win1250') === ch;
      representable.set(ch, ok);
    }
    if (ok) out += ch;
    else {
      const plain = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      out += plain !== '' && [...plain].every((c) => c.charCodeAt(0) < 128) ? plain : '?';
    }
  }
  return out;
}

type SectionLabel = 'INFO' | 'NAGLOWEK' | 'ZAWARTOSC';

/**
 * The file: sections as `[LABEL]` lines, a blank line after each section, CRLF line ends, a final empty
 * line (the format requires it), encoded in Windows-1250.
 *
 * Written section by section and encoded in pieces as it goes (Windows-1250 is one byte per character,
 * so pieces encode exactly as the whole would): a month's file never becomes one giant string, and its
 * writer can give the event loop a turn between documents.
 */
export class EppWriter {
  // Text fields were made Windows-1250-safe when encoded (see toCp1250Safe); labels and numbers are ASCII.
  private readonly file = new TextPieces((text) => iconv.encode(text, 'win1250'));

  /** A whole section. */
  section(label: SectionLabel, lines: string[]): this {
    this.open(label);
    for (const line of lines) this.line(line);
    return this.close();
  }

  /** Starts a section whose lines follow with line(); close() ends it. */
  open(label: SectionLabel): this {
    this.file.append(`[${label}]\r\n`);
    return this;
  }

  line(line: string): this {
    this.file.append(`${line}\r\n`);
    return this;
  }

  close(): this {
    this.file.append('\r\n');
    return this;
  }

  toBytes(): Uint8Array {
    return this.file.toBytes();
  }
}

/** A small file in one go (see EppWriter). */
export function eppFile(sections: Array<{ label: SectionLabel; lines: string[] }>): Uint8Array {
  const writer = new EppWriter();
  for (const s of sections) writer.section(s.label, s.lines);
  return writer.toBytes();
}
