/**
 * jsbarcode's Code 128 encoder class (no DOM needed: `encode()` only computes the bar pattern).
 * The package's own typings cover only the DOM-drawing entry point.
 */
declare module 'jsbarcode/bin/barcodes/CODE128/CODE128_AUTO.js' {
  export default class CODE128AUTO {
    constructor(data: string, options: Record<string, unknown>);
    valid(): boolean;
    /** `data`: one character per module, '1' = bar, '0' = space (start, data, checksum and stop included). */
    encode(): { text: string; data: string };
  }
}
