import { defineMessages } from '../i18n/i18n';

/** The notice every screen shows while a change waits for an import to finish saving. */
export const importActivityMessages = defineMessages(
  {
    waiting: 'Trwa import. Twoja zmiana czeka i zapisze się sama, gdy import się skończy.',
    waitingFile: 'Trwa import pliku „{file}”. Twoja zmiana czeka i zapisze się sama, gdy import się skończy.',
  },
  {
    waiting: 'An import is being saved. Your change is waiting and will be saved by itself when the import finishes.',
    waitingFile: 'The file “{file}” is being imported. Your change is waiting and will be saved by itself when the import finishes.',
  },
);
