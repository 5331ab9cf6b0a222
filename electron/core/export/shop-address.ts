/**
 * The shop's address from the free-text setting ("ul. Lipowa 1\n11-222 Lipowo", or one line with commas):
 * the line with a Polish postal code gives the code and city, the first other line the street.
 */
export function splitShopAddress(address: string): { street: string; zip: string; city: string } {
  const parts = address.split(/\r?\n|,/).map((p) => p.trim()).filter(Boolean);
  let zip = '';
  let city = '';
  let street = '';
  for (const part of parts) {
    const m = /^(\d{2}-\d{3})\s+(.+)$/.exec(part);
    if (m && !zip) {
      zip = m[1] as string;
      city = m[2] as string;
    } else if (!street) {
      street = part;
    }
  }
  return { street, zip, city };
}
