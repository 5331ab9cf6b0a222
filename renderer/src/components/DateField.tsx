import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import CalendarMonthIcon from '@mui/icons-material/CalendarMonthOutlined';
import { type ReactNode, useRef, useState } from 'react';
import { useLanguage, useT } from '../i18n/i18n';
import { dateFieldMessages } from './date-field.messages';
import { isoToText, maskDateText, parseDateText } from './date-text';

interface DateFieldProps {
  label: string;
  /** The day as ISO `YYYY-MM-DD`; '' for no date; null while the typed text is not a date. */
  value: string | null;
  /** Called on every keystroke with the ISO day, '' when emptied, or null when the text is not (yet) a whole valid day. */
  onChange: (day: string | null) => void;
  /** Latest / earliest day allowed (ISO); outside is shown as an error and reported as null. */
  max?: string;
  min?: string;
  helperText?: ReactNode;
  size?: 'small' | 'medium';
  autoFocus?: boolean;
  /** Accessible name when it differs from the label. */
  ariaLabel?: string;
  sx?: object;
}

/**
 * A date typed the way it is read in the chosen language — dd.mm.rrrr in Polish, dd/mm/yyyy in
 * English — instead of the native `<input type="date">`, which Chromium shows in the operating
 * system's format (mm/dd/yyyy on an English Windows) whatever the app's language. Digits alone are
 * enough (`05112026`), the dots come by themselves; a calendar button opens the browser's picker for
 * those who prefer the mouse. Callers only ever see ISO days.
 */
export function DateField({ label, value, onChange, max, min, helperText, size, autoFocus, ariaLabel, sx }: DateFieldProps) {
  const t = useT(dateFieldMessages);
  const { lang } = useLanguage();
  const [text, setText] = useState(() => isoToText(value, lang));
  const [focused, setFocused] = useState(false);
  const [seen, setSeen] = useState({ value, lang });
  const picker = useRef<HTMLInputElement>(null);
  const parsed = parseDateText(text, { min, max });

  // A new day from outside (a draft reset, "clear filters") or another language: show it afresh —
  // unless it is the day the text already says, or null (our own "not a date yet", text stays).
  if (seen.value !== value || seen.lang !== lang) {
    setSeen({ value, lang });
    const current = 'iso' in parsed ? parsed.iso : null;
    if (seen.lang !== lang && current !== null) setText(isoToText(current, lang));
    else if (value !== null && value !== current) setText(isoToText(value, lang));
  }

  function accept(next: string) {
    setText(next);
    const result = parseDateText(next, { min, max });
    onChange('iso' in result ? result.iso : null);
  }

  const problem = 'problem' in parsed ? parsed.problem : null;
  // Half-typed is not an error yet; it becomes one when the field is left that way.
  const shown = problem && (problem !== 'incomplete' || !focused) ? problem : null;
  const message = shown === 'tooLate' ? t('tooLate', { date: isoToText(max, lang) }) : shown === 'tooEarly' ? t('tooEarly', { date: isoToText(min, lang) }) : shown ? t(shown) : helperText;

  return (
    <TextField
      label={label}
      value={text}
      size={size}
      autoFocus={autoFocus}
      sx={sx}
      placeholder={t('placeholder')}
      error={shown !== null}
      helperText={message}
      onChange={(e) => accept(maskDateText(e.target.value, lang))}
      onFocus={() => setFocused(true)}
      onBlur={() => {
        setFocused(false);
        // "5.1.2026" is read as 05.01.2026: show it that way once the field is left.
        if ('iso' in parsed && parsed.iso) setText(isoToText(parsed.iso, lang));
      }}
      slotProps={{
        inputLabel: { shrink: true },
        htmlInput: { 'aria-label': ariaLabel ?? label, 'data-date-field': 'true', autoComplete: 'off', spellCheck: false, maxLength: 10 },
        input: {
          endAdornment: (
            <InputAdornment position="end" sx={{ position: 'relative' }}>
              <IconButton
                size="small"
                edge="end"
                tabIndex={-1}
                aria-label={t('openCalendar')}
                title={t('openCalendar')}
                onClick={() => {
                  const el = picker.current;
                  if (!el || typeof el.showPicker !== 'function') return;
                  el.value = 'iso' in parsed ? parsed.iso : '';
                  try {
                    el.showPicker();
                  } catch {
                    // not allowed here (no user gesture, old engine): typing still works
                  }
                }}
              >
                <CalendarMonthIcon fontSize="small" />
              </IconButton>
              {/* The browser's own calendar, opened by the button; never typed into, so its format does not matter. */}
              <input
                ref={picker}
                type="date"
                tabIndex={-1}
                aria-hidden="true"
                min={min}
                max={max}
                onChange={(e) => accept(isoToText(e.target.value, lang))}
                style={{ position: 'absolute', right: 0, bottom: 0, width: 1, height: 1, opacity: 0, border: 0, padding: 0, pointerEvents: 'none' }}
              />
            </InputAdornment>
          ),
        },
      }}
    />
  );
}
