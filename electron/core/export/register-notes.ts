import type { SalesRegister } from './register.types';

const WARNING_TEXT: Record<SalesRegister['warnings'][number]['code'], string> = {
  rate_from_product: 'brak stawki VAT w danych z Allegro — przyjęto stawkę z karty produktu',
  rate_assumed: 'brak stawki VAT w Allegro i na karcie produktu — przyjęto 23%, sprawdź',
  foreign_currency: 'zamówienie w obcej walucie — kwoty w walucie zamówienia, bez przeliczenia',
  no_goods_value: 'zamówienie bez pozycji towarowych — całą kwotę przypisano do stawki 23%, sprawdź',
  tax_point_shipment: 'brak zapisanej zapłaty ani daty doręczenia — za datę sprzedaży przyjęto dzień nadania przesyłki, sprawdź',
  late_sale: 'sprzedaż z zamkniętego miesiąca (zapłatę zapisano po jego zamknięciu) — ujęta w tym miesiącu',
  cancelled_after_booking: 'zamówienie anulowane po zamknięciu miesiąca, w którym je zaksięgowano — korekta do zera w tym miesiącu',
  booked_amount_changed: 'kwota zamówienia zmieniła się po zaksięgowaniu — korekta według kwot bieżących, sprawdź',
  refund_date_assumed:
    'zwrot zakończony w Allegro bez zapisanej daty i kwoty zwrotu pieniędzy — korekta w dniu importu, na wartość zwróconych pozycji; sprawdź z wyciągiem Allegro',
  wdt_check:
    'wewnątrzwspólnotowa dostawa towarów (WDT, 0%) dla nabywcy z numerem VAT UE innego kraju — sprawdź numer w VIES i zachowaj dowód wywozu towaru (art. 42)',
  oss_sale:
    'sprzedaż wysyłkowa do konsumenta w innym kraju UE po przekroczeniu rocznego progu 42 000 zł netto — opodatkowana w kraju nabywcy (VAT-OSS, stawka tego kraju), w rejestrze jako „np”',
  wsto_threshold_near: 'sprzedaż wysyłkowa do konsumentów w innych krajach UE zbliża się do rocznego progu 42 000 zł netto — po jego przekroczeniu VAT nalicza się w kraju nabywcy (OSS)',
  epp_characters_lost: 'w pliku EDI++ (strona kodowa Windows-1250) nie da się zapisać niektórych znaków nazwy lub adresu (np. cyrylica, emotikony) — zapisano je jako „?”, popraw je w programie księgowym',
};

/**
 * What the accountant needs to know to trust the numbers: the period, what a row is, how VAT was rounded,
 * how delivery was split, where corrections go, and which orders need a look. Written into the CSV after
 * the totals and into the XLSX "Uwagi" sheet — the same sentences in both.
 */
