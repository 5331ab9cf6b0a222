import { readFileSync } from 'node:fs';
import { crc32, inflateRawSync } from 'node:zlib';

/** Files up to this size are checked entry by entry before the streaming reader sees them. */
export const ZIP_CHECK_MAX_BYTES = 64 * 1024 * 1024;
/** An entry that inflates beyond this is refused (a "zip bomb" sheet). */
const MAX_ENTRY_BYTES = 512 * 1024 * 1024;

/**
 * Checks that a ZIP container (XLSX) is whole: the central directory is readable and every entry
 * inflates to its recorded size with its recorded CRC-32. ExcelJS's streaming reader can wait forever
 * on some damaged archives instead of failing, so damaged workbooks are refused here, quickly and
 * with a reason. Returns null when the archive is sound.
 */
export function zipProblem(path: string): string | null {
  const buf = readFileSync(path);
  // End of central directory: signature 0x06054b50 within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i -= 1) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return 'the end of the ZIP directory is missing (the file is cut off)';
  const entries = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n += 1) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) return 'the ZIP directory is damaged';
    const method = buf.readUInt16LE(at + 10);
    const crc = buf.readUInt32LE(at + 16);
    const compressed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) return `the entry ${name} is damaged`;
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + compressed > buf.length) return `the entry ${name} is cut off`;
    if (size > MAX_ENTRY_BYTES) return `the entry ${name} unpacks to more than 512 MB`;
    const data = buf.subarray(start, start + compressed);
    let out: Buffer;
    try {
      if (method === 0) out = data;
      else if (method === 8) out = inflateRawSync(data, { maxOutputLength: MAX_ENTRY_BYTES });
      else return `the entry ${name} uses an unknown compression (${method})`;
    } catch {
      return `the entry ${name} cannot be unpacked`;
    }
    if (out.length !== size || crc32(out) !== crc) return `the entry ${name} is damaged (checksum)`;
  }
  return null;
}
