import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import { Fragment, useCallback, useReducer, useRef, useState } from 'react';
import type { ImportPreview } from '../../../../shared/contract/import.contract';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
import { DropZone } from './DropZone';
import { newImportToken } from './file-bytes';
import { ImportHistory } from './ImportHistory';
import { type BatchLink, ImportItem, type ImportSource } from './ImportItem';
import { importMessages } from './import.messages';
import { UnmatchedLines } from './UnmatchedLines';

interface Entry {
  id: number;
  source: ImportSource;
  /** Files chosen together share a batch (previewed as one, issue 15.7); null for a file alone. */
  batch: number | null;
}

/** What the screen knows about a batch member: its token once previewed, and whether it still waits. */
interface Member {
  token: string | null;
  file: string;
  state: 'loading' | 'pending' | 'done';
}

interface BatchState {
  /** Tokens in the order to import them (from import.previewBatch). */
  order: string[];
  previews: Record<string, ImportPreview>;
}

/** Inside the desktop app the core's own open dialog is used (the renderer never handles paths). */
const hasDesktopDialog = typeof window !== 'undefined' && 'zaplecze' in window && Boolean((window as { zaplecze?: unknown }).zaplecze);

let nextId = 1;
let nextBatch = 1;

function nameOf(source: ImportSource): string {
  return source.kind === 'file' ? source.file.name : source.preview.file;
}

/** Import: drop or choose files → preview each → import → history with undo; lines without a product. */
export default function ImportScreen() {
  const t = useT(importMessages);
  const [entries, setEntries] = useState<Entry[]>([]);
  const [pickError, setPickError] = useState<unknown>(null);
  const [picking, setPicking] = useState(false);
  const [batches, setBatches] = useState<Record<number, BatchState>>({});
  /** Batch members by batch and card id: kept in a ref so a refresh always sees the latest (a render is asked with bump). */
  const members = useRef<Record<number, Record<number, Member>>>({});
  const [, bump] = useReducer((n: number) => n + 1, 0);
  /** The newest request per batch wins (a refresh asked while another runs replaces its answer). */
  const asked = useRef<Record<number, number>>({});

  function add(sources: ImportSource[]) {
    const batch = sources.length > 1 ? nextBatch++ : null;
    const added = sources.map((source) => ({ id: nextId++, source, batch }));
    if (batch !== null) members.current[batch] = Object.fromEntries(added.map((e) => [e.id, { token: null, file: nameOf(e.source), state: 'loading' as const }]));
    setEntries((current) => [...added, ...current]);
  }

  /** Previews the batch's files still waiting as one, once every file of it has its own preview. */
  const refresh = useCallback(async (batch: number) => {
    const list = Object.values(members.current[batch] ?? {});
    if (list.length === 0 || list.some((m) => m.state === 'loading')) return;
    const tokens = list.filter((m) => m.state === 'pending' && m.token).map((m) => m.token!);
    if (tokens.length === 0) return;
    const ask = (asked.current[batch] ?? 0) + 1;
    asked.current[batch] = ask;
    try {
      const { previews } = await api.call('import.previewBatch', { tokens });
      if (asked.current[batch] !== ask) return;
      setBatches((current) => ({
        ...current,
        [batch]: { order: previews.map((p) => p.token), previews: { ...current[batch]?.previews, ...Object.fromEntries(previews.map((p) => [p.token, p])) } },
      }));
    } catch {
      // Each card keeps its own preview; the next change asks again.
    }
  }, []);

  function updateMember(batch: number, id: number, change: Partial<Member>) {
    const own = members.current[batch]?.[id];
    if (!own) return;
    members.current[batch]![id] = { ...own, ...change };
    bump();
    void refresh(batch);
  }

  function linkFor(entry: Entry): BatchLink | undefined {
    if (entry.batch === null) return undefined;
    const b = batches[entry.batch] ?? { order: [], previews: {} };
    const all = members.current[entry.batch] ?? {};
    const me = all[entry.id];
    if (!me) return undefined;
    const position = me.token ? b.order.indexOf(me.token) : -1;
    const waitingFor =
      position <= 0
        ? []
        : b.order
            .slice(0, position)
            .map((token) => Object.values(all).find((m) => m.token === token))
            .filter((m): m is Member => Boolean(m && m.state === 'pending'))
            .map((m) => m.file);
    const batch = entry.batch;
    return {
      preview: me.token ? (b.previews[me.token] ?? null) : null,
      waitingFor,
      onPreview: (preview) => updateMember(batch, entry.id, { token: preview.token, file: preview.file, state: preview.status === 'rejected' ? 'done' : 'pending' }),
      onChanged: () => void refresh(batch),
      onFinished: () => updateMember(batch, entry.id, { state: 'done' }),
    };
  }

  /** Cards of a batch in the order to import them (as the batch preview says); others as they came. */
  function ordered(list: Entry[]): Entry[] {
    const rank = (e: Entry) => {
      const token = e.batch === null ? null : members.current[e.batch]?.[e.id]?.token;
      const i = token && e.batch !== null ? (batches[e.batch]?.order.indexOf(token) ?? -1) : -1;
      return i === -1 ? Number.MAX_SAFE_INTEGER : i;
    };
    const firstOf = new Map<number | null, number>();
    list.forEach((e, i) => {
      if (e.batch !== null && !firstOf.has(e.batch)) firstOf.set(e.batch, i);
    });
    const group = (e: Entry, i: number) => (e.batch === null ? i : firstOf.get(e.batch)!);
    return list
      .map((e, i) => ({ e, i }))
      .sort((a, b) => group(a.e, a.i) - group(b.e, b.i) || (a.e.batch !== null && a.e.batch === b.e.batch ? rank(a.e) - rank(b.e) : 0) || a.i - b.i)
      .map((x) => x.e);
  }

  async function pickWithDialog() {
    setPicking(true);
    setPickError(null);
    try {
      const { previews } = await api.call('import.pick', { token: newImportToken() });
      add(previews.map((preview) => ({ kind: 'preview' as const, preview })));
    } catch (error) {
      setPickError(error);
    } finally {
      setPicking(false);
    }
  }

  return (
    <Box>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Stack spacing={3}>
        <DropZone
          onFiles={(files) => add(files.map((file) => ({ kind: 'file' as const, file })))}
          onPickWithDialog={hasDesktopDialog ? () => void pickWithDialog() : undefined}
          disabled={picking}
        />
        <ErrorAlert error={pickError} />
        {ordered(entries).map((entry, i, list) => (
          <Fragment key={entry.id}>
            {entry.batch !== null && list[i - 1]?.batch !== entry.batch && (
              <Alert severity="info" data-testid="import-batch-note">
                {t('batchNote', { n: list.filter((e) => e.batch === entry.batch).length })}
              </Alert>
            )}
            <ImportItem
              source={entry.source}
              batch={linkFor(entry)}
              onRemove={() => {
                if (entry.batch !== null) updateMember(entry.batch, entry.id, { state: 'done' });
                setEntries((current) => current.filter((e) => e.id !== entry.id));
              }}
            />
          </Fragment>
        ))}
        <UnmatchedLines />
        <ImportHistory />
      </Stack>
    </Box>
  );
}
