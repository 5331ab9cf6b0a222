import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import fc from 'fast-check';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DateField } from '../../../renderer/src/components/DateField';
import { isoToText, maskDateText, parseDateText } from '../../../renderer/src/components/date-text';
import { LanguageProvider, type Lang, useLanguage } from '../../../renderer/src/i18n/i18n';

describe('date text (dd.mm.rrrr / dd/mm/yyyy ⇄ ISO)', () => {
  it('shows ISO days day-first with the language separator', () => {
    expect(isoToText('2026-11-05', 'pl')).toBe('05.11.2026');
    expect(isoToText('2026-11-05', 'en')).toBe('05/11/2026');
    expect(isoToText('', 'pl')).toBe('');
    expect(isoToText('11/05/2026', 'pl')).toBe('');
  });

  it('masks typing: digits alone get their separators, typed separators close a part, ISO pastes turn round', () => {
    const cases: Array<[string, string, string]> = [
      ['0', 'pl', '0'],
      ['05', 'pl', '05'],
      ['051', 'pl', '05.1'],
      ['05112026', 'pl', '05.11.2026'],
      ['05112026999', 'pl', '05.11.2026'],
      ['5.', 'pl', '5.'],
      ['5.1.2026', 'pl', '5.1.2026'],
      ['05.11.', 'pl', '05.11.'],
      ['05..', 'pl', '05.'],
      ['05/11/2026', 'pl', '05.11.2026'],
      ['05-11-2026', 'pl', '05.11.2026'],
      ['05112026', 'en', '05/11/2026'],
      ['05.11.2026', 'en', '05/11/2026'],
      ['2026-11-05', 'pl', '05.11.2026'],
      ['2026-11-05', 'en', '05/11/2026'],
      ['ab', 'pl', ''],
    ];
    for (const [raw, lang, shown] of cases) expect(maskDateText(raw, lang as Lang), `${raw} (${lang})`).toBe(shown);
  });

  it('reads only real days, within the limits', () => {
    expect(parseDateText('05.11.2026')).toEqual({ iso: '2026-11-05' });
    expect(parseDateText('5.1.2026')).toEqual({ iso: '2026-01-05' });
    expect(parseDateText('05/11/2026')).toEqual({ iso: '2026-11-05' });
    expect(parseDateText('')).toEqual({ iso: '' });
    expect(parseDateText('05.11.202')).toEqual({ problem: 'incomplete' });
    expect(parseDateText('05.11')).toEqual({ problem: 'incomplete' });
    expect(parseDateText('31.02.2026')).toEqual({ problem: 'noSuchDay' });
    expect(parseDateText('29.02.2024')).toEqual({ iso: '2024-02-29' });
    expect(parseDateText('29.02.2026')).toEqual({ problem: 'noSuchDay' });
    expect(parseDateText('00.01.2026')).toEqual({ problem: 'noSuchDay' });
    expect(parseDateText('01.13.2026')).toEqual({ problem: 'noSuchDay' });
    expect(parseDateText('24.11.2026', { max: '2026-11-23' })).toEqual({ problem: 'tooLate' });
    expect(parseDateText('23.11.2026', { max: '2026-11-23' })).toEqual({ iso: '2026-11-23' });
    expect(parseDateText('31.12.2025', { min: '2026-01-01' })).toEqual({ problem: 'tooEarly' });
  });

  it('every day from 1900 to 2199 survives shown → typed as digits → read back, in both languages', () => {
    const day = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.constantFrom<Lang>('pl', 'en'), (iso, lang) => {
        const shown = isoToText(iso, lang);
        expect(parseDateText(maskDateText(shown, lang))).toEqual({ iso });
        expect(parseDateText(maskDateText(shown.replace(/\D/g, ''), lang))).toEqual({ iso });
      }),
      { numRuns: 300 },
    );
  });
});

/** A DateField with its value held like a caller holds it, and the language switchable from the test. */
function Harness({ initial, max, onDay }: { initial: string | null; max?: string; onDay: (day: string | null) => void }) {
  const [day, setDay] = useState<string | null>(initial);
  const { setLang } = useLanguage();
  return (
    <>
      <DateField
        label="Data odstąpienia"
        value={day}
        max={max}
        onChange={(next) => {
          setDay(next);
          onDay(next);
        }}
      />
      <button type="button" onClick={() => setDay('2026-01-02')}>
        reset
      </button>
      <button type="button" onClick={() => setLang('en')}>
        english
      </button>
      <output data-testid="held">{String(day)}</output>
    </>
  );
}

