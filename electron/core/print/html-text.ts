/**
 * Escaping for text placed into print templates. Every value that comes from an order (buyer names,
 * messages, addresses — all typed by strangers on Allegro) goes through `esc`, so a name such as
 * `<img src=x onerror=…>` prints as those characters and never becomes markup.
 */
export function esc(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Escaped text with line breaks kept (buyer's messages, the shop address, the return instruction). */
export function escLines(value: string | null | undefined): string {
  if (!value) return '';
  return value
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => esc(line))
    .join('<br>');
}
