import Tooltip from '@mui/material/Tooltip';
import { useEffect, useState } from 'react';
import { api } from '../../../api';
import { useT } from '../../../i18n/i18n';
import { reorderMessages } from './reorder.messages';

type ClassText = string;

/**
 * ABC/XYZ per product for Magazyn's table: the cells of one page ask together — ids wanted in the same
 * moment go in one `planning.classes` call — and answers are kept for a minute (they move with the
 * ledger, not with every keystroke).
 */
const known = new Map<number, { text: ClassText; at: number }>();
let wanted = new Map<number, Array<(text: ClassText) => void>>();
let timer: ReturnType<typeof setTimeout> | null = null;
const FRESH_MS = 60_000;

function flush(): void {
  timer = null;
  const batch = wanted;
  wanted = new Map();
  const ids = [...batch.keys()];
  for (let i = 0; i < ids.length; i += 2000) {
    const chunk = ids.slice(i, i + 2000);
    api.call('planning.classes', { productIds: chunk }).then(
      (classes) => {
        const at = Date.now();
        const byId = new Map(classes.map((c) => [c.productId, `${c.abc}${c.xyz ?? ''}`]));
        for (const id of chunk) {
          const text = byId.get(id) ?? '';
          known.set(id, { text, at });
          for (const done of batch.get(id) ?? []) done(text);
        }
      },
      () => {
        for (const id of chunk) for (const done of batch.get(id) ?? []) done('');
      },
    );
  }
}

function classOf(productId: number, done: (text: ClassText) => void): ClassText | null {
  const hit = known.get(productId);
  if (hit && Date.now() - hit.at < FRESH_MS) return hit.text;
  const list = wanted.get(productId) ?? [];
  list.push(done);
  wanted.set(productId, list);
  timer ??= setTimeout(flush, 30);
  return null;
}

/** One product's class. The legend is the heading's tooltip: a MUI Tooltip on every row cost drawing time per page. */
export function ProductClassCell({ productId }: { productId: number }) {
  const [text, setText] = useState<ClassText | null>(() => known.get(productId)?.text ?? null);
  useEffect(() => {
    let live = true;
    const now = classOf(productId, (value) => live && setText(value));
    if (now !== null) setText(now);
    return () => {
      live = false;
    };
  }, [productId]);
  return <span data-product-class={text ?? ''}>{text === null ? '' : text || '—'}</span>;
}

/** The "Klasa" heading of Magazyn's product table (ABC by sales value, XYZ by variability), its legend on hover. */
export function ProductClassHeader() {
  const t = useT(reorderMessages);
  return (
    <Tooltip title={t('classLegend')}>
      <span style={{ fontWeight: 500 }}>{t('colClass')}</span>
    </Tooltip>
  );
}

