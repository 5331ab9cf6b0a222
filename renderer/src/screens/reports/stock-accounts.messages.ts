import { defineMessages } from '../../i18n/i18n';

/** Reports: the stock at purchase cost over a month (FIFO) and the stocktake form (spis z natury). */
export const stockAccountsMessages = defineMessages(
  {
    monthTitle: 'Magazyn w cenach zakupu — miesiąc',
    monthHint:
      'Metoda FIFO: każda dostawa w swojej cenie zakupu netto, sprzedaż zdejmuje najpierw najstarsze sztuki, zwroty wracają w cenie, w której je sprzedano.',
    month: 'Miesiąc',
    opening: 'Na początek miesiąca',
    receipts: 'Przyjęcia (dostawy)',
    returns: 'Zwroty od kupujących',
    otherIn: 'Nadwyżki i korekty na plus',
    costOfSales: 'Koszt sprzedanych towarów',
    writeOffs: 'Odpisy (uszkodzone, braki)',
    closing: 'Na koniec miesiąca',
    soldNotShipped:
      'Opłacone, a niewysłane na koniec miesiąca: {units} szt. z {orders} zamówień, w cenach zakupu {value} — są jeszcze na półce, ale należą do kupujących.',
    priceFromCard: 'Przyjęte bez ceny zakupu, wycenione ceną z karty produktu: {n} — wpisuj cenę przy przyjęciu dostawy.',
    withoutPrice: 'Bez żadnej ceny zakupu: {n} (liczone jako 0 zł)',
    formTitle: 'Spis z natury',
    formHint:
      'Arkusz do wydrukowania: towary i ilości z magazynu na koniec dnia, ceny zakupu, pusta kolumna na policzoną ilość, „Spis zakończono na pozycji…” i miejsca na podpisy. Towary opłacone, a niewysłane są w osobnym wykazie.',
    formDate: 'Spis na dzień',
    formSave: 'Zapisz PDF',
    formSummary: 'Zapisany spis: pozycji {positions}, wartość {value}',
  },
  {
    monthTitle: 'Stock at purchase cost — month',
    monthHint:
      'FIFO: each delivery at its own net purchase price, sales take the oldest units first, returns come back at the cost they were sold at.',
    month: 'Month',
    opening: 'At the start of the month',
    receipts: 'Received (deliveries)',
    returns: 'Returned by buyers',
    otherIn: 'Surpluses and corrections up',
    costOfSales: 'Cost of goods sold',
    writeOffs: 'Written off (damaged, missing)',
    closing: 'At the end of the month',
    soldNotShipped:
      'Paid but not shipped at the end of the month: {units} units from {orders} orders, {value} at purchase cost — still on the shelf, but already the buyers’.',
    priceFromCard: 'Received without a purchase price, valued at the product card’s price: {n} — enter the price when receiving.',
    withoutPrice: 'Without any purchase price: {n} (counted as 0 zł)',
    formTitle: 'Stocktake form (spis z natury)',
    formHint:
      'A sheet to print: goods and quantities in stock at the end of the day, purchase prices, an empty column for the counted quantity, “Spis zakończono na pozycji…” and signature lines. Goods paid but not shipped are listed apart.',
    formDate: 'Stocktake at the end of',
    formSave: 'Save PDF',
    formSummary: 'Saved form: {positions} positions, value {value}',
  },
);
