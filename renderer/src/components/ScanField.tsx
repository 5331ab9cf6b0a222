import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import QrCodeScannerIcon from '@mui/icons-material/QrCodeScanner';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { commonMessages } from '../i18n/common.messages';
import { useT } from '../i18n/i18n';

export interface ScanFeedback {
  kind: 'ok' | 'error';
  text: string;
}

interface ScanFieldProps {
  /** Called with the trimmed code when Enter is pressed (a USB scanner types the digits and Enter). */
  onScan: (code: string) => void | Promise<void>;
  label?: string;
  /** Accept only digits (EANs). Turn off for tracking numbers and order ids. Default true. */
  digitsOnly?: boolean;
  /** Shown under the field: green for a good scan, red for a refused one. */
  feedback?: ScanFeedback | null;
  disabled?: boolean;
  autoFocus?: boolean;
  /** Take the focus back after each scan so the next scan lands here without a click. Default true. */
  keepFocus?: boolean;
  /** Accessible name when it differs from the label (tests find the field by it). */
  ariaLabel?: string;
  placeholder?: string;
  /** 'small' in a dense screen (the packing queue): 40 px high instead of 56. */
  size?: 'small' | 'medium';
}

/**
 * The field a barcode scanner types into. Scanners behave like a fast keyboard: digits then Enter.
 * The field clears after each code so scans never run together, and keeps the focus (unless told not to).
 */
export function ScanField({ onScan, label, digitsOnly = true, feedback, disabled, autoFocus = true, keepFocus = true, ariaLabel, placeholder, size = 'medium' }: ScanFieldProps) {
  const t = useT(commonMessages);
  const [value, setValue] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const busy = useRef(false);

  useEffect(() => {
    if (autoFocus && !disabled) input.current?.focus();
  }, [autoFocus, disabled]);

  async function submit() {
    const code = value.trim();
    if (!code || busy.current) return;
    if (digitsOnly && !/^\d+$/.test(code)) {
      setLocalError(t('scanInvalid'));
      setValue('');
      return;
    }
    setLocalError(null);
    setValue('');
    busy.current = true;
    try {
      await onScan(code);
    } finally {
      busy.current = false;
      if (keepFocus) input.current?.focus();
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      void submit();
    }
  }

  const message = localError ?? feedback?.text;
  const isError = localError !== null || feedback?.kind === 'error';
  return (
    <TextField
      inputRef={input}
      value={value}
      onChange={(e) => setValue(e.target.value)}
      onKeyDown={onKeyDown}
      label={label ?? t('scanLabel')}
      placeholder={placeholder}
      disabled={disabled}
      error={isError}
      helperText={message ?? ' '}
      fullWidth
      size={size}
      autoComplete="off"
      slotProps={{
        htmlInput: {
          'aria-label': ariaLabel ?? label ?? t('scanLabel'),
          inputMode: digitsOnly ? 'numeric' : 'text',
          spellCheck: false,
          'data-scan-field': 'true',
        },
        input: {
          startAdornment: (
            <InputAdornment position="start">
              <QrCodeScannerIcon />
            </InputAdornment>
          ),
        },
        formHelperText: {
          role: message ? 'status' : undefined,
          sx: !isError && message ? { color: 'success.main', fontWeight: 600 } : undefined,
        } as object,
      }}
    />
  );
}
