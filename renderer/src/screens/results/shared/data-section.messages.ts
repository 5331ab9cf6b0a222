import { defineMessages } from '../../../i18n/i18n';

/** The frame of every chart/table of Wyniki (results/shared/DataSection.tsx). */
export const dataSectionMessages = defineMessages(
  {
    showChart: 'Wykres',
    showTable: 'Tabela',
    view: 'Widok',
    exportCsv: 'CSV',
    exportXlsx: 'Excel',
    exportLabel: 'Zapisz tabelę „{title}” jako {format}',
    saved: 'Zapisano: {file}',
    saveCancelled: 'Nie zapisano — okno zapisu zamknięto.',
    emptyTable: 'Brak danych w tym okresie.',
  },
  {
    showChart: 'Chart',
    showTable: 'Table',
    view: 'View',
    exportCsv: 'CSV',
    exportXlsx: 'Excel',
    exportLabel: 'Save the table “{title}” as {format}',
    saved: 'Saved: {file}',
    saveCancelled: 'Not saved — the save window was closed.',
    emptyTable: 'No data in this period.',
  },
);
