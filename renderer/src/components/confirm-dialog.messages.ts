import { defineMessages } from '../i18n/i18n';

/** ConfirmDialog's own words (its buttons use commonMessages). */
export const confirmDialogMessages = defineMessages(
  {
    scanIgnored: 'To okno nie czeka na skan. Zeskanowany kod „{code}” pominięto — nic nie zostało potwierdzone.',
  },
  {
    scanIgnored: 'This window is not waiting for a scan. The scanned code “{code}” was ignored — nothing was confirmed.',
  },
);
