import { defineMessages } from '../i18n/i18n';

export const orderNumberMessages = defineMessages(
  {
    orderNumber: 'Nr zamówienia',
    copy: 'Kopiuj numer zamówienia',
    copied: 'Skopiowano numer zamówienia',
  },
  {
    orderNumber: 'Order no.',
    copy: 'Copy the order number',
    copied: 'Order number copied',
  },
);
