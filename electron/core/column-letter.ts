/**
 * Spreadsheet column letter of a 0-based index: 0 → A, 25 → Z, 26 → AA. Imports name the column a
 * problem is in by it; the XLSX writer addresses its cells with it.
 */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
