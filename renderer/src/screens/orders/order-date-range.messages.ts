import { defineMessages } from '../../i18n/i18n';

/** Words of the orders' "Kupione od / do" filter. */
export const orderDateRangeMessages = defineMessages(
  {
    reversed: 'Data „Kupione od” ({from}) jest późniejsza niż „Kupione do” ({to}) — żadne zamówienie nie pasuje. Zamień daty miejscami.',
  },
  {
    reversed: '“Bought from” ({from}) is later than “Bought until” ({to}) — no order can match. Swap the dates.',
  },
);
