/**
 * The demo shop's goods: "Pod Lipą" sells home, kitchen and garden things (plus a little honey and tea
 * from its namesake lime trees). Names are built from templates × variants × colours, so 200 products
 * read like a real assortment and 100,000 still look plausible. Prices are integer grosze.
 */
import { ean13CheckDigit } from './check-digits';
import { type Prng, WeightedTable } from './prng';

type Vat = '23' | '8' | '5';

interface Template {
  category: 'KUCH' | 'DOM' | 'OGR' | 'SPIZ';
  base: string;
  variants: readonly string[];
  colours?: boolean;
  unit?: string;
  vat?: Vat;
  /** Purchase price range of the smallest and the largest variant, in whole złoty. */
  cost: readonly [number, number];
  supplier: number;
}

export const SUPPLIERS = [
  { name: 'Hurtownia Kuchenna Garnuszek', docPrefix: 'WZ', ean: '0412', leadDays: 3, deliveryDays: [2, 4] },
  { name: 'Dom i Wnętrze sp. z o.o.', docPrefix: 'WZ', ean: '1187', leadDays: 5, deliveryDays: [1, 3] },
  { name: 'Tekstylia Łódzkie s.c.', docPrefix: 'WZ', ean: '2260', leadDays: 7, deliveryDays: [3] },
  { name: 'Zielony Ogród Hurt', docPrefix: 'PZ', ean: '3051', leadDays: 4, deliveryDays: [1, 4] },
  { name: 'Narzędziownia Małopolska', docPrefix: 'WZ', ean: '4729', leadDays: 6, deliveryDays: [2] },
  { name: 'Nasiona i Nawozy Agro-Sad', docPrefix: 'WZ', ean: '5318', leadDays: 10, deliveryDays: [5] },
  { name: 'Pasieka Lipowy Dwór', docPrefix: 'FV', ean: '6644', leadDays: 2, deliveryDays: [2, 5] },
  { name: 'Szkło i Ceramika Bolek', docPrefix: 'WZ', ean: '7093', leadDays: 12, deliveryDays: [4] },
] as const;

/**
 * The category each SKU prefix stands for, as the owner would name it in Magazyn (a campaign can be
 * planned for a whole category). Written with the product; draws nothing from the generator, so every
 * other demo number stays as it was.
 */
export const CATEGORY_NAMES: Record<Template['category'], string> = { KUCH: 'Kuchnia', DOM: 'Dom i tekstylia', OGR: 'Ogród', SPIZ: 'Miód i herbata' };

/** 'KUCH-0001' → 'Kuchnia'; null for a SKU of no demo category. */
export function demoCategory(sku: string): string | null {
  const prefix = sku.split('-')[0] as Template['category'];
  return Object.hasOwn(CATEGORY_NAMES, prefix) ? CATEGORY_NAMES[prefix] : null;
}

const T = (
  category: Template['category'],
  base: string,
  variants: readonly string[],
  cost: readonly [number, number],
  supplier: number,
  extra: Partial<Pick<Template, 'colours' | 'unit' | 'vat'>> = {},
): Template => ({ category, base, variants, cost, supplier, ...extra });

