/**
 * A lean, synchronous CSV tokenizer: text goes in by chunks, whole records come out in batches. It
 * replaces csv-parse on the import's hot path (a 100k-order CSV: one promise, one closure and, with
 * ragged sections, one error object per record there; here a loop over character codes and a slice per
 * field). The dialect is the one the import configured csv-parse with, and the hostile corpus checks:
 *
 * - any line ending — CRLF, LF or a bare CR — mixed within one file;
 * - fields in double quotes may hold delimiters and line breaks, `""` inside them is one quote;
 * - a quote elsewhere is text (Polish Excel's `1,8" DO 2,5"`), and so is a quoted field followed by
 *   more text before the delimiter (`"abc"def` stays `"abc"def`, as csv-parse's relax_quotes kept it);
 * - records may have any number of fields; empty lines are skipped (their lines still count);
 * - a record longer than `maxRecordChars` or a file ending inside quotes is refused, naming the line
 *   the record starts on and the field.
 *
 * Row numbers are the 1-based line on which a record starts, as a person sees it in a text editor.
 */

export interface CsvRecord {
  /** 1-based line the record starts on. */
  row: number;
  /** Fields; an empty line yields no record, a line of just `""` yields []. */
  cells: string[];
}

export class CsvTokenError extends Error {
  constructor(
    readonly code: 'unclosed_quote' | 'record_too_long',
    readonly row: number,
    /** 0-based field where the problem is. */
    readonly field: number,
  ) {
    super(code === 'unclosed_quote' ? 'The file ends inside a quoted field.' : 'A record is too long.');
  }
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

export class CsvTokenizer {
  private readonly delimiter: number;
  private buf = '';
  /** Where scanning resumes in `buf`. */
  private pos = 0;
  /** Where the current field starts in `buf`. */
  private fieldStart = 0;
  /** The current field began with a quote and its closing quote has not been seen yet. */
  private inQuotes = false;
  /** The current field began with a quote (closed or not). */
  private quoted = false;
  /** The quoted field holds `""`. */
  private escaped = false;
  /** The quoted field was closed and more text followed: it is taken as written, quotes included. */
  private raw = false;
  private fields: string[] = [];
  /** Characters of the current record's finished fields. */
  private recordChars = 0;
  private line = 1;
  private recordLine = 1;
  /** The next character starts a field (it may be its opening quote). */
  private atFieldStart = true;

  constructor(
    delimiter: string,
    private readonly maxRecordChars: number,
  ) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** Adds text; returns the records it completes. */
  push(text: string): CsvRecord[] {
    if (this.fieldStart > 0) {
      this.buf = this.buf.slice(this.fieldStart) + text;
      this.pos -= this.fieldStart;
      this.fieldStart = 0;
    } else {
      this.buf += text;
    }
    const out: CsvRecord[] = [];
    this.scan(out, false);
    return out;
  }

  /** The end of the text: returns the last record (if it has no line break after it). */
  end(): CsvRecord[] {
    const out: CsvRecord[] = [];
    this.scan(out, true);
    if (this.inQuotes) throw new CsvTokenError('unclosed_quote', this.recordLine, this.fields.length);
    if (this.fieldStart < this.buf.length || this.fields.length > 0) {
      this.endField(this.buf.length);
      this.endRecord(out);
    }
    this.buf = '';
    this.pos = 0;
    this.fieldStart = 0;
    return out;
  }

  private scan(out: CsvRecord[], final: boolean): void {
    const buf = this.buf;
    const n = buf.length;
    const delimiter = this.delimiter;
    let i = this.pos;
    while (i < n) {
      if (this.atFieldStart) {
        this.atFieldStart = false;
        this.quoted = buf.charCodeAt(i) === QUOTE;
        this.inQuotes = this.quoted;
        if (this.quoted) i += 1;
        continue;
      }
      if (this.inQuotes) {
        // Inside quotes only a quote ends anything; line breaks are counted for the row numbers.
        const q = buf.indexOf('"', i);
        const stop = q === -1 ? n : q;
        for (let j = i; j < stop; j += 1) {
          const c = buf.charCodeAt(j);
          if (c === LF) this.line += 1;
          else if (c === CR && buf.charCodeAt(j + 1) !== LF) {
            if (j + 1 === n && !final) {
              // A CR at the very end of the chunk may be the first half of a CRLF: decide with the next chunk.
              this.pos = j;
              this.checkSize(j);
              return;
            }
            this.line += 1;
          }
        }
        if (q === -1) {
          i = n;
          break;
        }
        if (q + 1 === n && !final) {
          // `"` at the end of the chunk: a closing quote or the first of `""` — the next chunk says.
          i = q;
          break;
        }
        if (buf.charCodeAt(q + 1) === QUOTE) {
          this.escaped = true;
          i = q + 2;
          continue;
        }
        this.inQuotes = false;
        i = q + 1;
        continue;
      }
      const c = buf.charCodeAt(i);
      if (c === delimiter) {
        this.endField(i);
        i += 1;
        this.startField(i);
        continue;
      }
      if (c === LF || c === CR) {
        if (c === CR && i + 1 === n && !final) break; // maybe CRLF: wait for the next chunk
        this.endField(i);
        this.endRecord(out);
        i += c === CR && buf.charCodeAt(i + 1) === LF ? 2 : 1;
        this.line += 1;
        this.recordLine = this.line;
        this.startField(i);
        continue;
      }
      if (this.quoted && !this.raw) {
        // Text after a closing quote: the field is what was written, quotes and all.
        this.raw = true;
      }
      i += 1;
    }
    this.pos = i;
    this.checkSize(i);
  }

  /** A field starts at `at`; whether it is quoted is seen when its first character is (maybe in the next chunk). */
  private startField(at: number): void {
    this.fieldStart = at;
    this.atFieldStart = true;
    this.quoted = false;
    this.inQuotes = false;
    this.escaped = false;
    this.raw = false;
  }

  private checkSize(at: number): void {
    if (this.recordChars + (at - this.fieldStart) > this.maxRecordChars) throw new CsvTokenError('record_too_long', this.recordLine, this.fields.length);
  }

  private endField(at: number): void {
    const buf = this.buf;
    let value: string;
    if (!this.quoted || this.raw) value = buf.slice(this.fieldStart, at);
    else {
      value = buf.slice(this.fieldStart + 1, at - 1);
      if (this.escaped) value = value.replaceAll('""', '"');
    }
    this.recordChars += value.length;
    if (this.recordChars > this.maxRecordChars) throw new CsvTokenError('record_too_long', this.recordLine, this.fields.length);
    this.fields.push(value);
  }

  private endRecord(out: CsvRecord[]): void {
    const fields = this.fields;
    this.fields = [];
    this.recordChars = 0;
    if (fields.length === 1 && fields[0] === '') {
      // An empty line is no record; a line of just `""` is a record without cells.
      if (this.quoted) out.push({ row: this.recordLine, cells: [] });
      return;
    }
    out.push({ row: this.recordLine, cells: fields });
  }
}
