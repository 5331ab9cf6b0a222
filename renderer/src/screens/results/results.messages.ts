import { defineMessages } from '../../i18n/i18n';

/** Wyniki: the frame of the screen (period bar, tabs). Each tab keeps its own messages in its folder. */
export const resultsMessages = defineMessages(
  {
    title: 'Wyniki',
    subtitle: 'Czy sklep dotrzymuje tego, co obiecuje kupującym: wysyłka na czas, zwroty, reklamacje, braki w magazynie.',
    week: 'Tydzień',
    month: 'Miesiąc',
    custom: 'Własny okres',
    periodKind: 'Okres',
    previous: 'Poprzedni okres',
    next: 'Następny okres',
    from: 'Od',
    to: 'Do',
    periodRange: '{from} – {to}',
    toBeforeFrom: 'Data „do” jest wcześniejsza niż „od”.',
    tabs: 'Części wyników',
  },
  {
    title: 'Results',
    subtitle: 'Does the shop keep what it promises buyers: dispatch on time, returns, complaints, stock-outs.',
    week: 'Week',
    month: 'Month',
    custom: 'Custom period',
    periodKind: 'Period',
    previous: 'Previous period',
    next: 'Next period',
    from: 'From',
    to: 'To',
    periodRange: '{from} – {to}',
    toBeforeFrom: 'The “to” date is before “from”.',
    tabs: 'Parts of the results',
  },
);
