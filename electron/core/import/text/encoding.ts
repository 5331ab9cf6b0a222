import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

/** Text encodings Zaplecze recognises in import files. */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1250';

/** Thrown while decoding when bytes later in a file turn out not to be UTF-8: the reader starts over in cp1250. */
export class EncodingRestart extends Error {
  constructor() {
    super('The file is not UTF-8 after all; reading it again as Windows-1250.');
  }
}

/** Length of the byte-order mark of an encoding (skipped before parsing). */
export function bomLength(encoding: TextEncoding): number {
  if (encoding === 'utf-8-bom') return 3;
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return 2;
  return 0;
}

/**
 * Guesses the encoding from the first bytes: a BOM decides; otherwise bytes that are not valid UTF-8
 * mean Polish Excel's "CSV" (Windows-1250). A trailing multi-byte sequence cut by the sample's end is
 * not held against UTF-8. A pure-ASCII head is read as UTF-8; if a later byte disproves that, the
 * decoder raises EncodingRestart and the caller reads the file again as Windows-1250.
 */
export function sniffEncoding(head: Uint8Array, wholeFile: boolean): TextEncoding {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  let end = head.length;
  if (!wholeFile) {
    // Step back over an incomplete UTF-8 sequence at the cut (at most 3 continuation/lead bytes).
    let back = 0;
    while (back < 3 && end - back - 1 >= 0 && (head[end - back - 1]! & 0xc0) === 0x80) back += 1;
    const lead = head[end - back - 1];
    if (lead !== undefined && lead >= 0xc0) end = end - back - 1;
  }
  return isUtf8(head.subarray(0, end)) ? 'utf-8' : 'windows-1250';
}

/** A streaming decoder: bytes in, text out, multi-byte characters split across chunks handled. */
export interface ChunkDecoder {
  write(chunk: Uint8Array): string;
  end(): string;
}

export function createDecoder(encoding: TextEncoding): ChunkDecoder {
  if (encoding === 'windows-1250') {
    const decoder = iconv.getDecoder('win1250');
    let first = true;
    return {
      write: (chunk) => {
        let bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
        // A UTF-8 BOM in front of Windows-1250 text (a damaged or oddly saved file): not part of the text.
        if (first && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
        first = false;
        return decoder.write(bytes);
      },
      end: () => decoder.end() ?? '',
    };
  }
  const label = encoding === 'utf-16le' ? 'utf-16le' : encoding === 'utf-16be' ? 'utf-16be' : 'utf-8';
  // ignoreBOM: the BOM is skipped by the reader itself (bomLength), never returned as U+FEFF.
  const decoder = new TextDecoder(label, { fatal: true, ignoreBOM: true });
  // A BOM promises UTF-8, but Polish Excel files with a BOM and cp1250 bytes exist: start over in cp1250.
  const strictUtf8 = encoding === 'utf-8' || encoding === 'utf-8-bom';
  const run = (fn: () => string): string => {
    try {
      return fn();
    } catch (error) {
      if (strictUtf8) throw new EncodingRestart();
      throw error;
    }
  };
  return {
    write: (chunk) => run(() => decoder.decode(chunk, { stream: true })),
    end: () => run(() => decoder.decode()),
  };
}
