import { defineMessages } from '../i18n/i18n';

/** PagedTable's own words: the pager and the tick boxes' names. */
export const pagedTableMessages = defineMessages(
  {
    displayed: '{from}–{to} z {count}',
    moreThan: 'więcej niż {to}',
    rowsPerPage: 'Wierszy na stronę:',
    selectRow: 'Zaznacz wiersz',
    unselectRow: 'Odznacz wiersz',
    selectPage: 'Zaznacz wszystkie wiersze na stronie',
    unselectPage: 'Odznacz wszystkie wiersze na stronie',
    loading: 'Wczytywanie…',
    firstPage: 'Przejdź do pierwszej strony',
    previousPage: 'Przejdź do poprzedniej strony',
    nextPage: 'Przejdź do następnej strony',
    lastPage: 'Przejdź do ostatniej strony',
  },
  {
    displayed: '{from}–{to} of {count}',
    moreThan: 'more than {to}',
    rowsPerPage: 'Rows per page:',
    selectRow: 'Select row',
    unselectRow: 'Unselect row',
    selectPage: 'Select all rows on the page',
    unselectPage: 'Unselect all rows on the page',
    loading: 'Loading…',
    firstPage: 'Go to first page',
    previousPage: 'Go to previous page',
    nextPage: 'Go to next page',
    lastPage: 'Go to last page',
  },
);
