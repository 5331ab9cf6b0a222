import Box from '@mui/material/Box';
import type { ReactNode } from 'react';

/** A column heading; `{ label, align: 'right' }` for a column of numbers. */
export type PlainColumn = ReactNode | { label: ReactNode; align: 'right' };

/**
 * How tight the table is:
 * - `compact`: rows of inputs in a dialog (a receipt, a stocktake, the locations);
 * - `text`: read-only lines with several lines of text per cell (an order's items, a product's history),
 *   in a smaller font and aligned to the top;
 * - `regular`: a short read-only list with roomier cells.
 */
export type PlainTableDensity = 'compact' | 'text' | 'regular';

const CELLS = {
  compact: { p: 0.5, borderBottom: 1, borderColor: 'divider', textAlign: 'left' },
  text: { p: 0.75, borderBottom: 1, borderColor: 'divider', textAlign: 'left', verticalAlign: 'top' },
  regular: { p: 1, borderBottom: 1, borderColor: 'divider', textAlign: 'left' },
} as const;

interface PlainTableProps {
  density: PlainTableDensity;
  /** Column headings; leave out for a table without a header row. */
  columns?: readonly PlainColumn[];
  'aria-label'?: string;
  /** The rows (`<tr>` elements). */
  children: ReactNode;
}

const isAligned = (column: PlainColumn): column is { label: ReactNode; align: 'right' } =>
  typeof column === 'object' && column !== null && 'align' in column;

/**
 * A small HTML table with thin row lines, for lists short enough not to need a DataGrid (no paging,
 * sorting or virtualisation) — inside drawers and dialogs.
 */
export function PlainTable({ density, columns, 'aria-label': ariaLabel, children }: PlainTableProps) {
  return (
    <Box
      component="table"
      aria-label={ariaLabel}
      sx={{ width: '100%', borderCollapse: 'collapse', ...(density === 'text' ? { fontSize: 14 } : {}), '& td, & th': CELLS[density] }}
    >
      {columns && (
        <thead>
          <tr>
            {columns.map((column, i) =>
              isAligned(column) ? (
                <th key={i} style={{ textAlign: column.align }}>
                  {column.label}
                </th>
              ) : (
                <th key={i}>{column}</th>
              ),
            )}
          </tr>
        </thead>
      )}
      <tbody>{children}</tbody>
    </Box>
  );
}
