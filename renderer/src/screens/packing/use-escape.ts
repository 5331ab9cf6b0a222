import { useEffect, useRef } from 'react';

/**
 * Esc goes back — unless a dialog or menu is open (MUI closes those on Esc itself and marks the
 * body), so one Esc never both closes a dialog and leaves the screen.
 */
export function useEscape(onEscape: () => void): void {
  const ref = useRef(onEscape);
  ref.current = onEscape;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      if (document.querySelector('[role="dialog"], [role="presentation"].MuiPopover-root, .MuiMenu-root')) return;
      ref.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