const TEMPLATES: readonly Template[] = [
  T('KUCH', 'Garnek stalowy z pokrywką', ['2 l', '3 l', '5 l', '7 l'], [32, 85], 0),
  T('KUCH', 'Patelnia granitowa', ['20 cm', '24 cm', '28 cm', '32 cm'], [28, 70], 0),
  T('KUCH', 'Patelnia żeliwna', ['24 cm', '28 cm'], [55, 80], 0),
  T('KUCH', 'Rondel emaliowany', ['1,5 l', '2 l'], [24, 32], 0, { colours: true }),
  T('KUCH', 'Czajnik stalowy z gwizdkiem', ['2,5 l', '3 l'], [30, 42], 0),
  T('KUCH', 'Deska do krojenia bambusowa', ['30×20 cm', '40×30 cm', '50×35 cm'], [9, 24], 0),
  T('KUCH', 'Zestaw noży kuchennych w bloku', ['5 el.', '8 el.'], [65, 120], 0, { unit: 'kpl.' }),
  T('KUCH', 'Nóż szefa kuchni', ['20 cm'], [22, 22], 0),
  T('KUCH', 'Pojemnik szklany na żywność z pokrywką', ['0,4 l', '0,8 l', '1,5 l'], [7, 15], 7),
  T('KUCH', 'Słoiki z zakrętką, 6 szt.', ['0,5 l', '0,9 l'], [12, 18], 7, { unit: 'opak.' }),
  T('KUCH', 'Kubek ceramiczny', ['300 ml', '400 ml'], [7, 10], 7, { colours: true }),
  T('KUCH', 'Zestaw talerzy porcelanowych', ['12 el.', '18 el.'], [70, 110], 7, { unit: 'kpl.' }),
  T('KUCH', 'Młynek do pieprzu drewniany', ['15 cm', '22 cm'], [12, 18], 0),
  T('KUCH', 'Tarka czterostronna', ['23 cm'], [9, 9], 0),
  T('KUCH', 'Durszlak stalowy', ['20 cm', '24 cm'], [10, 14], 0),
  T('KUCH', 'Forma do pieczenia keksówka', ['25 cm', '30 cm'], [9, 12], 0),
  T('KUCH', 'Tortownica z kominem', ['24 cm', '26 cm'], [18, 22], 0),
  T('KUCH', 'Wałek do ciasta bukowy', ['40 cm'], [8, 8], 0),
  T('KUCH', 'Fartuch kuchenny lniany', ['uniwersalny'], [16, 16], 2, { colours: true }),
  T('KUCH', 'Ściereczki z mikrofibry, 5 szt.', ['30×30 cm'], [6, 6], 2, { unit: 'opak.' }),
  T('KUCH', 'Rękawica kuchenna silikonowa', ['30 cm'], [7, 7], 0, { colours: true }),
  T('KUCH', 'Dzbanek filtrujący', ['2,4 l', '3,5 l'], [28, 38], 0),
  T('KUCH', 'Termos stalowy', ['0,5 l', '1 l'], [25, 38], 0, { colours: true }),
  T('KUCH', 'Chlebak drewniany', ['duży', 'mały'], [45, 60], 1),
  T('KUCH', 'Miska do sałatek szklana', ['20 cm', '24 cm'], [12, 16], 7),
  T('KUCH', 'Zestaw przyborów kuchennych silikonowych', ['6 el.', '11 el.'], [25, 45], 0, { unit: 'kpl.', colours: true }),
  T('KUCH', 'Karafka szklana z korkiem', ['1 l'], [14, 14], 7),
  T('SPIZ', 'Miód lipowy', ['400 g', '900 g'], [18, 36], 6, { vat: '5' }),
  T('SPIZ', 'Miód wielokwiatowy', ['400 g', '900 g'], [15, 30], 6, { vat: '5' }),
  T('SPIZ', 'Miód gryczany', ['400 g'], [19, 19], 6, { vat: '5' }),
  T('SPIZ', 'Herbata z kwiatu lipy', ['50 g', '100 g'], [5, 9], 6, { vat: '5' }),
  T('SPIZ', 'Konfitura wiśniowa', ['280 g'], [9, 9], 6, { vat: '5' }),
  T('SPIZ', 'Zioła prowansalskie suszone', ['30 g', '100 g'], [4, 10], 6, { vat: '5' }),
  T('DOM', 'Poduszka dekoracyjna lniana', ['40×40 cm', '45×45 cm', '50×50 cm'], [18, 28], 2, { colours: true }),
  T('DOM', 'Koc bawełniany', ['130×170 cm', '150×200 cm'], [45, 70], 2, { colours: true }),
  T('DOM', 'Ręcznik kąpielowy bawełniany', ['50×90 cm', '70×140 cm'], [12, 24], 2, { colours: true }),
  T('DOM', 'Pościel satynowa', ['160×200 cm', '200×220 cm'], [75, 110], 2, { unit: 'kpl.', colours: true }),
  T('DOM', 'Świeca sojowa w szkle', ['lawenda', 'wanilia', 'kwiat lipy', 'drzewo sandałowe'], [14, 14], 1),
  T('DOM', 'Kosz wiklinowy z uchwytami', ['S', 'M', 'L'], [22, 45], 1),
  T('DOM', 'Lampka nocna LED z ładowaniem USB', ['drewniana podstawa'], [30, 30], 1),
  T('DOM', 'Wieszaki drewniane, 10 szt.', ['44 cm'], [15, 15], 1, { unit: 'opak.' }),
  T('DOM', 'Zasłona zaciemniająca', ['140×250 cm', '140×270 cm'], [35, 42], 2, { colours: true }),
  T('DOM', 'Dywanik łazienkowy', ['50×80 cm', '60×100 cm'], [16, 24], 2, { colours: true }),
  T('DOM', 'Organizer do szuflady bambusowy', ['3 przegródki', '6 przegródek'], [18, 30], 1),
  T('DOM', 'Pudełko do przechowywania z pokrywą', ['15 l', '30 l', '50 l'], [14, 32], 1),
  T('DOM', 'Lustro ścienne okrągłe', ['50 cm', '60 cm', '80 cm'], [60, 140], 1),
  T('DOM', 'Zegar ścienny drewniany', ['30 cm', '40 cm'], [38, 55], 1),
  T('DOM', 'Ramka na zdjęcia', ['13×18 cm', '21×30 cm', '30×40 cm'], [6, 16], 7, { colours: true }),
  T('DOM', 'Wazon szklany', ['20 cm', '30 cm'], [15, 28], 7),
  T('DOM', 'Obrus plamoodporny', ['140×180 cm', '140×220 cm'], [28, 36], 2, { colours: true }),
  T('DOM', 'Kapcie filcowe', ['rozm. 38', 'rozm. 40', 'rozm. 42', 'rozm. 44'], [20, 20], 2, { unit: 'para' }),
  T('DOM', 'Mop obrotowy z wiadrem', ['zestaw'], [55, 55], 1, { unit: 'kpl.' }),
  T('DOM', 'Suszarka na pranie stojąca', ['18 m', '20 m'], [60, 75], 1),
  T('DOM', 'Dozownik do mydła ceramiczny', ['300 ml'], [12, 12], 7, { colours: true }),
  T('OGR', 'Sekator nożycowy', ['20 cm'], [26, 26], 4),
  T('OGR', 'Sekator kowadełkowy', ['21 cm'], [29, 29], 4),
  T('OGR', 'Nożyce do żywopłotu', ['55 cm', '65 cm'], [40, 55], 4),
  T('OGR', 'Konewka ogrodowa', ['5 l', '10 l'], [12, 22], 3, { colours: true }),
  T('OGR', 'Wąż ogrodowy 1/2"', ['15 m', '25 m', '50 m'], [35, 95], 3),
  T('OGR', 'Zraszacz wahadłowy', ['16 dysz'], [22, 22], 3),
  T('OGR', 'Pistolet zraszający 7 funkcji', ['metalowy'], [18, 18], 3),
  T('OGR', 'Doniczka ceramiczna', ['14 cm', '20 cm', '30 cm'], [8, 38], 7, { colours: true }),
  T('OGR', 'Skrzynka balkonowa', ['60 cm', '80 cm'], [9, 13], 3, { colours: true }),
  T('OGR', 'Nasiona trawy uniwersalnej', ['1 kg', '5 kg'], [18, 75], 5, { vat: '8' }),
  T('OGR', 'Nasiona pomidora malinowego', ['0,5 g'], [2, 2], 5, { vat: '8', unit: 'opak.' }),
  T('OGR', 'Nasiona bazylii', ['1 g'], [2, 2], 5, { vat: '8', unit: 'opak.' }),
  T('OGR', 'Cebulki tulipanów, mieszanka 20 szt.', ['kolorowe', 'białe'], [16, 16], 5, { vat: '8', unit: 'opak.' }),
  T('OGR', 'Nawóz do pomidorów', ['1 l'], [11, 11], 5, { vat: '8' }),
  T('OGR', 'Nawóz uniwersalny granulowany', ['3 kg', '10 kg'], [22, 58], 5, { vat: '8' }),
  T('OGR', 'Ziemia uniwersalna', ['20 l', '50 l'], [7, 15], 3, { vat: '8' }),
  T('OGR', 'Kora sosnowa', ['50 l', '80 l'], [14, 21], 3, { vat: '8' }),
  T('OGR', 'Rękawice ogrodowe', ['rozm. M', 'rozm. L', 'rozm. XL'], [6, 6], 4, { unit: 'para' }),
  T('OGR', 'Grabie metalowe 16 zębów', ['z trzonkiem'], [24, 24], 4),
  T('OGR', 'Szpadel ostry z trzonkiem', ['130 cm'], [38, 38], 4),
  T('OGR', 'Motyka ogrodowa', ['z trzonkiem'], [22, 22], 4),
  T('OGR', 'Taczka ogrodowa', ['80 l', '100 l'], [120, 160], 4),
  T('OGR', 'Karmnik dla ptaków drewniany', ['z daszkiem', 'wiszący'], [28, 34], 3),
  T('OGR', 'Budka lęgowa dla sikorek', ['otwór 28 mm'], [18, 18], 3),
  T('OGR', 'Lampy solarne ogrodowe LED, 6 szt.', ['stal', 'czarne'], [35, 40], 3, { unit: 'opak.' }),
  T('OGR', 'Girlanda świetlna ogrodowa', ['10 m', '20 m'], [45, 80], 3),
  T('OGR', 'Hamak bawełniany', ['200×100 cm'], [55, 55], 3, { colours: true }),
  T('OGR', 'Leżak drewniany składany', ['z podłokietnikami'], [90, 90], 3),
  T('OGR', 'Parasol ogrodowy', ['2,7 m', '3 m'], [95, 140], 3, { colours: true }),
  T('OGR', 'Grill węglowy kociołek', ['47 cm', '57 cm'], [110, 180], 4),
  T('OGR', 'Węgiel drzewny', ['2,5 kg', '5 kg'], [8, 14], 3),
  T('OGR', 'Kompostownik', ['300 l', '600 l'], [85, 140], 3),
];

