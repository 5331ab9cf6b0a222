import { defineMessages } from '../../../i18n/i18n';

/** Texts of the slotting hint card (Wyniki → Zamówienia do dostawców). */
export const slottingMessages = defineMessages(
  {
    title: 'Podpowiedź: ustawienie towaru',
    intro: 'Towar A (ten, który przynosi najwięcej sprzedaży) najlepiej trzymać najbliżej stołu pakowania — na półkach {shelves}. Pakowanie idzie wtedy szybciej.',
    notSet: 'Nie wiemy jeszcze, które półki są najbliżej stołu pakowania. Wpisz je w Ustawieniach (Wysyłka i zwroty → Półki najbliżej stołu pakowania), np. A-01, A-02.',
    openSettings: 'Otwórz Ustawienia',
    allNear: 'Wszystkie produkty A leżą już na półkach przy stole pakowania.',
    colProduct: 'Produkt A',
    colShelf: 'Półka',
    colSold: 'Sprzedaż 13 tyg.',
    colSwap: 'Zamień z produktem C',
    noShelf: 'bez półki',
    noSwap: 'brak wolnej półki C — przestaw inny towar',
    onShelf: 'z półki {shelf}',
    pcs: '{n} szt.',
    more: 'I jeszcze {n} {n:produkt A|produkty A|produktów A} z dala od stołu pakowania.',
  },
  {
    title: 'Hint: where to keep the goods',
    intro: 'A-goods (the ones bringing most of the sales) are best kept nearest the packing table — on shelves {shelves}. Packing is faster then.',
    notSet: 'We do not know yet which shelves are nearest the packing table. Enter them in Settings (Dispatch and returns → Shelves nearest the packing table), e.g. A-01, A-02.',
    openSettings: 'Open Settings',
    allNear: 'Every A-product is already on a shelf by the packing table.',
    colProduct: 'A-product',
    colShelf: 'Shelf',
    colSold: 'Sold (13 weeks)',
    colSwap: 'Swap with C-product',
    noShelf: 'no shelf',
    noSwap: 'no C shelf free — move other goods',
    onShelf: 'from shelf {shelf}',
    pcs: '{n} pcs',
    more: 'And {n} more {n:A-product|A-products} away from the packing table.',
  },
);
