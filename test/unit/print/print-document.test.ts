import { describe, expect, it } from 'vitest';
import { printDocument, splitPrintDocument } from '../../../electron/core/print/print-document';
import { embeddedFontCss } from '../../../electron/core/print/print-fonts';

describe('splitPrintDocument', () => {
  const html = printDocument({ title: 'Lista <kompletacji>', format: 'label', css: '.x { color: red; }', sections: ['<section class="sheet">Zażółć</section>', '<section class="sheet">gęślą</section>'], pageNumbers: true, lang: 'en' });

  it('gives back the language, the head without the fonts and the body of a printDocument', () => {
    const parts = splitPrintDocument(html);
    expect(parts).not.toBeNull();
    expect(parts!.lang).toBe('en');
    expect(parts!.head).not.toContain('@font-face');
    expect(parts!.head).toContain('<title>Lista kompletacji></title>');
    expect(parts!.head).toContain('.x { color: red; }');
    expect(parts!.head).toContain('@page { size: 100mm 150mm; margin: 4mm; }');
    expect(parts!.head).toMatch(/^<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy"[^>]*>\n<title>[^<]*<\/title>\n<style>\n[\s\S]*<\/style>$/);
    expect(parts!.body).toBe('\n<section class="sheet">Zażółć</section>\n<section class="sheet">gęślą</section>\n');
    // Nothing lost but the fonts: put back together, it is the document again.
    const fonts = `<style>\n${embeddedFontCss()}\n`;
    const rebuilt = `<!doctype html>\n<html lang="${parts!.lang}"><head>${parts!.head.replace('<style>\n', fonts)}</head><body>${parts!.body}</body></html>`;
    expect(rebuilt).toBe(html);
  });

  it('leaves any other HTML whole (null)', () => {
    expect(splitPrintDocument('<!doctype html><p>x</p>')).toBeNull();
    expect(splitPrintDocument(html.replace(embeddedFontCss(), ''))).toBeNull();
    expect(splitPrintDocument(html.replace('</body></html>', '</body></html>\n<p>po</p>'))).toBeNull();
    expect(splitPrintDocument(html, 'other fonts')).toBeNull();
  });
});
