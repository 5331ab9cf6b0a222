/**
 * An independent Code 128 reader for the tests: the symbol widths below are typed from the standard
 * (ISO/IEC 15417 table), not taken from jsbarcode, so reading the printed bars back checks the encoder
 * rather than agreeing with it. Input: the bar/space run widths of one scan line through the symbol.
 */
const PATTERNS = [
  '212222', '222122', '222221', '121223', '121322', '131222', '122213', '122312', '132212', '221213',
  '221312', '231212', '112232', '122132', '122231', '113222', '123122', '123221', '223211', '221132',
  '221231', '213212', '223112', '312131', '311222', '321122', '321221', '312212', '322112', '322211',
  '212123', '212321', '232121', '111323', '131123', '131321', '112313', '132113', '132311', '211313',
  '231113', '231311', '112133', '112331', '132131', '113123', '113321', '133121', '313121', '211331',
  '231131', '213113', '213311', '213131', '311123', '311321', '331121', '312113', '312311', '332111',
  '314111', '221411', '431111', '111224', '111422', '121124', '121421', '141122', '141221', '112214',
  '112412', '122114', '122411', '142112', '142211', '241211', '221114', '413111', '241112', '134111',
  '111242', '121142', '121241', '114212', '124112', '124211', '411212', '421112', '421211', '212141',
  '214121', '412121', '111143', '111341', '131141', '114113', '114311', '411113', '411311', '113141',
  '114131', '311141', '411131', '211412', '211214', '211232',
];
const STOP = '2331112';

/** Widths (any unit) of alternating bar/space runs, first run a bar, to symbol values. */
function symbols(runs: number[]): number[] {
  const values: number[] = [];
  let i = 0;
  while (i + 6 <= runs.length) {
    const group = runs.slice(i, i + (runs.length - i === 7 ? 7 : 6));
    const total = group.reduce((a, b) => a + b, 0);
    const modules = group.length === 7 ? 13 : 11;
    const pattern = group.map((w) => Math.max(1, Math.min(4, Math.round((w * modules) / total)))).join('');
    if (group.length === 7) {
      if (pattern !== STOP) throw new Error(`expected the stop pattern, read ${pattern}`);
      return values;
    }
    const value = PATTERNS.indexOf(pattern);
    if (value < 0) throw new Error(`unknown Code 128 pattern ${pattern} at run ${i}`);
    values.push(value);
    i += 6;
  }
  throw new Error('no stop pattern');
}

/** Decodes run widths to the text, checking the start code and the checksum. */
export function decodeCode128Runs(runs: number[]): string {
  const values = symbols(runs);
  const [start, ...rest] = values;
  if (start === undefined || start < 103 || start > 105) throw new Error(`no start code (read ${start})`);
  const check = rest.pop();
  const sum = rest.reduce((acc, v, i) => acc + v * (i + 1), start);
  if (sum % 103 !== check) throw new Error(`checksum mismatch: ${sum % 103} ≠ ${check}`);
  let set: 'A' | 'B' | 'C' = start === 103 ? 'A' : start === 104 ? 'B' : 'C';
  let shift = false;
  let text = '';
  for (const v of rest) {
    const current = shift ? (set === 'A' ? 'B' : 'A') : set;
    shift = false;
    if (current === 'C') {
      if (v < 100) text += String(v).padStart(2, '0');
      else if (v === 100) set = 'B';
      else if (v === 101) set = 'A';
      else throw new Error(`unexpected value ${v} in code set C`);
      continue;
    }
    if (v < 96) text += String.fromCharCode(current === 'B' ? v + 32 : v < 64 ? v + 32 : v - 64);
    else if (v === 98) shift = true;
    else if (v === 99) set = 'C';
    else if (v === 100 && current === 'A') set = 'B';
    else if (v === 101 && current === 'B') set = 'A';
    else throw new Error(`unsupported function value ${v}`);
  }
  return text;
}

/**
 * Finds a barcode on a raster page and reads it: scans rows from the top for one with many dark/light
 * transitions, takes the runs between the first and last dark pixel, and decodes them.
 */
export function readBarcodeFromRaster(img: { width: number; height: number; pixels: Uint8Array }): string {
  let lastError: unknown = new Error('no barcode-like row found');
  for (let y = 0; y < img.height; y += 2) {
    const row = img.pixels.subarray(y * img.width, (y + 1) * img.width);
    let transitions = 0;
    for (let x = 1; x < img.width; x++) if (row[x - 1]! < 128 !== row[x]! < 128) transitions++;
    if (transitions < 30) continue; // even a short symbol (start, 4 characters, check, stop) has 40+
    const runs: number[] = [];
    let x = row.findIndex((p) => p < 128);
    let dark = true;
    let start = x;
    for (; x <= img.width; x++) {
      const isDark = x < img.width && row[x]! < 128;
      if (isDark !== dark) {
        runs.push(x - start);
        start = x;
        dark = isDark;
      }
    }
    while (runs.length % 2 === 0 && runs.length > 0) runs.pop(); // drop the trailing light run
    try {
      return decodeCode128Runs(runs);
    } catch (error) {
      lastError = error; // a row through text, not bars: keep looking
    }
  }
  throw lastError;
}
