import { constants, crc32, deflateRaw } from 'node:zlib';

/**
 * A minimal ZIP writer for XLSX files (no ZIP64: a part over 4 GB is refused — a month's register is
 * around a hundred megabytes of XML). Every entry is dated 1980-01-01 00:00, so the same content always
 * gives the same bytes.
 *
 * A big part arrives in pieces and each piece is deflated as soon as it arrives, on its own, ended
 * with a sync flush (an empty stored block, no "final" bit): the pieces laid end to end and closed with
 * one empty final block form a single valid deflate stream — the technique pigz uses; pieces of a
 * quarter megabyte cost a fraction of a per cent of compression ratio. Only the compressed bytes are
 * kept.
 *
 * Pieces are deflated on libuv's thread pool (zlib's async deflateRaw), not on the main thread: a
 * month's register is ~100 MB of XML, and deflating it there blocked the Electron main process — and
 * with it every window — for a large part of a second. The bytes are the same as deflateRawSync's
 * (same zlib, same settings), and pieces are laid out in the order they were pushed, whatever order
 * the threads finish in. Uncompressed pieces waiting for a thread are memory the garbage collector
 * counts as external pressure, so writers keep few in flight (`settle`); an earlier version that let
 * a whole sheet's pieces wait ran full garbage collections that cost more than the deflate.
 */

const DOS_DATE_1980_01_01 = 0x0021;
const DOS_TIME_MIDNIGHT = 0;
/** An empty deflate block with the final bit set: closes a stream made of sync-flushed pieces. */
const FINAL_EMPTY_BLOCK = Buffer.from([0x03, 0x00]);
const MAX_32 = 0xffff_ffff;
/** zlib level 1: packs repetitive XML nearly as well as level 6 (~16 % vs ~13 %) at several times the speed. */
export const DEFAULT_LEVEL = 1;

export interface ZipOptions {
  /** zlib level 1–9. */
  level?: number;
}

/** The bytes of one part, compressed piece by piece, with what the ZIP headers need. */
export class ZipPart {
  private readonly compressed: Array<Promise<Buffer>> = [];
  /** Deflates still running, each settling (never rejecting) when its thread is done. */
  private readonly running = new Set<Promise<void>>();
  private crc = 0;
  private size = 0;
  private closed = false;

  constructor(private readonly level: number = DEFAULT_LEVEL) {}

  /**
   * Adds the next piece of the part's content and starts deflating it on the thread pool. The piece is
   * read by that thread: the caller must not change it until the returned promise settles.
   */
  push(piece: Buffer): Promise<void> {
    if (this.closed) throw new Error('This ZIP part is already closed.');
    if (piece.length === 0) return Promise.resolve();
    this.crc = crc32(piece, this.crc);
    this.size += piece.length;
    const deflated = new Promise<Buffer>((resolve, reject) => {
      deflateRaw(piece, { level: this.level, finishFlush: constants.Z_SYNC_FLUSH }, (error, out) => (error ? reject(error) : resolve(out)));
    });
    this.compressed.push(deflated);
    // A failure is reported by finish(); this handle only says "the thread is done with the piece".
    const done: Promise<void> = deflated.then(
      () => void this.running.delete(done),
      () => void this.running.delete(done),
    );
    this.running.add(done);
    return done;
  }

  /** Adds the next piece of text, as UTF-8 (in a buffer of its own: it is read on another thread). */
  pushText(text: string): Promise<void> {
    return this.push(Buffer.from(text, 'utf8'));
  }

  /** Waits until at most `max` pieces are still being deflated. */
  async settle(max = 0): Promise<void> {
    while (this.running.size > max) await Promise.race(this.running);
  }

  /** Closes the part and waits for its pieces: the deflate stream, its CRC and uncompressed size. */
  async finish(): Promise<{ crc: number; size: number; data: Buffer[] }> {
    this.closed = true;
    const data = await Promise.all(this.compressed);
    return { crc: this.crc >>> 0, size: this.size, data: [...data, FINAL_EMPTY_BLOCK] };
  }
}

interface Entry {
  name: Buffer;
  crc: number;
  size: number;
  compressedSize: number;
  offset: number;
}