function renderField(lang: Lang, initial: string | null, max?: string) {
  const onDay = vi.fn();
  render(
    <LanguageProvider lang={lang}>
      <Harness initial={initial} max={max} onDay={onDay} />
    </LanguageProvider>,
  );
  return { onDay, input: screen.getByLabelText('Data odstąpienia') as HTMLInputElement };
}

describe('DateField', () => {
  afterEach(() => {
    cleanup();
    localStorage.clear();
  });

  it('shows the day as dd.mm.rrrr in Polish — never the system format, never ISO — and is a plain text field', () => {
    const { input } = renderField('pl', '2026-11-05');
    expect(input.value).toBe('05.11.2026');
    expect(input.type).toBe('text');
    expect(input.placeholder).toBe('dd.mm.rrrr');
  });

  it('shows dd/mm/yyyy in English, the order the rest of the English screens print dates in', () => {
    const { input } = renderField('en', '2026-11-05');
    expect(input.value).toBe('05/11/2026');
    expect(input.placeholder).toBe('dd/mm/yyyy');
  });

  it('takes fast typing of digits alone and hands the caller an ISO day only once it is a whole, real day', async () => {
    const user = userEvent.setup({ delay: null });
    const { input, onDay } = renderField('pl', '');
    await user.type(input, '0511202');
    expect(input.value).toBe('05.11.202');
    expect(onDay).toHaveBeenLastCalledWith(null);
    expect(screen.queryByText('Wpisz datę jako dd.mm.rrrr')).toBeNull(); // half-typed is not an error yet
    await user.type(input, '6');
    expect(input.value).toBe('05.11.2026');
    expect(onDay).toHaveBeenLastCalledWith('2026-11-05');
    expect(screen.getByTestId('held').textContent).toBe('2026-11-05');
  });

  it('Backspace goes back over the separators as expected', async () => {
    const user = userEvent.setup({ delay: null });
    const { input } = renderField('pl', '2026-11-05');
    await user.click(input);
    await user.keyboard('{End}{Backspace}{Backspace}{Backspace}{Backspace}');
    expect(input.value).toBe('05.11.');
    await user.keyboard('{Backspace}{Backspace}');
    expect(input.value).toBe('05.1');
    await user.keyboard('22025');
    expect(input.value).toBe('05.12.2025');
  });

  it('says what is wrong: a day that does not exist, a day after the limit, a date left half-typed', async () => {
    const user = userEvent.setup({ delay: null });
    const { input, onDay } = renderField('pl', '', '2026-11-23');
    await user.type(input, '31022026');
    expect(screen.getByText('Nie ma takiego dnia')).toBeTruthy();
    expect(onDay).toHaveBeenLastCalledWith(null);

    await user.clear(input);
    await user.type(input, '24112026');
    expect(screen.getByText('Najpóźniej 23.11.2026')).toBeTruthy();
    expect(onDay).toHaveBeenLastCalledWith(null);

    await user.clear(input);
    await user.type(input, '24.11');
    await user.tab();
    expect(screen.getByText('Wpisz datę jako dd.mm.rrrr')).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });

  it('a short day is shown whole once the field is left: 5.1.2026 → 05.01.2026', async () => {
    const user = userEvent.setup({ delay: null });
    const { input, onDay } = renderField('pl', '');
    await user.type(input, '5.1.2026');
    expect(onDay).toHaveBeenLastCalledWith('2026-01-05');
    await user.tab();
    expect(input.value).toBe('05.01.2026');
  });

  it('a pasted ISO day or one with other separators is read the same', () => {
    const { input, onDay } = renderField('pl', '');
    fireEvent.change(input, { target: { value: '2026-11-05' } });
    expect(input.value).toBe('05.11.2026');
    expect(onDay).toHaveBeenLastCalledWith('2026-11-05');
    fireEvent.change(input, { target: { value: '06/11/2026' } });
    expect(input.value).toBe('06.11.2026');
    expect(onDay).toHaveBeenLastCalledWith('2026-11-06');
  });

  it('follows a new day set by the caller, and the language when it changes', async () => {
    const user = userEvent.setup({ delay: null });
    const { input } = renderField('pl', '2026-11-05');
    await user.click(screen.getByRole('button', { name: 'reset' }));
    expect(input.value).toBe('02.01.2026');
    // The provider is fixed to Polish in this render; switch through a free one instead.
    cleanup();
    render(
      <LanguageProvider>
        <Harness initial="2026-11-05" onDay={() => {}} />
      </LanguageProvider>,
    );
    const free = screen.getByLabelText('Data odstąpienia') as HTMLInputElement;
    expect(free.value).toBe('05.11.2026');
    await act(async () => {
      screen.getByRole('button', { name: 'english' }).click();
    });
    expect(free.value).toBe('05/11/2026');
  });
});
