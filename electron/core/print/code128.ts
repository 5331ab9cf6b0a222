import CODE128AUTO from 'jsbarcode/bin/barcodes/CODE128/CODE128_AUTO.js';

/** Quiet zone each side, in modules: the standard asks for at least 10. */
export const QUIET_ZONE_MODULES = 10;

/**
 * The Code 128 bar pattern of `text` ('1' = bar module, '0' = space), start/checksum/stop included and no
 * quiet zone. jsbarcode's automatic mode switches between code sets B and C, which keeps long digit runs
 * short. Only printable ASCII is accepted: order numbers never need more, and a scanner would not
 * return anything else reliably.
 */
export function code128Modules(text: string): string {
  if (!/^[\x20-\x7e]{1,80}$/.test(text)) {
    throw new RangeError(`Code 128 here takes 1–80 printable ASCII characters, got ${JSON.stringify(text.slice(0, 90))}`);
  }
  const encoder = new CODE128AUTO(text, {});
  if (!encoder.valid()) throw new RangeError(`Cannot encode ${JSON.stringify(text)} in Code 128`);
  return encoder.encode().data;
}

/**
 * An inline SVG of the barcode, `widthMm` wide including the quiet zones. Bars are one <path> of
 * rectangles in module units, so the PDF keeps them as vectors and the printer rasterises them at its own
 * resolution; crispEdges stops anti-aliasing from blurring bar edges.
 */
export function code128Svg(text: string, opts: { widthMm: number; heightMm: number }): string {
  const modules = code128Modules(text);
  const total = modules.length + 2 * QUIET_ZONE_MODULES;
  let path = '';
  let x = 0;
  while (x < modules.length) {
    if (modules[x] === '1') {
      let end = x;
      while (end < modules.length && modules[end] === '1') end++;
      path += `M${x + QUIET_ZONE_MODULES} 0h${end - x}v1h-${end - x}z`;
      x = end;
    } else {
      x++;
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="barcode" role="img" aria-label="Code 128" ` +
    `width="${opts.widthMm}mm" height="${opts.heightMm}mm" viewBox="0 0 ${total} 1" preserveAspectRatio="none" shape-rendering="crispEdges">` +
    `<rect width="${total}" height="1" fill="#fff"/><path d="${path}" fill="#000"/></svg>`
  );
}

/** How many modules the symbol of `text` takes with its quiet zones (to pick a printable width). */
export function code128Width(text: string): number {
  return code128Modules(text).length + 2 * QUIET_ZONE_MODULES;
}
