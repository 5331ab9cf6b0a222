import Alert from '@mui/material/Alert';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableContainer from '@mui/material/TableContainer';
import TablePagination from '@mui/material/TablePagination';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { alpha, type SxProps, type Theme } from '@mui/material/styles';
import { type ReactNode, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { type LiveQuery, useLiveQuery } from '../../components/use-live-query';
import { useT } from '../../i18n/i18n';
import { returnsMessages } from './returns.messages';
import { useDraft } from './use-draft';

export type DeadlineView = 'open' | 'done' | 'all';

/** Past a legal deadline: tinted red with a strong left edge, readable in light and dark mode. */
export const OVERDUE_ROW: SxProps<Theme> = {
  bgcolor: (theme) => alpha(theme.palette.error.main, 0.1),
  '& td:first-of-type': { borderLeft: 4, borderLeftColor: 'error.main' },
};

interface DeadlinePage<Row> {
  rows: Row[];
  total: number;
  overdueCount: number;
}

export interface DeadlineListState<Row> {
  view: DeadlineView;
  page: number;
  pageSize: number;
  list: LiveQuery<DeadlinePage<Row>>;
  rows: Row[];
  setView(view: DeadlineView): void;
  setPage(page: number): void;
  setPageSize(size: number): void;
}

/**
 * Returns and complaints are listed the same way: running ones / finished ones / all (the choice kept
 * for the window under `draftKey`), a page at a time, reloaded when the returns area changes. A new view
 * or page size starts again from the first page.
 */
export function useDeadlineList<Row>(draftKey: string, load: (input: { view: DeadlineView; offset: number; limit: number }) => Promise<DeadlinePage<Row>>): DeadlineListState<Row> {
  const [view, setView] = useDraft<DeadlineView>(draftKey, 'open');
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(50);
  const list = useLiveQuery(() => load({ view, offset: page * pageSize, limit: pageSize }), ['returns'], [view, page, pageSize]);
  return {
    view,
    page,
    pageSize,
    list,
    rows: list.data?.rows ?? [],
    setView(next) {
      setView(next);
      setPage(0);
    },
    setPage,
    setPageSize(size) {
      setPageSize(size);
      setPage(0);
    },
  };
}

interface DeadlineListProps<Row> {
  state: DeadlineListState<Row>;
  /** The table's accessible name. */
  label: string;
  /** The red line above the table when something is past its deadline (given the count). */
  overdueText: (n: number) => string;
  overdueTestId: string;
  emptyText: string;
  /** Beside the view switch, on the right (e.g. "New complaint"). */
  actions?: ReactNode;
  /** The table's head and body. */
  children: ReactNode;
}

/** The frame both lists share: view switch, load error, overdue count, empty text, table with pages. */
export function DeadlineList<Row>({ state, label, overdueText, overdueTestId, emptyText, actions, children }: DeadlineListProps<Row>) {
  const t = useT(returnsMessages);
  const { list, rows } = state;
  return (
    <>
      <Stack direction="row" sx={{ mb: 2, justifyContent: 'space-between', alignItems: 'center' }}>
        <ToggleButtonGroup exclusive size="small" value={state.view} onChange={(_e, v: DeadlineView | null) => v && state.setView(v)}>
          <ToggleButton value="open">{t('viewOpen')}</ToggleButton>
          <ToggleButton value="done">{t('viewDone')}</ToggleButton>
          <ToggleButton value="all">{t('viewAll')}</ToggleButton>
        </ToggleButtonGroup>
        {actions}
      </Stack>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      {list.data && list.data.overdueCount > 0 && (
        <Alert severity="error" sx={{ mb: 2 }} data-testid={overdueTestId}>
          {overdueText(list.data.overdueCount)}
        </Alert>
      )}
      {list.loading && <LinearProgress sx={{ mb: 1 }} />}
      {list.data && rows.length === 0 && <Typography color="text.secondary">{emptyText}</Typography>}
      {rows.length > 0 && (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label={label}>
            {children}
          </Table>
          <TablePagination
            component="div"
            count={list.data?.total ?? 0}
            page={state.page}
            rowsPerPage={state.pageSize}
            rowsPerPageOptions={[25, 50, 100]}
            onPageChange={(_e, p) => state.setPage(p)}
            onRowsPerPageChange={(e) => state.setPageSize(Number(e.target.value))}
          />
        </TableContainer>
      )}
    </>
  );
}
