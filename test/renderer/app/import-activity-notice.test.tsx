import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportActivityNotice } from '../../../renderer/src/app/ImportActivityNotice';
import { LanguageProvider } from '../../../renderer/src/i18n/i18n';
import { fake } from '../support/fake-transport';

/** The shell's "Trwa import…" notice: shown while changes wait for an import, gone when none waits. */
describe('import activity notice', () => {
  beforeEach(() => fake.reset());
  afterEach(() => cleanup());

  it('says in Polish that the change waits for the import, names the file, and goes when nothing waits', async () => {
    render(
      <LanguageProvider>
        <ImportActivityNotice />
      </LanguageProvider>,
    );
    expect(screen.queryByTestId('import-activity-notice')).toBeNull();
    act(() => fake.emit('import.activity', { waiting: 2, file: 'zamowienia.csv' }));
    const notice = await screen.findByTestId('import-activity-notice');
    expect(notice.textContent).toBe('Trwa import pliku „zamowienia.csv”. Twoja zmiana czeka i zapisze się sama, gdy import się skończy.');
    act(() => fake.emit('import.activity', { waiting: 1, file: null }));
    expect(screen.getByTestId('import-activity-notice').textContent).toMatch(/^Trwa import\. Twoja zmiana czeka/);
    act(() => fake.emit('import.activity', { waiting: 0, file: null }));
    expect(screen.queryByTestId('import-activity-notice')).toBeNull();
  });

  it('in English too', async () => {
    render(
      <LanguageProvider lang="en">
        <ImportActivityNotice />
      </LanguageProvider>,
    );
    act(() => fake.emit('import.activity', { waiting: 1, file: 'orders.csv' }));
    expect((await screen.findByTestId('import-activity-notice')).textContent).toBe(
      'The file “orders.csv” is being imported. Your change is waiting and will be saved by itself when the import finishes.',
    );
  });
});
