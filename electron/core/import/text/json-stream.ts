/**
 * Streams the records out of a large JSON document without holding the document in memory: the
 * elements of the top-level array, or of chosen arrays inside the top-level object
 * (`{"checkoutForms":[…], "count":…}`), come out one at a time as text with their JSON path and line.
 * Each element is then parsed on its own with JSON.parse. A 300 MB checkout-forms page thus needs memory
 * for one order at a time. The scanner only tracks nesting and strings; JSON.parse judges each element.
 *
 * Kept rather than a library (issue 15): on the first 20,000 orders of the bench's 100k checkout-forms
 * file (39 MB), streaming each order out and having it as an object took 13.2 / 16.8 s here (scanner +
 * JSON.parse), 36.8 / 36.8 s with @streamparser/json 0.0.26 (paths ['$.checkoutForms.*']) and 194 s with
 * stream-json 3.8 (pick + streamArray), same process shape, alternating runs on the shared 2-core machine
 * (load 15–18). Scanning with indexOf for strings and letting V8's JSON.parse build each order beats
 * building it token by token in JavaScript; the exact line of a cut-off file comes with it.
 */

export interface JsonItem {
  /** `checkoutForms[12]`, `[3]` (top-level array), or the member name (`count`). */
  path: string;
  /** Member of the top-level object this came from (null for a top-level array). */
  key: string | null;
  /** Position in its array; null for a plain member. */
  index: number | null;
  text: string;
  /** 1-based line where the item starts. */
  line: number;
}

/** The document ended before it was complete (cut off while downloading or copying). */
export class JsonTruncatedError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    /** The record being read when the text ended. */
    readonly path: string | null,
  ) {
    super(`The JSON ends unexpectedly at line ${line}, column ${column}${path ? ` (inside ${path})` : ''}.`);
  }
}

/** Something that is not JSON where JSON was expected. */
export class JsonSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    message: string,
  ) {
    super(message);
  }
}

type Mode = 'start' | 'object' | 'array' | 'scalar' | 'done';
type CaptureKind = 'container' | 'string' | 'literal' | 'key';

