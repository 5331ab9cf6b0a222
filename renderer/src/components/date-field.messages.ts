import { defineMessages } from '../i18n/i18n';

export const dateFieldMessages = defineMessages(
  {
    placeholder: 'dd.mm.rrrr',
    incomplete: 'Wpisz datę jako dd.mm.rrrr',
    noSuchDay: 'Nie ma takiego dnia',
    tooLate: 'Najpóźniej {date}',
    tooEarly: 'Najwcześniej {date}',
    openCalendar: 'Wybierz z kalendarza',
  },
  {
    placeholder: 'dd/mm/yyyy',
    incomplete: 'Type the date as dd/mm/yyyy',
    noSuchDay: 'There is no such day',
    tooLate: 'No later than {date}',
    tooEarly: 'No earlier than {date}',
    openCalendar: 'Pick from the calendar',
  },
);
