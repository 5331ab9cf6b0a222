/**
 * Word lists for the demo shop's people and places. Names are common Polish first names and surnames,
 * combined at random, so every buyer is invented; cities are real, with postcodes inside each city's
 * real range and streets whose names exist in that city (or in nearly every Polish town).
 */

export const FEMALE_FIRST_NAMES = [
  'Anna', 'Maria', 'Katarzyna', 'Małgorzata', 'Agnieszka', 'Barbara', 'Ewa', 'Krystyna', 'Magdalena', 'Elżbieta',
  'Joanna', 'Aleksandra', 'Monika', 'Zofia', 'Teresa', 'Danuta', 'Natalia', 'Julia', 'Karolina', 'Marta', 'Beata',
  'Dorota', 'Halina', 'Jadwiga', 'Janina', 'Alicja', 'Iwona', 'Paulina', 'Justyna', 'Weronika', 'Ewelina', 'Renata',
  'Sylwia', 'Agata', 'Hanna', 'Grażyna', 'Wiktoria', 'Patrycja', 'Izabela', 'Dominika', 'Kinga', 'Oliwia', 'Emilia',
] as const;

export const MALE_FIRST_NAMES = [
  'Piotr', 'Krzysztof', 'Andrzej', 'Tomasz', 'Jan', 'Paweł', 'Michał', 'Marcin', 'Stanisław', 'Jakub', 'Adam', 'Marek',
  'Łukasz', 'Grzegorz', 'Mateusz', 'Wojciech', 'Mariusz', 'Dariusz', 'Zbigniew', 'Jerzy', 'Maciej', 'Rafał', 'Kamil',
  'Józef', 'Robert', 'Kacper', 'Szymon', 'Bartosz', 'Sebastian', 'Damian', 'Janusz', 'Tadeusz', 'Ryszard', 'Henryk',
  'Artur', 'Przemysław', 'Dawid', 'Filip', 'Wiktor', 'Hubert', 'Antoni', 'Karol',
] as const;

/** Surnames in their masculine form; `surname(…, 'f')` makes the feminine one (-ski → -ska, -ny → -na). */
export const SURNAMES = [
  'Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kowalczyk', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymański',
  'Woźniak', 'Dąbrowski', 'Kozłowski', 'Jankowski', 'Mazur', 'Wojciechowski', 'Kwiatkowski', 'Krawczyk', 'Kaczmarek',
  'Piotrowski', 'Grabowski', 'Zając', 'Pawłowski', 'Michalski', 'Król', 'Wieczorek', 'Jabłoński', 'Wróbel',
  'Nowakowski', 'Majewski', 'Olszewski', 'Stępień', 'Malinowski', 'Jaworski', 'Adamczyk', 'Dudek', 'Nowicki', 'Pawlak',
  'Górski', 'Witkowski', 'Walczak', 'Sikora', 'Baran', 'Rutkowski', 'Michalak', 'Szewczyk', 'Ostrowski', 'Tomaszewski',
  'Pietrzak', 'Zalewski', 'Wróblewski', 'Marciniak', 'Jasiński', 'Zawadzki', 'Bąk', 'Jakubowski', 'Sadowski', 'Duda',
  'Włodarczyk', 'Wilk', 'Chmielewski', 'Borkowski', 'Sokołowski', 'Szczepański', 'Sawicki', 'Lis', 'Kucharski',
  'Mazurek', 'Kubiak', 'Kalinowski', 'Wysocki', 'Kołodziej', 'Czarnecki', 'Kaczmarczyk', 'Urbański', 'Sobczak',
  'Konieczny', 'Głowacki', 'Zakrzewski', 'Krajewski', 'Krupa', 'Adamski',
] as const;

export function surname(masculine: string, gender: 'f' | 'm'): string {
  if (gender === 'm') return masculine;
  if (/(ski|cki|dzki)$/.test(masculine)) return `${masculine.slice(0, -1)}a`;
  if (masculine.endsWith('ny')) return `${masculine.slice(0, -1)}a`;
  return masculine;
}

