import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { useRef } from 'react';
import { useT } from '../i18n/i18n';
import { useNotify } from './notify';
import { orderNumberMessages } from './order-number.messages';

interface OrderNumberProps {
  number: string;
  /** Put "Nr zamówienia" before the number (under a title); off in table cells that have a header. */
  withLabel?: boolean;
  /** One line, cut short with "…" (table cells); the whole number is still in the text and the tooltip. */
  compact?: boolean;
}

/**
 * The full order number, small and in a monospace font, with a copy button — for searching in Allegro
 * or pasting into a message. The whole number is in the page's text (tests, Ctrl+F and a screen reader
 * find it) and one click selects all of it. Titles name the buyer instead (see order-number-text.ts).
 */
export function OrderNumber({ number, withLabel = true, compact = false }: OrderNumberProps) {
  const t = useT(orderNumberMessages);
  const notify = useNotify();
  const text = useRef<HTMLSpanElement>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(number);
    } catch {
      // No clipboard API here (an insecure context, a test browser): select the number and copy that.
      const node = text.current;
      const selection = window.getSelection();
      if (!node || !selection) return;
      selection.selectAllChildren(node);
      if (!document.execCommand?.('copy')) return;
    }
    notify(t('copied'));
  }

  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, maxWidth: '100%', minWidth: 0 }}>
      {withLabel && (
        <Box component="span" sx={{ whiteSpace: 'nowrap' }}>
          {t('orderNumber')}
        </Box>
      )}
      <Box
        ref={text}
        component="span"
        data-testid="order-number"
        title={compact ? number : undefined}
        sx={{ fontFamily: 'monospace', fontSize: '0.8125rem', userSelect: 'all', ...(compact ? { maxWidth: 120, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } : { overflowWrap: 'anywhere' }) }}
      >
        {number}
      </Box>
      <IconButton size="small" aria-label={t('copy')} title={t('copy')} onClick={(e) => {
          e.stopPropagation(); // inside a clickable row: copy, don't open
          void copy();
        }} sx={{ p: 0.25 }}>
        <ContentCopyIcon sx={{ fontSize: 14 }} />
      </IconButton>
    </Box>
  );
}
