import { defineMessages } from '../../i18n/i18n';

/** Raporty: a preview's figures while they are being computed again (use-kept-preview.ts). */
export const previewStatusMessages = defineMessages(
  {
    loading: 'Liczę…',
    refreshing: 'Przeliczam… Poniżej liczby obliczone {when} — mogą już być nieaktualne; bieżące pokażą się za chwilę.',
  },
  {
    loading: 'Calculating…',
    refreshing: 'Recalculating… Below are the figures computed {when} — they may be out of date; the current ones will show in a moment.',
  },
);