export function registerNotes(register: SalesRegister, generatedAt: string, opts: { csv: boolean }): string[] {
  const notes = [
    `Rejestr sprzedaży za ${register.month} (od ${register.firstDay} do ${register.lastDay}, daty według czasu polskiego). Wygenerowano w programie Zaplecze ${generatedAt}.`,
    'Jeden wiersz to jeden dokument (zamówienie albo korekta) i jedna stawka VAT. Kwoty w walucie zamówienia, z dokładnością do grosza.',
    'Ceny w Allegro są cenami brutto. VAT liczony metodą „od brutto” osobno dla każdej stawki w każdym dokumencie: VAT = brutto × stawka / (100 + stawka), zaokrąglony do pełnego grosza (od 0,5 grosza w górę); netto = brutto − VAT. Suma wierszy daje podsumowanie bez dodatkowych zaokrągleń.',
    'Koszt dostawy i usług dodatkowych (np. pakowanie na prezent) przypisano do stawek towarów z zamówienia proporcjonalnie do ich wartości brutto (dostawa dzieli los towaru — świadczenie złożone); metoda do potwierdzenia z księgowym. Kolumna „W tym dostawa i usługi” pokazuje tę część kwoty brutto.',
    'Zwroty i refundacje są osobnymi wierszami korygującymi z kwotami ujemnymi, w miesiącu zwrotu pieniędzy (gdy data zwrotu pieniędzy nie jest zapisana — w miesiącu przyjęcia zwrotu). KFS koryguje sprzedaż z fakturą, KPA sprzedaż bez faktury.',
    'Typ dokumentu: FS — kupujący zażądał faktury (NIP podany, gdy go wpisał); PA — sprzedaż bez faktury (paragon). Numer dokumentu jest podany tylko wtedy, gdy zapisano go w programie; kolumna „Nr w Zapleczu” wiąże wiersz z zamówieniem.',
    'Pominięto zamówienia anulowane i niedokończone (kupujący nie zakończył zakupu).',
    'Zamówienia w innych walutach (np. CZK z allegro.cz) przeliczono na złote po kursie średnim NBP (tabela A) z ostatniego dnia roboczego przed dniem powstania obowiązku podatkowego (art. 31a ustawy o VAT); korekty — po kursie dokumentu korygowanego. Kwoty netto, VAT i brutto są wtedy w złotych; kolumny „Brutto w walucie”, „Kurs NBP”, „Tabela NBP” i „Data kursu” podają kwotę w walucie i użyty kurs.',
  ];
  const zl = (v: number) => (v / 100).toFixed(2).replace('.', ',');
  // Only a month that has them gets these sentences: the notes of every other month stay as they were.
  const topUps = register.documents.reduce((a, d) => a + (d.kind === 'sale' && d.rows.length > 0 ? (d.sale.topUpGross ?? 0) : 0), 0);
  if (topUps > 0) {
    notes.push(
      `Dopłaty Allegro w programie Allegro Ceny (kupujący zapłacił niższą cenę, różnicę płaci sprzedawcy Allegro): ${zl(topUps)} zł, wliczone do kwoty brutto pozycji, której dotyczą — to zapłata od osoby trzeciej związana bezpośrednio z ceną, część podstawy opodatkowania (art. 29a ust. 1 ustawy o VAT).`,
    );
  }
  const deposits = register.rows.reduce((a, r) => a + (r.deposit ?? 0), 0);
  if (deposits > 0) {
    notes.push(
      `Kaucja za opakowania w systemie kaucyjnym zapłacona przez kupujących: ${zl(deposits)} zł — nie jest częścią podstawy opodatkowania (objaśnienia podatkowe MF z 29.08.2025), nie wliczono jej do kwot netto, VAT i brutto ani do dostawy; kolumna „Kaucja (poza VAT)” podaje ją przy dokumencie.`,
    );
  }
  const recording = register.salesRecording;
  if (recording?.mode === 'exempt') {
    notes.push('Sprzedaż bez faktury (sklep zwolniony z kasy fiskalnej) ujęto jednym dokumentem wewnętrznym WEW za miesiąc, osobno dla każdej stawki; jego kwoty są sumami sprzedaży z poszczególnych zamówień.');
  }
  if (recording?.mode === 'cash_register' && recording.report) {
    const diff = recording.difference.map((d) => `${d.rate === 'zw' || d.rate === 'np' ? d.rate : `${d.rate}%`}: brutto ${(d.gross / 100).toFixed(2).replace('.', ',')} zł, VAT ${(d.vat / 100).toFixed(2).replace('.', ',')} zł`);
    notes.push(
      `Sprzedaż zaewidencjonowana na kasie fiskalnej: zamiast paragonów ujęto raport okresowy nr ${recording.report.number} z ${recording.report.reportDate} (dokument RO) z kwotami z wydruku. Faktury do paragonów (FP) wykazano, ale nie dodano do sum — ich sprzedaż jest już w raporcie. ` +
        (diff.length ? `Raport różni się od paragonów zapisanych w programie (raport − program): ${diff.join('; ')} — sprawdź.` : 'Raport zgadza się z paragonami zapisanymi w programie.'),
    );
  }
  if (register.wsto) {
    const w = register.wsto;
    notes.push(
      `Sprzedaż wysyłkowa do konsumentów w innych krajach UE w ${w.year} r.: ${zl(w.netThroughMonth)} zł netto do końca miesiąca, próg ${zl(w.threshold)} zł (art. 22a)` +
        (w.lastYearExceeded ? ' — przekroczony w poprzednim roku: cała sprzedaż opodatkowana w kraju nabywcy (OSS).' : w.crossedOn ? ` — przekroczony ${w.crossedOn}: od tej sprzedaży opodatkowanie w kraju nabywcy (OSS).` : '.'),
    );
  }
  if (opts.csv) notes.push('Tekst zaczynający się od znaku =, +, -, @ poprzedzono apostrofem, aby arkusz nie potraktował go jako formuły.');
  const byCode = new Map<string, string[]>();
  for (const w of register.warnings) {
    const list = byCode.get(w.code) ?? [];
    if (!list.includes(w.reference)) list.push(w.reference);
    byCode.set(w.code, list);
  }
  for (const [code, refs] of byCode) {
    const shown = refs.slice(0, 30).join(', ') + (refs.length > 30 ? ` i ${refs.length - 30} innych` : '');
    notes.push(`Do sprawdzenia (${refs.length}): ${WARNING_TEXT[code as keyof typeof WARNING_TEXT]}: ${shown}.`);
  }
  return notes;
}