const COLOURS = ['biały', 'szary', 'grafitowy', 'beżowy', 'butelkowa zieleń', 'musztardowy', 'granatowy', 'miętowy', 'terakota', 'czarny'];

const CATEGORY_WEIGHT: Record<Template['category'], number> = { KUCH: 40, DOM: 30, OGR: 26, SPIZ: 4 };

/** Everything the generator needs about one product, in parallel arrays (100k products stay compact). */
export interface Catalog {
  count: number;
  sku: string[];
  name: string[];
  ean: string[];
  unit: string[];
  vat: Vat[];
  purchaseGrosze: Int32Array;
  saleGrosze: Int32Array;
  supplier: Uint8Array;
  leadDays: Uint8Array;
  /** Relative demand; the generator turns it into expected units per day. */
  popularity: Float64Array;
  /** Goods the shop stopped buying: they sell out and stay out (the "out of stock" filter has rows). */
  discontinued: Uint8Array;
}

/** Rounds a grosze amount up to a price ending in ,99 zł (the way shops price). */
function endsIn99(grosze: number): number {
  return Math.max(99, Math.ceil((grosze + 1) / 100) * 100 - 1);
}

export function buildCatalog(rng: Prng, count: number): Catalog {
  // Every distinct name the templates can make, in a seeded order.
  const combos: Array<{ t: Template; v: number; colour: string | null }> = [];
  for (const t of TEMPLATES) {
    for (let v = 0; v < t.variants.length; v++) {
      if (t.colours) for (const colour of COLOURS) combos.push({ t, v, colour });
      else combos.push({ t, v, colour: null });
    }
  }
  // Spread the categories the way the shop's assortment is: kitchen first, then home and garden.
  const comboWeights = combos.map((c) => CATEGORY_WEIGHT[c.t.category] / (c.colour ? 4 : 1) * (0.5 + rng.next()));
  const order: number[] = [];
  const used = new Uint8Array(combos.length);
  const table = new WeightedTable(comboWeights);
  // Distinct names first (a 200-product shop has no duplicates), then "seria N" variants for huge catalogs.
  while (order.length < Math.min(count, combos.length)) {
    const i = table.pick(rng);
    if (!used[i]) {
      used[i] = 1;
      order.push(i);
    } else if (order.length > combos.length * 0.8) {
      // The last few unused combos are rare under the weights: take them in turn.
      const next = used.indexOf(0);
      used[next] = 1;
      order.push(next);
    }
  }
  const catalog: Catalog = {
    count,
    sku: new Array<string>(count),
    name: new Array<string>(count),
    ean: new Array<string>(count),
    unit: new Array<string>(count),
    vat: new Array<Vat>(count),
    purchaseGrosze: new Int32Array(count),
    saleGrosze: new Int32Array(count),
    supplier: new Uint8Array(count),
    leadDays: new Uint8Array(count),
    popularity: new Float64Array(count),
    discontinued: new Uint8Array(count),
  };
  const skuWidth = Math.max(4, String(count).length);
  const skuCounters: Record<string, number> = {};
  const eanCounters = new Array<number>(SUPPLIERS.length).fill(0);
  for (let i = 0; i < count; i++) {
    const combo = combos[i < order.length ? (order[i] as number) : table.pick(rng)]!;
    const { t, v, colour } = combo;
    const series = i < combos.length ? '' : ` – seria ${Math.floor(i / combos.length) + 1}`;
    const name = `${t.base} ${t.variants[v]}${colour ? `, ${colour}` : ''}${series}`;
    const seq = (skuCounters[t.category] = (skuCounters[t.category] ?? 0) + 1);
    catalog.sku[i] = `${t.category}-${String(seq).padStart(skuWidth, '0')}`;
    catalog.name[i] = name;
    catalog.unit[i] = t.unit ?? 'szt.';
    catalog.vat[i] = t.vat ?? '23';
    // EAN-13: 590 (GS1 Poland) + the supplier's company number + item number + check digit. A supplier
    // with more than 100,000 items moves on to its next company number (huge benchmark catalogs only).
    const supplier = SUPPLIERS[t.supplier]!;
    const item = eanCounters[t.supplier]!;
    eanCounters[t.supplier] = item + 1;
    const company = (Number(supplier.ean) + Math.floor(item / 100_000) * 10) % 10_000;
    const body = `590${String(company).padStart(4, '0')}${String(item % 100_000).padStart(5, '0')}`;
    catalog.ean[i] = `${body}${ean13CheckDigit(body)}`;
    const [lo, hi] = t.cost;
    const span = t.variants.length > 1 ? v / (t.variants.length - 1) : 0;
    // Whole-złoty cost from the range, ±10 %, then grosze as integers.
    const costZl = lo + (hi - lo) * span;
    const purchase = Math.max(150, Math.round(costZl * (90 + rng.int(0, 20))) + rng.int(0, 99));
    catalog.purchaseGrosze[i] = purchase;
    // Margin 65 %–125 % on cost, in permille so the arithmetic stays integral.
    catalog.saleGrosze[i] = endsIn99(Math.floor((purchase * rng.int(1650, 2250)) / 1000));
    catalog.supplier[i] = t.supplier;
    catalog.leadDays[i] = Math.max(1, supplier.leadDays + rng.int(-1, 3));
    // Log-normal demand: a few best sellers, a long tail of slow movers.
    catalog.popularity[i] = Math.exp(rng.normal() * 0.9) * (catalog.saleGrosze[i]! > 20_000 ? 0.4 : 1);
    catalog.discontinued[i] = rng.chance(0.04) ? 1 : 0;
  }
  return catalog;
}
