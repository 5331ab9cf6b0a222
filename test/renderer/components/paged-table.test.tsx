import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type PagedColumn, PagedTable, type SortDir } from '../../../renderer/src/components/PagedTable';
import { LanguageProvider, type Lang } from '../../../renderer/src/i18n/i18n';

/**
 * Issue 16: Zamówienia and Magazyn draw one page from the core in PagedTable instead of MUI X's DataGrid.
 * Everything the grid did there must still work: the pager (count, unknown count, last page, page
 * size), sortable headings, tick boxes with "the whole page", opening a row by mouse and keyboard, the
 * empty list, the bar for a slow answer only, English.
 */
interface Item {
  id: number;
  name: string;
  price: number;
}

const COLUMNS: PagedColumn<Item>[] = [
  { field: 'name', label: 'Nazwa', minWidth: 200, sortable: true, render: (r) => r.name },
  { field: 'price', label: 'Cena', width: 100, align: 'right', sortable: true, render: (r) => `${r.price} zł`, cellClass: (r) => (r.price > 10 ? 'dear' : '') },
  { field: 'note', label: 'Uwagi', width: 100, render: () => '—' },
];

const items = (from: number, n: number): Item[] => Array.from({ length: n }, (_, i) => ({ id: from + i, name: `Rzecz ${from + i}`, price: from + i }));

interface HostProps {
  rows?: Item[];
  rowCount?: number;
  hasNextPage?: boolean;
  loading?: boolean;
  selectable?: boolean;
  lang?: Lang;
  spy: {
    onPage: (page: number, pageSize: number) => void;
    onSortClick: (field: string) => void;
    onOpen: (id: number) => void;
    onSelect?: (ids: number[]) => void;
  };
  page?: number;
  sort?: { field: string; dir: SortDir } | null;
}

function Host({ rows = items(1, 3), rowCount = 120, hasNextPage = true, loading = false, selectable = false, lang = 'pl', spy, page = 0, sort = null }: HostProps) {
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  return (
    <LanguageProvider lang={lang}>
      <PagedTable
        aria-label="Lista"
        columns={COLUMNS}
        rows={rows}
        rowCount={rowCount}
        hasNextPage={hasNextPage}
        loading={loading}
        page={page}
        pageSize={50}
        sort={sort}
        onSortClick={spy.onSortClick}
        onPage={spy.onPage}
        onOpen={spy.onOpen}
        selected={selectable ? selected : null}
        onSelect={(ids) => {
          spy.onSelect?.(ids);
          setSelected(new Set(ids));
        }}
        noRowsLabel="Brak rzeczy"
      />
    </LanguageProvider>
  );
}

const spies = () => ({ onPage: vi.fn(), onSortClick: vi.fn(), onOpen: vi.fn(), onSelect: vi.fn() });
const dataRows = () => screen.getAllByRole('row').filter((r) => r.hasAttribute('data-id'));

