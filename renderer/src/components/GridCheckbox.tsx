import { type ChangeEventHandler, type CSSProperties, type InputHTMLAttributes, type KeyboardEventHandler, type MouseEventHandler, type Ref, forwardRef, useEffect, useRef } from 'react';

interface GridCheckboxProps {
  checked?: boolean;
  indeterminate?: boolean;
  disabled?: boolean;
  onChange?: ChangeEventHandler<HTMLInputElement>;
  onKeyDown?: KeyboardEventHandler;
  onClick?: MouseEventHandler;
  onMouseDown?: MouseEventHandler;
  tabIndex?: number;
  className?: string;
  style?: CSSProperties;
  autoFocus?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  slotProps?: { htmlInput?: InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> } };
}

function assign<T>(ref: Ref<T> | undefined, value: T | null): void {
  if (typeof ref === 'function') ref(value);
  else if (ref) (ref as { current: T | null }).current = value;
}

/**
 * The DataGrid's tick box as the browser's own checkbox (slot `baseCheckbox`). MUI's Checkbox — a
 * ButtonBase with a ripple, an SVG icon and styles per row — was a large part of drawing each page of
 * Zamówienia (issue 16). The grid finds the input inside the element it gets by ref (to focus it), and
 * names it through `slotProps.htmlInput` (aria-label).
 */
export const GridCheckbox = forwardRef<HTMLSpanElement, GridCheckboxProps>(function GridCheckbox(
  { checked, indeterminate, disabled, onChange, onKeyDown, onClick, onMouseDown, tabIndex, className, style, autoFocus, inputRef, slotProps },
  ref,
) {
  const input = useRef<HTMLInputElement | null>(null);
  useEffect(() => {
    if (input.current) input.current.indeterminate = Boolean(indeterminate);
  }, [indeterminate]);
  useEffect(() => {
    if (autoFocus) input.current?.focus({ preventScroll: true });
  }, [autoFocus]);
  const { ref: htmlRef, ...html } = slotProps?.htmlInput ?? {};
  return (
    <span ref={ref} className={className} style={{ display: 'inline-flex', alignItems: 'center', justifyContent: 'center', width: 28, height: 28, ...style }}>
      <input
        {...html}
        ref={(el) => {
          input.current = el;
          assign(inputRef, el);
          assign(htmlRef, el);
        }}
        type="checkbox"
        checked={Boolean(checked)}
        disabled={disabled}
        onChange={onChange}
        onKeyDown={onKeyDown}
        onClick={onClick}
        onMouseDown={onMouseDown}
        tabIndex={tabIndex}
        style={{ width: 16, height: 16, margin: 0, cursor: disabled ? 'default' : 'pointer' }}
      />
    </span>
  );
});
