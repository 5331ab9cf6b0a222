import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import type { SxProps, Theme } from '@mui/material/styles';
import TablePagination from '@mui/material/TablePagination';
import TableSortLabel from '@mui/material/TableSortLabel';
import { type KeyboardEvent, type MouseEvent, type ReactNode, memo, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useFormat } from '../i18n/format';
import { useT } from '../i18n/i18n';
import { pagedTableMessages } from './paged-table.messages';
import { useDelayedFlag, useStableCallback } from './use-stable-grid';

/** One column: its cell is `render(row)`; a column without `width` shares the room left over. */
export interface PagedColumn<R> {
  field: string;
  label: string;
  /** What the heading shows instead of the label (the label still names it for a screen reader). */
  header?: ReactNode;
  /** Pixels; leave out for a column that takes the rest (at least `minWidth`). */
  width?: number;
  minWidth?: number;
  align?: 'right';
  sortable?: boolean;
  render: (row: R) => ReactNode;
  /** A class for the cell worked out from the row (e.g. a low stock number in colour). */
  cellClass?: (row: R) => string;
}

export type SortDir = 'asc' | 'desc';

export interface PagedTableProps<R extends { id: number }> {
  'aria-label': string;
  columns: readonly PagedColumn<R>[];
  rows: readonly R[];
  /** Rows matching, or -1 when the core stopped counting (then `hasNextPage` decides "next"). */
  rowCount: number;
  hasNextPage: boolean;
  loading: boolean;
  page: number;
  pageSize: number;
  sort: { field: string; dir: SortDir } | null;
  /** A click on a sortable heading: the screen decides what the new order is. */
  onSortClick: (field: string) => void;
  onPage: (page: number, pageSize: number) => void;
  onOpen: (id: number) => void;
  /** Tick boxes in the first column; null for a table without selection. */
  selected?: ReadonlySet<number> | null;
  onSelect?: (ids: number[]) => void;
  rowClass?: (row: R) => string;
  noRowsLabel: string;
  /** Extra styles for what the cells draw (tags, colours). */
  sx?: SxProps<Theme>;
}

export const PAGE_SIZES = [25, 50, 100];
/** The progress bar waits this long for an answer: a quick page is drawn once, without it flashing (issue 16). */
const LOADING_DELAY_MS = 250;
const CHECK_WIDTH = 40;
const NO_SELECTION: ReadonlySet<number> = new Set();