interface Capture {
  kind: CaptureKind;
  level: number;
  parts: string[];
  start: number; // index in the current chunk where the capture (or its current part) starts
  path: string;
  key: string | null;
  index: number | null;
  line: number;
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

export async function* jsonItems(chunks: AsyncIterable<string>, streamKeys: ReadonlySet<string>): AsyncGenerator<JsonItem> {
  let mode: Mode = 'start';
  let depth = 0;
  let inString = false;
  let backslashRun = 0;
  // Top-level object: what comes next at depth 1.
  let memberState: 'key' | 'colon' | 'value' | 'comma' = 'key';
  let currentKey: string | null = null;
  // An array being streamed (top-level array at depth 1, or a member array at depth 2).
  let streamLevel = -1;
  let streamKey: string | null = null;
  let streamIndex = 0;
  let capture: Capture | null = null;
  let line = 1;
  let column = 0;
  const out: JsonItem[] = [];

  // Read through functions: the closures below assign these, which TypeScript's narrowing cannot see.
  const cur = (): Capture | null => capture;
  const state = () => memberState;
  const pathOf = (key: string | null, index: number | null) => (index === null ? (key ?? '') : `${key ?? ''}[${index}]`);

  for await (const s of chunks) {
    let i = 0;
    let lineScan = 0; // position up to which newlines of this chunk are counted
    const lineAt = (pos: number) => {
      while (lineScan < pos) {
        const nl = s.indexOf('\n', lineScan);
        if (nl === -1 || nl >= pos) {
          lineScan = pos;
          break;
        }
        line += 1;
        lineScan = nl + 1;
      }
      return line;
    };
    const begin = (kind: CaptureKind, level: number, at: number, key: string | null, index: number | null) => {
      capture = { kind, level, parts: [], start: at, path: pathOf(key, index), key, index, line: lineAt(at) };
    };
    const finish = (endExclusive: number) => {
      const c = capture!;
      c.parts.push(s.slice(c.start, endExclusive));
      capture = null;
      const text = c.parts.length === 1 ? c.parts[0]! : c.parts.join('');
      if (c.kind === 'key') {
        try {
          currentKey = JSON.parse(text) as string;
        } catch {
          throw new JsonSyntaxError(c.line, 0, 'A member name of the JSON object is not a valid string.');
        }
        memberState = 'colon';
        return;
      }
      out.push({ path: c.path, key: c.key, index: c.index, text, line: c.line });
    };
    /** Is a value starting here one we hand out as an item? Which key/index? */
    const valueSlot = (): { key: string | null; index: number | null } | null => {
      if (capture) return null;
      if (streamLevel !== -1 && depth === streamLevel) return { key: streamKey, index: streamIndex };
      if (mode === 'object' && depth === 1 && memberState === 'value') return { key: currentKey, index: null };
      return null;
    };

    while (i < s.length) {
      if (inString) {
        const q = s.indexOf('"', i);
        if (q === -1) {
          // The string goes on in the next chunk: remember trailing backslashes (an escaped quote may follow).
          let k = s.length - 1;
          while (k >= i && s.charCodeAt(k) === 0x5c) k -= 1;
          const run = s.length - 1 - k;
          backslashRun = k < i ? backslashRun + run : run;
          break;
        }
        let k = q - 1;
        while (k >= i && s.charCodeAt(k) === 0x5c) k -= 1;
        let run = q - 1 - k;
        if (k < i) run += backslashRun;
        backslashRun = 0;
        i = q + 1;
        if (run % 2 === 1) continue; // \" inside the string
        inString = false;
        const open = cur();
        if (open && (open.kind === 'string' || open.kind === 'key') && depth === open.level) finish(i);
        else if (mode === 'scalar' && depth === 0 && open === null) mode = 'done';
        continue;
      }
      const c = s.charCodeAt(i);
      if (WS.has(c)) {
        if (cur()?.kind === 'literal') finish(i);
        i += 1;
        continue;
      }
      if (mode === 'done') {
        lineAt(i);
        throw new JsonSyntaxError(line, i - s.lastIndexOf('\n', i), 'There is more text after the end of the JSON document.');
      }
      if (c === 0x22 /* " */) {
        inString = true;
        backslashRun = 0;
        if (mode === 'start') {
          mode = 'scalar';
          begin('string', 0, i, null, null);
        } else if (mode === 'object' && depth === 1 && memberState === 'key' && !cur()) {
          begin('key', 1, i, null, null);
        } else {
          const slot = valueSlot();
          if (slot) begin('string', depth, i, slot.key, slot.index);
        }
        i += 1;
        continue;
      }
      if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
        if (mode === 'start') {
          mode = c === 0x7b ? 'object' : 'array';
          if (mode === 'array') {
            streamLevel = 1;
            streamKey = null;
            streamIndex = 0;
          }
          depth = 1;
          i += 1;
          continue;
        }
        const slot = valueSlot();
        if (slot && c === 0x5b && mode === 'object' && depth === 1 && currentKey !== null && streamKeys.has(currentKey)) {
          // A member array we stream element by element.
          streamLevel = 2;
          streamKey = currentKey;
          streamIndex = 0;
          memberState = 'comma';
          depth = 2;
          i += 1;
          continue;
        }
        if (slot) begin('container', depth, i, slot.key, slot.index);
        depth += 1;
        i += 1;
        continue;
      }
      if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
        if (cur()?.kind === 'literal') finish(i);
        depth -= 1;
        if (depth < 0) {
          lineAt(i);
          throw new JsonSyntaxError(line, i - s.lastIndexOf('\n', i), 'A closing bracket has no opening one.');
        }
        i += 1;
        const open = cur();
        if (open?.kind === 'container' && depth === open.level) finish(i);
        if (streamLevel !== -1 && depth === streamLevel - 1) {
          streamLevel = -1;
          streamKey = null;
          if (mode === 'object') memberState = 'comma';
        }
        if (mode === 'object' && depth === 1 && streamLevel === -1 && memberState === 'value') memberState = 'comma';
        if (depth === 0) mode = 'done';
        continue;
      }
      if (c === 0x2c /* , */) {
        if (cur()?.kind === 'literal') finish(i);
        if (streamLevel !== -1 && depth === streamLevel) streamIndex += 1;
        else if (mode === 'object' && depth === 1) memberState = 'key';
        i += 1;
        continue;
      }
      if (c === 0x3a /* : */) {
        if (mode === 'object' && depth === 1 && state() === 'colon') memberState = 'value';
        i += 1;
        continue;
      }
      // A literal: number, true, false, null (or garbage, which JSON.parse of the item will refuse).
      if (mode === 'start') {
        mode = 'scalar';
        begin('literal', 0, i, null, null);
      } else if (!cur()) {
        const slot = valueSlot();
        if (slot) begin('literal', depth, i, slot.key, slot.index);
        else if (mode === 'object' && depth === 1) {
          lineAt(i);
          throw new JsonSyntaxError(line, i - s.lastIndexOf('\n', i), 'Unexpected text between the members of the JSON object.');
        }
      }
      i += 1;
    }
    // End of chunk: keep the part of an unfinished capture.
    if (capture) {
      const open = capture as Capture;
      open.parts.push(s.slice(open.start));
      open.start = 0;
    }
    lineAt(s.length);
    const lastNl = s.lastIndexOf('\n');
    column = lastNl === -1 ? column + s.length : s.length - lastNl - 1;
    if (out.length) {
      yield* out;
      out.length = 0;
    }
  }
  const open = capture as Capture | null;
  if (open?.kind === 'literal' && depth === open.level) {
    const text = open.parts.join('');
    out.push({ path: open.path, key: open.key, index: open.index, text, line: open.line });
    if (mode === 'scalar') mode = 'done';
    capture = null;
  }
  if (out.length) yield* out;
  if (mode === 'start') throw new JsonSyntaxError(1, 0, 'The file contains no JSON.');
  if (mode !== 'done' || inString) {
    const where = open ? open.path : streamKey !== null ? pathOf(streamKey, streamIndex) : null;
    throw new JsonTruncatedError(line, column + 1, where);
  }
}

/** Newline-delimited JSON: one record per line (blank lines skipped). */
export async function* ndjsonItems(chunks: AsyncIterable<string>): AsyncGenerator<JsonItem> {
  let rest = '';
  let line = 0;
  let index = 0;
  for await (const s of chunks) {
    rest += s;
    let nl: number;
    while ((nl = rest.indexOf('\n')) !== -1) {
      const text = rest.slice(0, nl).trim();
      rest = rest.slice(nl + 1);
      line += 1;
      if (text) {
        yield { path: `[${index}]`, key: null, index, text, line };
        index += 1;
      }
    }
  }
  const text = rest.trim();
  line += 1;
  if (text) yield { path: `[${index}]`, key: null, index, text, line };
}
