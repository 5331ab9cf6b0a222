/**
 * Demo buyers. A buyer is a pure function of (seed, index): a repeat buyer is regenerated from its
 * index instead of being kept in memory, which keeps a million-order run's memory flat.
 */
import { nipCheckDigit } from './check-digits';
import { CITIES, COMMON_STREETS, COMPANY_PATTERNS, FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, SURNAMES, surname, type City } from './polish-data';
import { mixSeed, nameSeed, Prng, WeightedTable } from './prng';

export interface DemoCustomer {
  /** customers.id (explicit, = index + 1). */
  id: number;
  allegroBuyerId: string;
  login: string;
  email: string;
  guest: boolean;
  firstName: string;
  lastName: string;
  phone: string;
  city: City;
  zip: string;
  street: string;
  company: { name: string; nip: string } | null;
  /** Which of the city's pickup points this buyer uses. */
  pickupNumber: number;
  pickupStreet: string;
  pickupZip: string;
}

const CUSTOMER_STREAM = nameSeed('customers');
const cityTable = new WeightedTable(CITIES.map((c) => c.weight));

const ASCII: Record<string, string> = { ą: 'a', ć: 'c', ę: 'e', ł: 'l', ń: 'n', ó: 'o', ś: 's', ź: 'z', ż: 'z' };
function ascii(text: string): string {
  return text.toLowerCase().replace(/[ąćęłńóśźż]/g, (ch) => ASCII[ch] ?? ch).replace(/[^a-z0-9]/g, '');
}

const LOGIN_WORDS = ['ogrodnik', 'kuchcik', 'domowa', 'pszczolka', 'lipka', 'zakupy', 'sloneczko', 'majsterkowicz', 'kwiatuszek', 'gosposia'];

function zipCode(rng: Prng, city: City): string {
  const n = rng.int(city.zipFrom, city.zipTo);
  const s = String(n).padStart(5, '0');
  return `${s.slice(0, 2)}-${s.slice(2)}`;
}

function streetAddress(rng: Prng, city: City, withFlat: boolean): string {
  const name = city.streets && rng.chance(0.6) ? rng.pick(city.streets) : rng.pick(COMMON_STREETS);
  const house = `${rng.int(1, 140)}${rng.chance(0.1) ? rng.pick(['A', 'B', 'C']) : ''}`;
  const flat = withFlat ? `/${rng.int(1, 60)}` : '';
  return `${name.startsWith('al. ') ? name : `ul. ${name}`} ${house}${flat}`;
}

export function polishNip(rng: Prng): string {
  for (;;) {
    // Tax office codes start 1–9; a body whose check would be 10 is not a valid NIP, so draw again.
    const body = `${rng.int(1, 9)}${rng.digits(8)}`;
    const check = nipCheckDigit(body);
    if (check !== null) return `${body}${check}`;
  }
}

export function demoCustomer(seed: number, index: number): DemoCustomer {
  const rng = new Prng(mixSeed(seed, CUSTOMER_STREAM, index));
  const female = rng.chance(0.56);
  const firstName = rng.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
  const lastName = surname(rng.pick(SURNAMES), female ? 'f' : 'm');
  const city = CITIES[cityTable.pick(rng)]!;
  const bigCity = city.weight >= 250;
  const guest = rng.chance(0.04);
  const allegroBuyerId = String(30_000_000 + index * 37 + rng.int(0, 36));
  const first = ascii(firstName);
  const last = ascii(lastName);
  const login = guest
    ? `Client:${allegroBuyerId}`
    : rng.weighted<string>([
        [`${first}.${last}`, 3],
        [`${first}_${last}${rng.int(60, 99)}`, 3],
        [`${first}${rng.int(1, 999)}`, 2],
        [`${rng.pick(LOGIN_WORDS)}_${first}`, 2],
        [`${last}-${ascii(city.name)}`, 1],
      ]);
  const mobile = `${rng.pick(['5', '6', '7', '8'])}${rng.digits(8)}`;
  const phone = rng.chance(0.5) ? `+48 ${mobile.slice(0, 3)} ${mobile.slice(3, 6)} ${mobile.slice(6)}` : mobile;
  const company = rng.chance(0.07)
    ? { name: rng.pick(COMPANY_PATTERNS)(surname(rng.pick(SURNAMES), 'm')), nip: polishNip(rng) }
    : null;
  return {
    id: index + 1,
    allegroBuyerId,
    login,
    // Allegro hands sellers a masked relay address, never the buyer's own.
    email: `${rng.alnum(10)}+${rng.hex(8)}@allegromail.pl`,
    guest,
    firstName,
    lastName,
    phone,
    city,
    zip: zipCode(rng, city),
    street: streetAddress(rng, city, bigCity && rng.chance(0.7)),
    company,
    pickupNumber: rng.int(1, bigCity ? 300 : 40),
    pickupStreet: streetAddress(rng, city, false),
    pickupZip: zipCode(rng, city),
  };
}