const TABLE_SX = {
  flex: 1,
  minHeight: 320,
  display: 'flex',
  flexDirection: 'column',
  position: 'relative',
  border: 1,
  borderColor: 'divider',
  borderRadius: 1,
  bgcolor: 'background.paper',
  '& .paged-scroll': { flex: 1, minHeight: 0, overflow: 'auto' },
  '& table': { width: '100%', tableLayout: 'fixed', borderCollapse: 'separate', borderSpacing: 0, fontSize: '0.875rem' },
  '& th': {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    height: 34,
    px: 1,
    py: 0,
    bgcolor: 'background.paper',
    borderBottom: 1,
    borderColor: 'divider',
    fontWeight: 500,
    textAlign: 'left',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
  },
  '& td': { height: 30, px: 1, py: 0, borderBottom: 1, borderColor: 'divider', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
  '& .align-right': { textAlign: 'right' },
  '& .check': { px: 0, textAlign: 'center' },
  '& .check input': { width: 16, height: 16, m: 0, verticalAlign: 'middle', cursor: 'pointer' },
  '& tbody tr[data-id]': { cursor: 'pointer' },
  '& tbody tr[data-id]:hover': { bgcolor: 'action.hover' },
  '& tbody tr.selected': { bgcolor: 'action.selected' },
  '& tbody tr:focus-visible': { outline: 2, outlineColor: 'primary.main', outlineStyle: 'solid', outlineOffset: -2 },
  '& .paged-empty': { height: 120, textAlign: 'center', color: 'text.secondary', whiteSpace: 'normal' },
  '& .paged-sort': { width: '100%', minWidth: 0, overflow: 'hidden' },
  '& .align-right .paged-sort': { flexDirection: 'row-reverse' },
  '& .paged-progress': { position: 'absolute', top: 34, left: 0, right: 0, zIndex: 2 },
  '& .MuiTablePagination-root': { borderTop: 1, borderColor: 'divider', flexShrink: 0, overflow: 'hidden' },
  '& .MuiTablePagination-toolbar': { minHeight: 40 },
} as const;

interface RowProps<R extends { id: number }> {
  row: R;
  columns: readonly PagedColumn<R>[];
  checked: boolean | null;
  index: number;
  className: string;
  selectLabel: string;
  /** Told when this row goes while it has the focus (a new page, a reload): the table keeps the focus. */
  onFocusedRowGone: (index: number) => void;
}

/**
 * One line: drawn again only when its row, its tick or the columns change, so ticking one order or a
 * state change of the screen does not redraw the page (issue 16). Clicks and keys are handled once for
 * the whole body (PagedTable), found by `data-id`.
 */
const Row = memo(function Row<R extends { id: number }>({ row, columns, checked, index, className, selectLabel, onFocusedRowGone }: RowProps<R>) {
  const tr = useRef<HTMLTableRowElement>(null);
  const at = useRef(index);
  at.current = index;
  // Runs before React removes the element: the focus is still on it if it had it.
  useLayoutEffect(
    () => () => {
      const el = tr.current;
      if (el && el.ownerDocument.activeElement === el) onFocusedRowGone(at.current);
    },
    [onFocusedRowGone],
  );
  return (
    <tr ref={tr} data-id={row.id} className={className} tabIndex={index === 0 ? 0 : -1}>
      {checked !== null && (
        <td className="check" data-field="__check__">
          <input type="checkbox" checked={checked} readOnly tabIndex={-1} aria-label={selectLabel} />
        </td>
      )}
      {columns.map((c) => {
        const extra = c.cellClass?.(row);
        return (
          <td key={c.field} data-field={c.field} className={[c.align === 'right' ? 'align-right' : '', extra ?? ''].join(' ').trim() || undefined}>
            {c.render(row)}
          </td>
        );
      })}
    </tr>
  );
}) as <R extends { id: number }>(props: RowProps<R>) => ReactNode;

/**
 * A server-paged list (Zamówienia, Magazyn): one page of rows from the core as a plain HTML table with
 * a sticky heading, sortable headings, optional tick boxes and MUI's pager. It replaced MUI X's DataGrid
 * there: the core pages, so at most 100 rows are ever drawn and nothing needs virtualising, while the
 * grid's first mount (its scrollbar measuring, state and context) and its repeated renders per page
 * cost 150–800 ms per click on a 2-core laptop (issue 16).
 *
 * Keyboard: Tab reaches the first row; ↑/↓/Home/End move between rows, Enter opens one, Space ticks it,
 * PageDown/PageUp turn the page. The focus stays in the table when its rows change under it (a page
 * turned, a reload): on the row at the same place of the new page, not lost to the window.
 */
function PagedTableInner<R extends { id: number }>(props: PagedTableProps<R>) {
  const t = useT(pagedTableMessages);
  const format = useFormat();
  const { columns, rows, rowCount, hasNextPage, page, pageSize, sort, rowClass } = props;
  const selectable = props.selected !== undefined && props.selected !== null;
  const selected = props.selected ?? NO_SELECTION;

  // A known count that shrank under the page in view (e.g. orders shipped meanwhile): to the last page, as the grid did.
  const onPage = useStableCallback(props.onPage);
  useEffect(() => {
    if (rowCount >= 0 && page > 0 && page * pageSize >= rowCount) onPage(Math.max(0, Math.ceil(rowCount / pageSize) - 1), pageSize);
  }, [rowCount, page, pageSize, onPage]);

  const toggle = (ids: number[], on: boolean) => {
    const next = new Set(selected);
    for (const id of ids) {
      if (on) next.add(id);
      else next.delete(id);
    }
    props.onSelect?.([...next]);
  };

  // A focused row replaced by a new page's rows (or a reload) took the focus with it, to the window: a
  // person paging with the keyboard then started again from the top of the screen. The row says where
  // it was; once the new rows are in, the row at that place takes the focus.
  const body = useRef<HTMLTableSectionElement>(null);
  const lostAt = useRef<number | null>(null);
  const onFocusedRowGone = useStableCallback((index: number) => {
    lostAt.current = index;
  });
  useLayoutEffect(() => {
    const index = lostAt.current;
    const tbody = body.current;
    if (index === null || !tbody) return;
    const doc = tbody.ownerDocument;
    // Something else took the focus meanwhile (a click elsewhere): leave it there.
    if (doc.activeElement && doc.activeElement !== doc.body) {
      lostAt.current = null;
      return;
    }
    const rowsNow = tbody.querySelectorAll<HTMLTableRowElement>('tr[data-id]');
    if (rowsNow.length === 0) return; // the new page is not here yet
    lostAt.current = null;
    rowsNow[Math.min(index, rowsNow.length - 1)]!.focus();
  }, [rows]);

  const onBodyClick = useStableCallback((event: MouseEvent<HTMLTableSectionElement>) => {
    const target = event.target as HTMLElement;
    const tr = target.closest('tr[data-id]');
    if (!tr) return;
    const id = Number(tr.getAttribute('data-id'));
    if (target.closest('td.check')) toggle([id], !selected.has(id));
    else props.onOpen(id);
  });

  const onBodyKey = useStableCallback((event: KeyboardEvent<HTMLTableSectionElement>) => {
    const target = event.target as HTMLElement;
    const tr = target.closest('tr[data-id]') as HTMLTableRowElement | null;
    if (!tr) return;
    // A tick box clicked into focus keeps the browser's own Space (its click ticks it, below) and Enter.
    if (target.tagName === 'INPUT' && (event.key === ' ' || event.key === 'Enter')) return;
    const id = Number(tr.getAttribute('data-id'));
    const tbody = tr.parentElement!;
    const move = (to: Element | null | undefined) => {
      if (!(to instanceof HTMLElement)) return;
      event.preventDefault();
      to.focus();
    };
    if (event.key === 'ArrowDown') move(tr.nextElementSibling);
    else if (event.key === 'ArrowUp') move(tr.previousElementSibling);
    else if (event.key === 'Home') move(tbody.firstElementChild);
    else if (event.key === 'End') move(tbody.lastElementChild);
    else if (event.key === 'PageDown' || event.key === 'PageUp') {
      event.preventDefault();
      const forward = event.key === 'PageDown';
      if (forward ? hasNextPage : page > 0) props.onPage(page + (forward ? 1 : -1), pageSize);
    }
    else if (event.key === 'Enter') {
      event.preventDefault();
      props.onOpen(id);
    } else if (event.key === ' ' && selectable) {
      event.preventDefault();
      toggle([id], !selected.has(id));
    }
  });

  // The bar shows for a slow answer only; with nothing on screen yet it shows at once.
  const slow = useDelayedFlag(props.loading, LOADING_DELAY_MS);
  const showLoading = props.loading && (rows.length === 0 || slow);
  const pageIds = rows.map((r) => r.id);
  const ticked = selectable ? pageIds.filter((id) => selected.has(id)).length : 0;
  const allTicked = ticked > 0 && ticked === pageIds.length;
  const columnCount = columns.length + (selectable ? 1 : 0);
  const minWidth = (selectable ? CHECK_WIDTH : 0) + columns.reduce((sum, c) => sum + (c.width ?? c.minWidth ?? 120), 0);
  const selectLabel = t('selectRow');
  const labelDisplayedRows = useMemo(
    () =>
      ({ from, to, count }: { from: number; to: number; count: number }) =>
        t('displayed', { from: format.number(from), to: format.number(to), count: count === -1 ? t('moreThan', { to: format.number(to) }) : format.number(count) }),
    [t, format],
  );

  return (
    <Box sx={props.sx ? [TABLE_SX, ...(Array.isArray(props.sx) ? props.sx : [props.sx])] : TABLE_SX} data-paged-table="">
      <div className="paged-scroll">
        <table aria-label={props['aria-label']} aria-busy={props.loading} style={{ minWidth }}>
          <colgroup>
            {selectable && <col style={{ width: CHECK_WIDTH }} />}
            {columns.map((c) => (
              <col key={c.field} style={c.width ? { width: c.width } : undefined} />
            ))}
          </colgroup>
          <thead>
            <tr>
              {selectable && (
                <th className="check" data-field="__check__">
                  <input
                    type="checkbox"
                    checked={allTicked}
                    ref={(el) => {
                      if (el) el.indeterminate = ticked > 0 && !allTicked;
                    }}
                    disabled={pageIds.length === 0}
                    onChange={() => toggle(pageIds, !allTicked)}
                    aria-label={allTicked ? t('unselectPage') : t('selectPage')}
                  />
                </th>
              )}
              {columns.map((c) => {
                const dir = sort?.field === c.field ? sort.dir : null;
                return (
                  <th
                    key={c.field}
                    data-field={c.field}
                    className={c.align === 'right' ? 'align-right' : undefined}
                    aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : undefined}
                    title={c.header ? c.label : undefined}
                    // The whole heading sorts (the label inside is the keyboard's button; its click bubbles here).
                    onClick={c.sortable ? () => props.onSortClick(c.field) : undefined}
                    style={c.sortable ? { cursor: 'pointer' } : undefined}
                  >
                    {c.sortable ? (
                      <TableSortLabel className="paged-sort" active={dir !== null} direction={dir ?? 'asc'}>
                        {c.header ?? c.label}
                      </TableSortLabel>
                    ) : (
                      (c.header ?? c.label)
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody ref={body} onClick={onBodyClick} onKeyDown={onBodyKey}>
            {rows.map((row, i) => (
              <Row
                key={row.id}
                row={row}
                columns={columns}
                checked={selectable ? selected.has(row.id) : null}
                index={i}
                className={[selectable && selected.has(row.id) ? 'selected' : '', rowClass?.(row) ?? ''].join(' ').trim()}
                selectLabel={selectLabel}
                onFocusedRowGone={onFocusedRowGone}
              />
            ))}
            {rows.length === 0 && (
              <tr>
                <td className="paged-empty" colSpan={columnCount}>
                  {props.loading ? t('loading') : props.noRowsLabel}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {showLoading && <LinearProgress className="paged-progress" />}
      <TablePagination
        component="div"
        count={rowCount}
        page={page}
        rowsPerPage={pageSize}
        rowsPerPageOptions={PAGE_SIZES}
        onPageChange={(_e, next) => props.onPage(next, pageSize)}
        onRowsPerPageChange={(e) => props.onPage(0, Number(e.target.value))}
        labelRowsPerPage={t('rowsPerPage')}
        labelDisplayedRows={labelDisplayedRows}
        getItemAriaLabel={(type) => t(`${type}Page`)}
        slotProps={{ actions: { nextButton: { disabled: !hasNextPage } } }}
      />
    </Box>
  );
}

/** Memoised: typing in the screen's search field (a render of the screen per key) does not redraw the table. */
export const PagedTable = memo(PagedTableInner) as typeof PagedTableInner;