describe('PagedTable', () => {
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('draws the page with its columns, the count in Polish numbers, and pages forward, back and by size', async () => {
    const user = userEvent.setup({ delay: null });
    const spy = spies();
    const view = render(<Host spy={spy} rows={items(51, 50)} rowCount={1234} page={1} />);
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Nazwa', 'Cena', 'Uwagi']);
    expect(dataRows()).toHaveLength(50);
    expect(dataRows()[0]!.getAttribute('data-id')).toBe('51');
    expect(within(dataRows()[0]!).getByText('51 zł').getAttribute('data-field')).toBe('price');
    expect(within(dataRows()[0]!).getByText('51 zł').className).toContain('dear');
    expect(screen.getByText('51–100 z 1234')).toBeTruthy();
    expect(screen.getByText('Wierszy na stronę:')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: /następnej stron/ }));
    expect(spy.onPage).toHaveBeenLastCalledWith(2, 50);
    await user.click(screen.getByRole('button', { name: /poprzedniej stron/ }));
    expect(spy.onPage).toHaveBeenLastCalledWith(0, 50);
    await user.click(screen.getByRole('combobox'));
    await user.click(await screen.findByRole('option', { name: '100' }));
    expect(spy.onPage).toHaveBeenLastCalledWith(0, 100);

    // The last page of a known count: "next" is off.
    view.rerender(<Host spy={spy} rows={items(101, 20)} rowCount={120} hasNextPage={false} page={2} />);
    expect(screen.getByText('101–120 z 120')).toBeTruthy();
    expect((screen.getByRole('button', { name: /następnej stron/ }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('with an uncounted total says "więcej niż" and lets "next" follow hasNextPage', () => {
    const spy = spies();
    const view = render(<Host spy={spy} rows={items(1, 50)} rowCount={-1} hasNextPage />);
    expect(screen.getByText('1–50 z więcej niż 50')).toBeTruthy();
    expect((screen.getByRole('button', { name: /następnej stron/ }) as HTMLButtonElement).disabled).toBe(false);
    view.rerender(<Host spy={spy} rows={items(1, 50)} rowCount={-1} hasNextPage={false} />);
    expect((screen.getByRole('button', { name: /następnej stron/ }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('a count that shrank under the page in view brings the last page', () => {
    const spy = spies();
    render(<Host spy={spy} rows={[]} rowCount={60} page={3} />);
    expect(spy.onPage).toHaveBeenCalledWith(1, 50);
  });

  it('sorts by a click on a sortable heading (not on another), and marks the sorted one', async () => {
    const user = userEvent.setup({ delay: null });
    const spy = spies();
    const view = render(<Host spy={spy} sort={{ field: 'price', dir: 'desc' }} />);
    const header = (name: string) => screen.getByRole('columnheader', { name });
    expect(header('Cena').getAttribute('aria-sort')).toBe('descending');
    expect(header('Nazwa').getAttribute('aria-sort')).toBeNull();
    await user.click(header('Nazwa'));
    expect(spy.onSortClick).toHaveBeenLastCalledWith('name');
    await user.click(header('Uwagi'));
    expect(spy.onSortClick).toHaveBeenCalledTimes(1);
    // The heading's label is a button for the keyboard.
    within(header('Cena')).getByRole('button').focus();
    await user.keyboard('{Enter}');
    expect(spy.onSortClick).toHaveBeenLastCalledWith('price');
    view.rerender(<Host spy={spy} sort={{ field: 'name', dir: 'asc' }} />);
    expect(header('Nazwa').getAttribute('aria-sort')).toBe('ascending');
  });

  it('opens a row by a click and by Enter, moves with the arrows, and ticks with the box or Space', async () => {
    const user = userEvent.setup({ delay: null });
    const spy = spies();
    render(<Host spy={spy} selectable />);
    await user.click(screen.getByText('Rzecz 2'));
    expect(spy.onOpen).toHaveBeenLastCalledWith(2);

    const rows = dataRows();
    expect(rows.map((r) => r.tabIndex)).toEqual([0, -1, -1]);
    rows[0]!.focus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement).toBe(rows[2]);
    await user.keyboard('{ArrowUp}{Enter}');
    expect(spy.onOpen).toHaveBeenLastCalledWith(2);
    await user.keyboard(' ');
    expect(spy.onSelect).toHaveBeenLastCalledWith([2]);

    // The box ticks and does not open the order.
    const opened = spy.onOpen.mock.calls.length;
    await user.click(within(rows[0]!).getByRole('checkbox', { name: 'Zaznacz wiersz' }));
    expect(spy.onSelect).toHaveBeenLastCalledWith([2, 1]);
    expect(spy.onOpen.mock.calls.length).toBe(opened);
    expect((within(rows[0]!).getByRole('checkbox') as HTMLInputElement).checked).toBe(true);
    expect(rows[0]!.className).toContain('selected');

    // Space on a box that a click focused ticks and unticks it, one toggle per key.
    within(rows[2]!).getByRole('checkbox').focus();
    await user.keyboard(' ');
    expect(spy.onSelect).toHaveBeenLastCalledWith([2, 1, 3]);
    await user.keyboard(' ');
    expect(spy.onSelect).toHaveBeenLastCalledWith([2, 1]);

    // The heading's box: some ticked → ticks the whole page; all ticked → unticks it.
    const all = screen.getByRole('checkbox', { name: 'Zaznacz wszystkie wiersze na stronie' }) as HTMLInputElement;
    expect(all.indeterminate).toBe(true);
    await user.click(all);
    expect(new Set(spy.onSelect.mock.lastCall![0])).toEqual(new Set([1, 2, 3]));
    await user.click(screen.getByRole('checkbox', { name: 'Odznacz wszystkie wiersze na stronie' }));
    expect(spy.onSelect).toHaveBeenLastCalledWith([]);
  });

  it('says when nothing matches, and shows the bar only for a slow answer (at once while empty)', () => {
    vi.useFakeTimers();
    const spy = spies();
    const view = render(<Host spy={spy} rows={[]} rowCount={0} hasNextPage={false} />);
    expect(screen.getByText('Brak rzeczy')).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();

    view.rerender(<Host spy={spy} rows={[]} rowCount={0} loading />);
    expect(screen.getByRole('progressbar')).toBeTruthy();
    expect(screen.queryByText('Brak rzeczy')).toBeNull();

    // A page on screen and the next one asked for: nothing for 250 ms, then the bar.
    view.rerender(<Host spy={spy} loading={false} />);
    view.rerender(<Host spy={spy} loading />);
    act(() => vi.advanceTimersByTime(200));
    expect(screen.queryByRole('progressbar')).toBeNull();
    act(() => vi.advanceTimersByTime(100));
    expect(screen.getByRole('progressbar')).toBeTruthy();
    view.rerender(<Host spy={spy} loading={false} />);
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('speaks English in the English UI', () => {
    const spy = spies();
    render(<Host spy={spy} rows={items(1, 50)} rowCount={1234} selectable lang="en" />);
    expect(screen.getByText('1–50 of 1,234')).toBeTruthy();
    expect(screen.getByText('Rows per page:')).toBeTruthy();
    expect(screen.getAllByRole('checkbox', { name: 'Select row' })).toHaveLength(50);
    expect(screen.getByRole('checkbox', { name: 'Select all rows on the page' })).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all rows on the page' }));
    expect(screen.getByRole('checkbox', { name: 'Unselect all rows on the page' })).toBeTruthy();
  });
});
