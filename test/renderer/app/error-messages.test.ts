import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../shared/domain/errors';
import { ApiError } from '../../../renderer/src/api/client';
import { describeError } from '../../../renderer/src/components/error-text';
import { errorMessages } from '../../../renderer/src/i18n/common.messages';

describe('error code translations', () => {
  it.each(ERROR_CODES)('%s has a Polish and an English sentence', (code) => {
    const pl = (errorMessages.pl as Record<string, string>)[code];
    const en = (errorMessages.en as Record<string, string>)[code];
    expect(pl, `add "${code}" to errorMessages in renderer/src/i18n/common.messages.ts`).toBeTruthy();
    expect(en).toBeTruthy();
    expect(pl).not.toBe(en);
  });

  it('shows the translation, never the core’s English message, for a known code', () => {
    const text = describeError(new ApiError('wrong_pin', 'Wrong PIN.'), 'pl');
    expect(text.message).toBe('Nieprawidłowy PIN.');
  });

  it('lists invalid fields from invalid_input details', () => {
    const text = describeError(new ApiError('invalid_input', 'Invalid arguments', [{ path: 'handlingTimeDays', message: 'Too big' }]), 'pl');
    expect(text.lines).toEqual(['Pole „handlingTimeDays”: Too big']);
  });

  it('an unexpected error becomes the generic sentence, not a stack trace', () => {
    const text = describeError(new TypeError('x is undefined'), 'en');
    expect(text.message).toMatch(/^Something went wrong/);
  });
});