export class ZipWriter {
  private readonly parts: Array<{ name: string; part: ZipPart }> = [];

  /** Adds a part under its name; parts are written in the order they were added. */
  add(name: string, part: ZipPart): void {
    if (this.parts.some((p) => p.name === name)) throw new Error(`Duplicate ZIP entry ${name}`);
    this.parts.push({ name, part });
  }

  /** A small part given whole. */
  addFile(name: string, content: string | Buffer, options: ZipOptions = {}): void {
    const part = new ZipPart(options.level ?? DEFAULT_LEVEL);
    if (typeof content === 'string') void part.pushText(content);
    else void part.push(content);
    this.add(name, part);
  }

  async toBuffer(): Promise<Buffer> {
    const out: Buffer[] = [];
    const entries: Entry[] = [];
    let offset = 0;
    for (const { name, part } of this.parts) {
      const { crc, size, data } = await part.finish();
      const compressedSize = data.reduce((a, b) => a + b.length, 0);
      if (size > MAX_32 || compressedSize > MAX_32 || offset > MAX_32) throw new RangeError(`ZIP entry ${name} is too large for a ZIP without ZIP64`);
      const entry: Entry = { name: Buffer.from(name, 'utf8'), crc, size, compressedSize, offset };
      const header = localHeader(entry);
      out.push(header, ...data);
      offset += header.length + compressedSize;
      entries.push(entry);
    }
    const directoryStart = offset;
    for (const entry of entries) {
      const record = centralRecord(entry);
      out.push(record);
      offset += record.length;
    }
    if (offset > MAX_32 || entries.length > 0xffff) throw new RangeError('ZIP too large for a ZIP without ZIP64');
    out.push(endOfDirectory(entries.length, offset - directoryStart, directoryStart));
    return Buffer.concat(out);
  }
}

/** Bit 11: the name is UTF-8 (only set when it is not plain ASCII, as other writers do). */
const flagsFor = (name: Buffer) => (name.some((b) => b > 0x7f) ? 0x0800 : 0);

function localHeader(e: Entry): Buffer {
  const b = Buffer.alloc(30 + e.name.length);
  b.writeUInt32LE(0x04034b50, 0);
  b.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
  b.writeUInt16LE(flagsFor(e.name), 6);
  b.writeUInt16LE(8, 8); // deflate
  b.writeUInt16LE(DOS_TIME_MIDNIGHT, 10);
  b.writeUInt16LE(DOS_DATE_1980_01_01, 12);
  b.writeUInt32LE(e.crc, 14);
  b.writeUInt32LE(e.compressedSize, 18);
  b.writeUInt32LE(e.size, 22);
  b.writeUInt16LE(e.name.length, 26);
  b.writeUInt16LE(0, 28); // no extra field
  e.name.copy(b, 30);
  return b;
}

function centralRecord(e: Entry): Buffer {
  const b = Buffer.alloc(46 + e.name.length);
  b.writeUInt32LE(0x02014b50, 0);
  b.writeUInt16LE(20, 4); // made by: MS-DOS, 2.0
  b.writeUInt16LE(20, 6);
  b.writeUInt16LE(flagsFor(e.name), 8);
  b.writeUInt16LE(8, 10);
  b.writeUInt16LE(DOS_TIME_MIDNIGHT, 12);
  b.writeUInt16LE(DOS_DATE_1980_01_01, 14);
  b.writeUInt32LE(e.crc, 16);
  b.writeUInt32LE(e.compressedSize, 20);
  b.writeUInt32LE(e.size, 24);
  b.writeUInt16LE(e.name.length, 28);
  // extra length, comment length, disk number, internal and external attributes: all zero
  b.writeUInt32LE(e.offset, 42);
  e.name.copy(b, 46);
  return b;
}

function endOfDirectory(count: number, size: number, start: number): Buffer {
  const b = Buffer.alloc(22);
  b.writeUInt32LE(0x06054b50, 0);
  b.writeUInt16LE(count, 8);
  b.writeUInt16LE(count, 10);
  b.writeUInt32LE(size, 12);
  b.writeUInt32LE(start, 16);
  return b;
}
