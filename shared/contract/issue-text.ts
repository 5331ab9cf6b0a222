import type { z } from 'zod';
import { groupDigits, type IssueText, plural } from './fields';

/*
 * One sentence in Polish and English for every validation problem the contract can report, so a screen
 * never shows zod's own English ("Too big: expected string to have <=300 characters"). Fields built with
 * shared/contract/fields.ts carry their own sentence (`params.text`); anything else gets a plain sentence
 * from the kind of problem and its limits. The core sends it in `invalid_input` details as `text`.
 */

type Issue = z.core.$ZodIssue;

function hasText(params: unknown): params is { text: IssueText } {
  const text = (params as { text?: unknown } | undefined)?.text as IssueText | undefined;
  return Boolean(text && typeof text.pl === 'string' && typeof text.en === 'string');
}

function limit(value: number | bigint): number {
  return Number(value);
}

export function issueText(issue: Issue): IssueText {
  switch (issue.code) {
    case 'custom':
      if (hasText(issue.params)) return issue.params.text;
      return { pl: 'Ta wartość jest niepoprawna.', en: issue.message || 'This value is not valid.' };
    case 'too_big': {
      const max = limit(issue.maximum);
      if (issue.origin === 'string') return { pl: `Najwyżej ${groupDigits(max)} ${plural(max, 'znak', 'znaki', 'znaków')}.`, en: `At most ${max} characters.` };
      if (issue.origin === 'array' || issue.origin === 'set') return { pl: `Najwyżej ${groupDigits(max)} ${plural(max, 'pozycja', 'pozycje', 'pozycji')} naraz.`, en: `At most ${max} items at once.` };
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
        return issue.inclusive === false
          ? { pl: `Podaj liczbę mniejszą niż ${groupDigits(max)}.`, en: `Enter a number below ${max}.` }
          : { pl: `Podaj liczbę nie większą niż ${groupDigits(max)}.`, en: `Enter a number no greater than ${max}.` };
      }
      return { pl: 'Ta wartość jest za duża.', en: 'This value is too large.' };
    }
    case 'too_small': {
      const min = limit(issue.minimum);
      if (issue.origin === 'string') {
        return min <= 1 ? { pl: 'To pole jest wymagane.', en: 'This field is required.' } : { pl: `Wpisz co najmniej ${groupDigits(min)} ${plural(min, 'znak', 'znaki', 'znaków')}.`, en: `Enter at least ${min} characters.` };
      }
      if (issue.origin === 'array' || issue.origin === 'set') return { pl: 'Dodaj co najmniej jedną pozycję.', en: 'Add at least one item.' };
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
        return issue.inclusive === false
          ? { pl: `Podaj liczbę większą niż ${groupDigits(min)}.`, en: `Enter a number above ${min}.` }
          : { pl: `Podaj liczbę nie mniejszą niż ${groupDigits(min)}.`, en: `Enter a number no less than ${min}.` };
      }
      return { pl: 'Ta wartość jest za mała.', en: 'This value is too small.' };
    }
    case 'invalid_type':
      if (issue.expected === 'int') return { pl: 'Podaj liczbę całkowitą.', en: 'Enter a whole number.' };
      if (issue.expected === 'number') return { pl: 'Podaj liczbę.', en: 'Enter a number.' };
      if (issue.expected === 'string') return { pl: 'Wpisz tekst.', en: 'Enter some text.' };
      return { pl: 'Brakuje wartości albo ma ona zły rodzaj.', en: 'A value is missing or of the wrong kind.' };
    case 'invalid_format':
      if (issue.format === 'email') return { pl: 'To nie jest poprawny adres e-mail (np. sklep@example.pl).', en: 'This is not a valid e-mail address (e.g. shop@example.com).' };
      if (issue.format === 'datetime' || issue.format === 'date') return { pl: 'To nie jest poprawna data.', en: 'This is not a valid date.' };
      return { pl: 'Ta wartość ma niepoprawny format.', en: 'This value is not in the expected format.' };
    case 'not_multiple_of':
      return { pl: 'Ta liczba ma za dużo miejsc po przecinku.', en: 'This number has too many decimal places.' };
    case 'invalid_value':
      return { pl: 'Wybierz jedną z dostępnych możliwości.', en: 'Choose one of the options offered.' };
    case 'unrecognized_keys':
      return { pl: `Nieznane pole: ${issue.keys.join(', ')}.`, en: `Unknown field: ${issue.keys.join(', ')}.` };
    default:
      return { pl: 'Ta wartość jest niepoprawna.', en: 'This value is not valid.' };
  }
}