export interface City {
  name: string;
  /** Relative weight (about the population in thousands): buyers come mostly from big cities. */
  weight: number;
  /** The city's postcode range as 5-digit numbers (00-001 → 1). */
  zipFrom: number;
  zipTo: number;
  /** The 3-letter prefix InPost uses for the city's parcel lockers (KRA01M). */
  lockerCode: string;
  /** Streets typical of this city, used besides the common ones. */
  streets?: readonly string[];
}

export const CITIES: readonly City[] = [
  { name: 'Warszawa', weight: 1860, zipFrom: 1, zipTo: 4999, lockerCode: 'WAW', streets: ['Marszałkowska', 'Puławska', 'Grochowska', 'Grójecka', 'Górczewska', 'Wołoska', 'Targowa', 'Koszykowa', 'Świętokrzyska', 'Ostrobramska', 'Radzymińska', 'Modlińska', 'al. Jerozolimskie', 'al. Niepodległości'] },
  { name: 'Kraków', weight: 800, zipFrom: 30001, zipTo: 31999, lockerCode: 'KRA', streets: ['Karmelicka', 'Dietla', 'Starowiślna', 'Zakopiańska', 'Kalwaryjska', 'Wielicka', 'Czarnowiejska', 'Królewska', 'Lea', 'Bronowicka', 'Mogilska', 'Pachońskiego', 'al. Pokoju'] },
  { name: 'Wrocław', weight: 670, zipFrom: 50001, zipTo: 54999, lockerCode: 'WRO', streets: ['Legnicka', 'Świdnicka', 'Ślężna', 'Powstańców Śląskich', 'Grabiszyńska', 'Krzycka', 'Kazimierza Wielkiego', 'Na Ostatnim Groszu'] },
  { name: 'Łódź', weight: 660, zipFrom: 90001, zipTo: 94999, lockerCode: 'LOD', streets: ['Piotrkowska', 'Zgierska', 'Kopcińskiego', 'Narutowicza', 'Rzgowska', 'Pabianicka', 'Retkińska', 'al. Kościuszki'] },
  { name: 'Poznań', weight: 540, zipFrom: 60001, zipTo: 61999, lockerCode: 'POZ', streets: ['Głogowska', 'Grunwaldzka', 'Dąbrowskiego', 'Garbary', 'Hetmańska', 'Bukowska', 'Święty Marcin'] },
  { name: 'Gdańsk', weight: 485, zipFrom: 80001, zipTo: 80999, lockerCode: 'GDA', streets: ['Grunwaldzka', 'Kartuska', 'Piastowska', 'Chłopska', 'Jana z Kolna', 'Łostowicka'] },
  { name: 'Szczecin', weight: 390, zipFrom: 70001, zipTo: 71999, lockerCode: 'SZC', streets: ['Wojska Polskiego', 'Krzywoustego', 'Niemierzyńska', 'Ku Słońcu', 'al. Bohaterów Warszawy'] },
  { name: 'Bydgoszcz', weight: 330, zipFrom: 85001, zipTo: 85999, lockerCode: 'BYD', streets: ['Gdańska', 'Fordońska', 'Nakielska', 'Szubińska', 'Toruńska'] },
  { name: 'Lublin', weight: 330, zipFrom: 20001, zipTo: 20999, lockerCode: 'LUB', streets: ['Krakowskie Przedmieście', 'Zana', 'Nadbystrzycka', 'Lipowa', 'Narutowicza'] },
  { name: 'Białystok', weight: 295, zipFrom: 15001, zipTo: 15999, lockerCode: 'BIA', streets: ['Lipowa', 'Sienkiewicza', 'Wiejska', 'Zwierzyniecka', 'Mickiewicza'] },
  { name: 'Katowice', weight: 285, zipFrom: 40001, zipTo: 40999, lockerCode: 'KAT', streets: ['Mikołowska', 'Chorzowska', 'Gliwicka', 'Bażantów', 'Francuska'] },
  { name: 'Gdynia', weight: 245, zipFrom: 81001, zipTo: 81599, lockerCode: 'GDY', streets: ['Świętojańska', 'Morska', 'Chwarznieńska', 'Wielkopolska'] },
  { name: 'Częstochowa', weight: 210, zipFrom: 42200, zipTo: 42229, lockerCode: 'CZE' },
  { name: 'Radom', weight: 200, zipFrom: 26600, zipTo: 26617, lockerCode: 'RAD' },
  { name: 'Rzeszów', weight: 198, zipFrom: 35001, zipTo: 35959, lockerCode: 'RZE' },
  { name: 'Toruń', weight: 196, zipFrom: 87100, zipTo: 87148, lockerCode: 'TOR', streets: ['Szosa Chełmińska', 'Bydgoska', 'Kościuszki'] },
  { name: 'Sosnowiec', weight: 193, zipFrom: 41200, zipTo: 41219, lockerCode: 'SOS' },
  { name: 'Kielce', weight: 185, zipFrom: 25001, zipTo: 25900, lockerCode: 'KIE' },
  { name: 'Gliwice', weight: 175, zipFrom: 44100, zipTo: 44164, lockerCode: 'GLI' },
  { name: 'Olsztyn', weight: 170, zipFrom: 10001, zipTo: 10900, lockerCode: 'OLS' },
  { name: 'Zabrze', weight: 170, zipFrom: 41800, zipTo: 41819, lockerCode: 'ZAB' },
  { name: 'Bielsko-Biała', weight: 168, zipFrom: 43300, zipTo: 43382, lockerCode: 'BBI' },
  { name: 'Bytom', weight: 160, zipFrom: 41900, zipTo: 41946, lockerCode: 'BYT' },
  { name: 'Zielona Góra', weight: 140, zipFrom: 65001, zipTo: 65950, lockerCode: 'ZIG' },
  { name: 'Rybnik', weight: 136, zipFrom: 44200, zipTo: 44286, lockerCode: 'RYB' },
  { name: 'Ruda Śląska', weight: 135, zipFrom: 41700, zipTo: 41719, lockerCode: 'RUS' },
  { name: 'Opole', weight: 127, zipFrom: 45001, zipTo: 45940, lockerCode: 'OPO' },
  { name: 'Tychy', weight: 127, zipFrom: 43100, zipTo: 43143, lockerCode: 'TYC' },
  { name: 'Gorzów Wielkopolski', weight: 120, zipFrom: 66400, zipTo: 66470, lockerCode: 'GOR' },
  { name: 'Elbląg', weight: 118, zipFrom: 82300, zipTo: 82315, lockerCode: 'ELB' },
  { name: 'Płock', weight: 118, zipFrom: 9400, zipTo: 9421, lockerCode: 'PLO' },
  { name: 'Wałbrzych', weight: 110, zipFrom: 58300, zipTo: 58316, lockerCode: 'WAL' },
  { name: 'Włocławek', weight: 108, zipFrom: 87800, zipTo: 87820, lockerCode: 'WLO' },
  { name: 'Tarnów', weight: 107, zipFrom: 33100, zipTo: 33120, lockerCode: 'TAR' },
  { name: 'Chorzów', weight: 107, zipFrom: 41500, zipTo: 41516, lockerCode: 'CHO' },
  { name: 'Koszalin', weight: 106, zipFrom: 75001, zipTo: 75900, lockerCode: 'KOS' },
  { name: 'Kalisz', weight: 100, zipFrom: 62800, zipTo: 62820, lockerCode: 'KAL' },
  { name: 'Legnica', weight: 99, zipFrom: 59220, zipTo: 59230, lockerCode: 'LEG' },
  { name: 'Słupsk', weight: 90, zipFrom: 76200, zipTo: 76270, lockerCode: 'SLU' },
  { name: 'Nowy Sącz', weight: 83, zipFrom: 33300, zipTo: 33312, lockerCode: 'NSA' },
  { name: 'Jelenia Góra', weight: 78, zipFrom: 58500, zipTo: 58573, lockerCode: 'JEL' },
  { name: 'Siedlce', weight: 77, zipFrom: 8110, zipTo: 8110, lockerCode: 'SIE' },
  { name: 'Konin', weight: 70, zipFrom: 62500, zipTo: 62510, lockerCode: 'KON' },
  { name: 'Suwałki', weight: 69, zipFrom: 16400, zipTo: 16400, lockerCode: 'SUW' },
  { name: 'Piła', weight: 73, zipFrom: 64920, zipTo: 64920, lockerCode: 'PIL' },
  { name: 'Pruszków', weight: 62, zipFrom: 5800, zipTo: 5820, lockerCode: 'PRU' },
  { name: 'Zamość', weight: 62, zipFrom: 22400, zipTo: 22400, lockerCode: 'ZAM' },
  { name: 'Leszno', weight: 62, zipFrom: 64100, zipTo: 64100, lockerCode: 'LES' },
  { name: 'Przemyśl', weight: 58, zipFrom: 37700, zipTo: 37700, lockerCode: 'PRZ' },
  { name: 'Ostrołęka', weight: 51, zipFrom: 7410, zipTo: 7410, lockerCode: 'OSE' },
  { name: 'Piaseczno', weight: 50, zipFrom: 5500, zipTo: 5500, lockerCode: 'PIA' },
  { name: 'Sopot', weight: 35, zipFrom: 81701, zipTo: 81878, lockerCode: 'SOP' },
  { name: 'Zakopane', weight: 27, zipFrom: 34500, zipTo: 34500, lockerCode: 'ZAK' },
  { name: 'Wieliczka', weight: 24, zipFrom: 32020, zipTo: 32020, lockerCode: 'WIE' },
  { name: 'Skawina', weight: 24, zipFrom: 32050, zipTo: 32050, lockerCode: 'SKA' },
  { name: 'Myślenice', weight: 18, zipFrom: 32400, zipTo: 32400, lockerCode: 'MYS' },
];

