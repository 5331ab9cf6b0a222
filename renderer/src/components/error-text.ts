import { useCallback } from 'react';
import { ApiError } from '../api/client';
import { errorMessages, commonMessages } from '../i18n/common.messages';
import { interpolate, type Lang, useLanguage } from '../i18n/i18n';

export interface ErrorText {
  /** One plain sentence in the user's language. */
  message: string;
  /** Extra lines (e.g. which fields were invalid), already translated where possible. */
  lines: string[];
}

function isInputIssueList(details: unknown): details is Array<{ path: string; message: string; text?: { pl: string; en: string } }> {
  return Array.isArray(details) && details.every((d) => d && typeof d === 'object' && 'path' in d && 'message' in d);
}

/**
 * Turns anything a call can throw into text for the user. Known codes are translated; the core's own
 * message (English, meant for logs and scripts) is shown only when the code has no translation.
 */
export function describeError(error: unknown, lang: Lang): ErrorText {
  const table = errorMessages[lang] as Record<string, string>;
  if (error instanceof ApiError) {
    const message = table[error.code] ?? error.message;
    const lines =
      error.code === 'invalid_input' && isInputIssueList(error.details)
        ? // The core's sentence in the person's language when it sends one (every contract check does); the
          // field path (a developer word) only beside an untranslated message.
          error.details.map((d) => d.text?.[lang] ?? interpolate(commonMessages[lang].detailsField, { path: d.path || '—', message: d.message }))
        : [];
    return { message, lines };
  }
  return { message: table.internal ?? 'Error', lines: [] };
}

/**
 * The sentences of an `invalid_input` error by field path (`shopNip`, `lines.0.quantity`), in the person's
 * language, for forms that put each under its field. Empty for any other error.
 */
export function inputIssueTexts(error: unknown, lang: Lang): Record<string, string> {
  if (!(error instanceof ApiError) || error.code !== 'invalid_input' || !isInputIssueList(error.details)) return {};
  const byPath: Record<string, string> = {};
  for (const d of error.details) byPath[d.path] ??= d.text?.[lang] ?? d.message;
  return byPath;
}

/** `const errorText = useErrorText(); errorText(e).message` */
export function useErrorText(): (error: unknown) => ErrorText {
  const { lang } = useLanguage();
  return useCallback((error: unknown) => describeError(error, lang), [lang]);
}
