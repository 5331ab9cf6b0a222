import InputAdornment from '@mui/material/InputAdornment';
import type { SxProps, Theme } from '@mui/material/styles';
import TextField from '@mui/material/TextField';
import SearchIcon from '@mui/icons-material/Search';
import type { KeyboardEvent, Ref } from 'react';

interface SearchFieldProps {
  inputRef?: Ref<HTMLInputElement>;
  value: string;
  onChange: (text: string) => void;
  /** Enter: search at once, or look the code up when a scanner typed it. */
  onEnter: () => void | Promise<void>;
  label: string;
  placeholder?: string;
  /** A refused scan, shown in red under the field; null keeps the line empty (the field does not jump). */
  message: string | null;
  fullWidth?: boolean;
  /**
   * One line for a dense list screen: a small field, and the refused-scan message floats under it
   * instead of keeping an empty line free (the rows below do not move when it shows).
   */
  dense?: boolean;
  sx?: SxProps<Theme>;
}

/**
 * The search box above a list. Unlike ScanField it keeps what was typed (it is the list's filter), but a
 * USB scanner may type into it too: Enter goes to `onEnter`, and `data-scan-field` marks it as the
 * screen's scan field (screens and the e2e page objects find it by that).
 */
export function SearchField({ inputRef, value, onChange, onEnter, label, placeholder, message, fullWidth, dense = false, sx }: SearchFieldProps) {
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void onEnter();
  }
  return (
    <TextField
      inputRef={inputRef}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={(e) => onKeyDown(e as KeyboardEvent<HTMLInputElement>)}
      label={label}
      placeholder={placeholder}
      error={message !== null}
      helperText={dense ? message : (message ?? ' ')}
      fullWidth={fullWidth}
      size={dense ? 'small' : 'medium'}
      sx={sx}
      autoComplete="off"
      slotProps={{
        ...(dense ? { formHelperText: { sx: { position: 'absolute', top: '100%', left: 0, mt: 0.25, px: 0.5, bgcolor: 'background.paper', zIndex: 2 } } } : {}),
        htmlInput: { 'aria-label': label, 'data-scan-field': 'true', spellCheck: false },
        input: { startAdornment: <InputAdornment position="start"><SearchIcon /></InputAdornment> },
      }}
    />
  );
}