/** Street names found in nearly every Polish town. */
export const COMMON_STREETS = [
  'Mickiewicza', 'Słowackiego', 'Kościuszki', 'Sienkiewicza', 'Piłsudskiego', 'Kopernika', 'Polna', 'Leśna', 'Lipowa',
  'Ogrodowa', 'Kwiatowa', 'Szkolna', 'Słoneczna', 'Krótka', 'Długa', 'Zielona', 'Parkowa', 'Łąkowa', 'Brzozowa',
  'Spacerowa', 'Kolejowa', 'Wiejska', 'Mostowa', 'Jana Pawła II', '3 Maja', '1 Maja', 'Armii Krajowej',
  'Wojska Polskiego', 'Partyzantów', 'Żeromskiego', 'Reymonta', 'Konopnickiej', 'Orzeszkowej', 'Prusa', 'Chopina',
  'Moniuszki', 'Matejki', 'Kasprowicza', 'Tuwima', 'Broniewskiego', 'Wyspiańskiego', 'Kilińskiego', 'Traugutta',
  'Pułaskiego', 'Batorego', 'Chrobrego', 'Akacjowa', 'Jaśminowa', 'Różana', 'Wrzosowa', 'Klonowa', 'Dębowa',
  'Sosnowa', 'Jarzębinowa', 'Wierzbowa', 'Grunwaldzka', 'Warszawska', 'Krakowska', 'Poznańska', 'Gdańska',
] as const;

