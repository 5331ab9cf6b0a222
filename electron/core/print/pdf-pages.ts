/**
 * Pages in a PDF Chromium wrote: the page tree root's `/Count`. Chromium writes one page tree with the
 * total in its root, uncompressed, so reading the largest `/Type /Pages … /Count n` is exact for our own
 * documents (it is not a general PDF parser). Returns null when it cannot tell.
 */
export function countPdfPages(pdf: Uint8Array): number | null {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  let best: number | null = null;
  for (const m of text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)) {
    const n = Number(m[1] ?? m[2]);
    if (best === null || n > best) best = n;
  }
  return best;
}
