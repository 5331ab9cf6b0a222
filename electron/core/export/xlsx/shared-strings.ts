import { cellText, needsPreserve } from './xml-text';
import { ZipPart } from './zip-writer';

/**
 * The workbook's shared string table (xl/sharedStrings.xml), for short texts that repeat on most rows —
 * "sprzedaż", "PA", "23%", "PLN", a payment method. A cell then holds the string's index (`t="s"`), a
 * third of the bytes of an inline string, which matters when a sheet has ~200k rows: every byte is
 * built, encoded, checksummed and deflated. Indexes follow first use, so output stays deterministic.
 * Unique texts (names, order numbers) stay inline: a table of them would only cost a lookup each.
 */
export class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly items: string[] = [];
  private references = 0;

  /** The index of the text (added on first use). */
  indexOf(text: string): number {
    this.references++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.items.length;
      this.index.set(text, i);
      this.items.push(needsPreserve(text) ? `<si><t xml:space="preserve">${cellText(text)}</t></si>` : `<si><t>${cellText(text)}</t></si>`);
    }
    return i;
  }

  get size(): number {
    return this.items.length;
  }

  toPart(): ZipPart {
    const part = new ZipPart();
    void part.pushText(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.references}" uniqueCount="${this.items.length}">` +
        `${this.items.join('')}</sst>`,
    );
    return part;
  }
}