/** Words for invented small-business buyers who ask for a VAT invoice. */
export const COMPANY_PATTERNS = [
  (last: string) => `${last} Usługi Remontowe`,
  (last: string) => `P.H.U. ${last}`,
  (last: string) => `${last} i Wspólnicy sp.j.`,
  (last: string) => `Ogrody ${last} sp. z o.o.`,
  (last: string) => `Biuro Rachunkowe ${last}`,
  (last: string) => `Pracownia Florystyczna „${last}”`,
  (last: string) => `Gabinet Stomatologiczny ${last}`,
  () => 'Pensjonat Pod Jodłami',
  () => 'Przedszkole Niepubliczne Słoneczko',
  () => 'Restauracja Stara Kuźnia sp. z o.o.',
  () => 'Kawiarnia Pod Zegarem s.c.',
  () => 'Agroturystyka Zielone Wzgórze',
] as const;

/** Buyers' messages to the seller: commas, quotes and line breaks included on purpose. */
export const BUYER_MESSAGES = [
  'Proszę o staranne zapakowanie, to prezent.',
  'Proszę dopisać na paczce "Ostrożnie, szkło".',
  'Czy można wysłać jeszcze dziś? Wyjeżdżam w piątek, dziękuję!',
  'Kolor zielony, jeśli jest; jak nie, to szary.',
  'Dzień dobry,\nproszę nie wkładać paragonu do paczki, to prezent dla mamy.\nPozdrawiam',
  'Proszę o fakturę na firmę, dane w zamówieniu.',
  'Paczkomat przy Biedronce, nie przy szkole – proszę nie zmieniać.',
  'Proszę o kontakt telefoniczny przed wysyłką.',
  'Zamawiam drugi raz, poprzedni komplet "Lipowy" bardzo ładny :)',
  'Jeśli można, proszę wysłać w jednej paczce z poprzednim zamówieniem.',
  'Uwaga: domofon nie działa, proszę dzwonić na telefon.',
  'Czy do patelni jest pokrywka? Jeśli tak, proszę dołożyć, dopłacę.',
] as const;

