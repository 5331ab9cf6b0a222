/** Polish names of the countries Allegro ships to most (others print as their ISO code). */
const NAMES: Record<string, string> = {
  PL: 'Polska', CZ: 'Czechy', SK: 'Słowacja', HU: 'Węgry', DE: 'Niemcy', LT: 'Litwa', LV: 'Łotwa', EE: 'Estonia',
  AT: 'Austria', SI: 'Słowenia', HR: 'Chorwacja', RO: 'Rumunia', BG: 'Bułgaria', FR: 'Francja', IT: 'Włochy',
  ES: 'Hiszpania', NL: 'Holandia', BE: 'Belgia', IE: 'Irlandia', DK: 'Dania', SE: 'Szwecja', FI: 'Finlandia',
  UA: 'Ukraina', GB: 'Wielka Brytania',
};

const EU = new Set(['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE']);

export function countryName(code: string): string {
  return NAMES[code] ?? code;
}

/** Another EU member state (Poland itself is not "EU" in EDI++'s sense). */
export function isOtherEuCountry(code: string): boolean {
  return code !== 'PL' && EU.has(code);
}
