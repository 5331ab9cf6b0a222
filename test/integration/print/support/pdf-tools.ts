import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Real PDF tools (poppler-utils) over PDF bytes: the text a reader would copy out, the page count and
 * size, and a greyscale raster of a page to read the barcode back from.
 */
function withFile<T>(bytes: Uint8Array, use: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'zaplecze-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, bytes);
    return use(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function pdfText(bytes: Uint8Array, opts: { firstPage?: number; lastPage?: number } = {}): string {
  return withFile(bytes, (file) =>
    execFileSync('pdftotext', ['-enc', 'UTF-8', ...(opts.firstPage ? ['-f', String(opts.firstPage)] : []), ...(opts.lastPage ? ['-l', String(opts.lastPage)] : []), file, '-'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    }),
  );
}

export function pdfInfo(bytes: Uint8Array): { pages: number; widthPt: number; heightPt: number } {
  const out = withFile(bytes, (file) => execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
  const pages = Number(/^Pages:\s+(\d+)/m.exec(out)?.[1]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(out);
  return { pages, widthPt: Number(size?.[1]), heightPt: Number(size?.[2]) };
}

/** Page `page` as 8-bit grey pixels (PGM from pdftoppm), at `dpi`. */
export function rasterPage(bytes: Uint8Array, page: number, dpi: number): { width: number; height: number; pixels: Uint8Array } {
  return withFile(bytes, (file, dir) => {
    execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), file, join(dir, 'page')]);
    const name = execFileSync('ls', [dir], { encoding: 'utf8' }).split('\n').find((n) => n.endsWith('.pgm')) as string;
    const data = readFileSync(join(dir, name));
    // Binary PGM: "P5\n<w> <h>\n<max>\n" then one byte per pixel.
    let offset = 0;
    const tokens: string[] = [];
    while (tokens.length < 4) {
      while (/\s/.test(String.fromCharCode(data[offset] as number))) offset++;
      let token = '';
      while (!/\s/.test(String.fromCharCode(data[offset] as number))) token += String.fromCharCode(data[offset++] as number);
      tokens.push(token);
    }
    offset++; // the single whitespace after maxval
    const width = Number(tokens[1]);
    const height = Number(tokens[2]);
    return { width, height, pixels: new Uint8Array(data.subarray(offset, offset + width * height)) };
  });
}

/**
 * zbar's reader, when installed (`apt-get install zbar-tools`): a second, widely used decoder over the
 * page rasterised at a thermal printer's 203 dpi. Returns null when zbarimg is not on this machine.
 */
export function zbarDecode(bytes: Uint8Array, page: number, dpi: number, opts: { thermal?: boolean } = {}): string[] | null {
  try {
    execFileSync('zbarimg', ['--version'], { stdio: 'ignore' });
  } catch {
    return null;
  }
  return withFile(bytes, (file, dir) => {
    // thermal: whole black-or-white dots, as a thermal printer burns them (no grey edges helping the reader).
    const dots = opts.thermal ? ['-aa', 'no', '-aaVector', 'no'] : [];
    execFileSync('pdftoppm', ['-png', ...dots, '-r', String(dpi), '-f', String(page), '-l', String(page), file, join(dir, 'page')]);
    const name = execFileSync('ls', [dir], { encoding: 'utf8' }).split('\n').find((n) => n.endsWith('.png')) as string;
    const out = execFileSync('zbarimg', ['-q', '--raw', join(dir, name)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return out.split('\n').filter(Boolean);
  });
}