export const SELLER_NOTES = [
  'Klient prosił o telefon przed dostawą.',
  'Dołożyć gratis: próbka miodu lipowego.',
  'Stały klient – sprawdzić, czy zapakowane w folię bąbelkową.',
  'Wysłać razem z zamówieniem z poprzedniego dnia.',
] as const;

/** Complaint descriptions by buyers (reklamacje). */
export const COMPLAINT_TEXTS = [
  'Powłoka patelni odchodzi po dwóch tygodniach używania.',
  'Pęknięta pokrywka garnka, zauważone po pierwszym myciu.',
  'Szew poduszki puścił, wypada wypełnienie.',
  'Sekator tępi się i zacina, sprężyna słabo wraca.',
  'Lampka przestała się ładować po miesiącu.',
  'Wąż przecieka przy złączce, mimo prawidłowego podłączenia.',
  'Kubek ma rysę na szkliwie, której nie było widać na zdjęciu.',
  'Konewka przecieka na łączeniu z wylewką.',
] as const;

export const COMPLAINT_ANSWERS = [
  'Reklamacja uznana, wysyłamy nowy egzemplarz.',
  'Reklamacja uznana, zwrot pieniędzy na konto.',
  'Reklamacja nieuznana: ślady użytkowania niezgodnego z instrukcją (mycie w zmywarce).',
  'Reklamacja uznana, obniżka ceny o 30%.',
] as const;

/** Allegro return reasons (FORMATS.md §3) with what buyers typically write. */
export const RETURN_REASONS: readonly (readonly [code: string, comment: string, weight: number])[] = [
  ['DONT_LIKE_IT', 'Kolor inny niż na zdjęciu, nie pasuje do wnętrza.', 22],
  ['MISTAKE', 'Zamówiłam przez pomyłkę zły rozmiar.', 18],
  ['NOT_AS_EXPECTED', 'Myślałem, że będzie większe.', 14],
  ['DAMAGED', 'Przyszło pęknięte, karton zgnieciony.', 12],
  ['TRANSPORT', 'Uszkodzone w transporcie, zdjęcia w załączniku.', 6],
  ['NOT_AS_DESCRIBED', 'Opis mówił o stali nierdzewnej, a jest zwykła.', 8],
  ['DIFFERENT', 'Dostałem inny model niż zamówiony.', 5],
  ['TOO_LARGE', 'Za duże na nasz balkon.', 5],
  ['TOO_SMALL', 'Za małe, nie mieści się garnek.', 5],
  ['INCOMPLETE', 'Brak pokrywki w zestawie.', 3],
  ['OTHER_FLAW', 'Nierówno przyszyty brzeg.', 2],
];
