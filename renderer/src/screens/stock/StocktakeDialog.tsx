import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { MAX_UNITS } from '../../../../shared/contract/fields';
import type { LocationRow, StocktakeLine } from '../../../../shared/contract/stock.contract';
import { api } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notify';
import { PlainTable } from '../../components/PlainTable';
import { ScanField } from '../../components/ScanField';
import { beepError, beepOk } from '../../components/sound';
import { useScanGuard, withoutScan } from '../../components/use-scan-guard';
import { clearSessionState, useSessionState } from '../../components/use-session-state';
import { commonMessages } from '../../i18n/common.messages';
import { useT } from '../../i18n/i18n';
import { shelfOf } from './one-product-scan';
import { stockMessages } from './stock.messages';
import { useProductScan } from './use-product-scan';

interface Counting {
  locationId: number;
  code: string;
  lines: Array<StocktakeLine & { offShelf?: boolean }>;
  /** productId → counted, as typed (text keeps "" distinct from 0). */
  counts: Record<string, string>;
}

const KEY = 'stock.stocktake';

/** What is wrong with a count as typed: nothing when empty (not counted) or whole items 0 to MAX_UNITS; "1,5" and "-1" are not. */
export function countProblem(text: string): 'stocktakeErrCount' | 'stocktakeErrTooMany' | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^\d+$/.test(trimmed)) return 'stocktakeErrCount';
  return Number(trimmed) > MAX_UNITS ? 'stocktakeErrTooMany' : null;
}
/** The `name` of a line's count field: a scan that landed in it is taken back out by it. */
const COUNT_FIELD = 'count:';

/** Differences between the count and the books, for review before confirming. */
export function stocktakeDifferences(counting: Counting, zeroUncounted: boolean) {
  const result: Array<{ line: StocktakeLine; counted: number; diff: number }> = [];
  let uncounted = 0;
  for (const line of counting.lines) {
    const text = counting.counts[line.productId];
    if (text === undefined || text.trim() === '') {
      uncounted += 1;
      if (zeroUncounted && line.expected !== 0) result.push({ line, counted: 0, diff: -line.expected });
      continue;
    }
    const counted = Number(text);
    if (counted !== line.expected) result.push({ line, counted, diff: counted - line.expected });
  }
  return { differences: result, uncounted };
}

/**
 * Stocktake mode: choose a shelf, scan or type what is on it, review the differences, confirm. Only the
 * differences become ledger entries. The count in progress survives leaving the screen.
 */
export function StocktakeDialog({ locations, onClose }: { locations: LocationRow[]; onClose: () => void }) {
  const t = useT(stockMessages);
  const tc = useT(commonMessages);
  const notify = useNotify();
  const [counting, setCounting] = useSessionState<Counting | null>(KEY, null);
  const [locationId, setLocationId] = useState('');
  const [reviewing, setReviewing] = useState(false);
  const [zeroUncounted, setZeroUncounted] = useState(false);
  const [confirmZero, setConfirmZero] = useState(false);
  const [confirmStop, setConfirmStop] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [reviewScan, setReviewScan] = useState<string | null>(null);
  const [startScan, setStartScan] = useState<{ kind: 'info' | 'warning'; text: string } | null>(null);

  async function start() {
    if (!locationId) return;
    try {
      const sheet = await api.call('stock.stocktakeSheet', { locationId: Number(locationId) });
      setCounting({ locationId: sheet.location.id, code: sheet.location.code, lines: sheet.lines, counts: {} });
    } catch (e) {
      setError(e);
    }
  }

  // Each scan counts one more; a product not on this shelf's sheet joins it as found off its shelf.
  const { feedback, scan } = useProductScan((p) =>
    setCounting((c) => {
      if (!c) return c;
      const onSheet = c.lines.some((l) => l.productId === p.id);
      const lines = onSheet ? c.lines : [...c.lines, { productId: p.id, sku: p.sku, name: p.name, ean: p.ean, expected: 0, offShelf: true }];
      const before = Number(c.counts[p.id] ?? '0') || 0;
      return { ...c, lines, counts: { ...c.counts, [p.id]: String(before + 1) } };
    }),
  );

  // A scanner types wherever the cursor is (issue 17, point 1): a scan into a line's count is taken back out
  // of it and counted as a scan. While the differences are reviewed nothing is counted (the person checks
  // a fixed list), and the scan's Enter must not confirm the stocktake: it is refused in words.
  useScanGuard(counting !== null && !confirmStop && !confirmZero, (code, target) => {
    if (reviewing) {
      setReviewScan(code);
      return;
    }
    const name = target instanceof HTMLInputElement ? target.name : '';
    if (name.startsWith(COUNT_FIELD)) {
      const productId = name.slice(COUNT_FIELD.length);
      setCounting((c) => (c && c.counts[productId] !== undefined ? { ...c, counts: { ...c.counts, [productId]: withoutScan(c.counts[productId], code) } } : c));
    }
    void scan(code);
  });

  // Before "Zacznij liczyć" nothing is counted yet: a shelf's label chooses the shelf, any other code is
  // refused in words, and the scan's Enter starts nothing (a focused button would have started the count).
  useScanGuard(counting === null, (code) => {
    const shelf = shelfOf(code, locations);
    if (shelf) {
      beepOk();
      setLocationId(String(shelf.id));
      setStartScan({ kind: 'info', text: t('stocktakeScanPickedShelf', { code: shelf.code }) });
    } else {
      beepError();
      setStartScan({ kind: 'warning', text: t('stocktakeScanBeforeStart', { code }) });
    }
  });

  async function commit() {
    if (!counting) return;
    setBusy(true);
    try {
      const counts = Object.entries(counting.counts)
        .filter(([, v]) => v.trim() !== '' && /^\d{1,9}$/.test(v.trim()))
        .map(([productId, v]) => ({ productId: Number(productId), counted: Number(v) }));
      const result = await api.call('stock.stocktakeCommit', { locationId: counting.locationId, counts, zeroUncounted });
      notify(result.entries.length === 0 ? t('stocktakeNoDifferences') : t('stocktakeDone', { n: result.entries.length }));
      clearSessionState(KEY);
      setCounting(null);
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  function stop() {
    setConfirmStop(false);
    clearSessionState(KEY);
    setCounting(null);
    onClose();
  }

  const review = counting ? stocktakeDifferences(counting, zeroUncounted) : null;
  const invalid = counting ? Object.values(counting.counts).some((v) => countProblem(v) !== null) : false;
  return (
    <Dialog open onClose={onClose} fullScreen aria-labelledby="stocktake-title">
      <DialogTitle id="stocktake-title">
        {t('stocktakeTitle')}
        {counting ? ` ${counting.code}` : ''}
      </DialogTitle>
      <DialogContent>
        <ErrorAlert error={error} onClose={() => setError(null)} />
        {reviewing && reviewScan && (
          <Alert severity="info" role="status" onClose={() => setReviewScan(null)} sx={{ mb: 2 }}>
            {t('stocktakeScanInReview', { code: reviewScan })}
          </Alert>
        )}
        {!counting && startScan && (
          <Alert severity={startScan.kind} role="status" onClose={() => setStartScan(null)} sx={{ mt: 1 }}>
            {startScan.text}
          </Alert>
        )}
        {!counting && (
          <Stack direction="row" spacing={2} sx={{ mt: 1, alignItems: 'center' }}>
            <TextField select label={t('stocktakeChoose')} value={locationId} onChange={(e) => setLocationId(e.target.value)} sx={{ minWidth: 260 }}>
              {locations.map((l) => (
                <MenuItem key={l.id} value={String(l.id)}>
                  {l.code}
                  {l.name ? ` — ${l.name}` : ''}
                </MenuItem>
              ))}
            </TextField>
            <Button variant="contained" disabled={!locationId} onClick={() => void start()}>
              {t('stocktakeStart')}
            </Button>
          </Stack>
        )}
        {counting && !reviewing && (
          <>
            {/* The top padding keeps the field's floating label inside the dialog (it was cut at the top). */}
            <Box sx={{ pt: 1 }}>
              <ScanField onScan={scan} digitsOnly={false} feedback={feedback} label={t('stocktakeScan')} />
            </Box>
            <PlainTable density="compact" aria-label={t('stocktakeTitle')} columns={[t('colSku'), t('colName'), t('stocktakeExpected'), t('stocktakeCounted'), t('stocktakeDifference')]}>
              {counting.lines.map((line) => {
                const text = counting.counts[line.productId] ?? '';
                const problem = countProblem(text);
                const diff = text.trim() === '' || problem ? null : Number(text) - line.expected;
                return (
                  <tr key={line.productId}>
                    <td>{line.sku}</td>
                    <td>
                      {line.name}
                      {line.offShelf ? ` (${t('stocktakeOffShelf')})` : ''}
                    </td>
                    <td>{line.expected}</td>
                    <td style={{ width: 200 }}>
                      <TextField
                        size="small"
                        name={`${COUNT_FIELD}${line.productId}`}
                        value={text}
                        placeholder={t('stocktakeNotCounted')}
                        error={problem !== null}
                        helperText={problem ? t(problem) : undefined}
                        onChange={(e) => setCounting((c) => (c ? { ...c, counts: { ...c.counts, [line.productId]: e.target.value } } : c))}
                        slotProps={{ htmlInput: { inputMode: 'numeric', 'aria-label': `${t('stocktakeCounted')} ${line.sku}` } }}
                      />
                    </td>
                    <td style={{ fontWeight: 600, color: diff ? (diff < 0 ? '#c62828' : '#2e7d32') : undefined }}>{diff === null ? '—' : diff > 0 ? `+${diff}` : diff}</td>
                  </tr>
                );
              })}
            </PlainTable>
          </>
        )}
        {counting && reviewing && review && (
          <Box>
            <Alert severity={review.differences.length ? 'warning' : 'success'} sx={{ mb: 2 }}>
              {t('stocktakeSummary', { n: review.differences.length, u: review.uncounted })}
            </Alert>
            <FormControlLabel
              control={<Checkbox checked={zeroUncounted} onChange={(e) => (e.target.checked ? setConfirmZero(true) : setZeroUncounted(false))} />}
              label={t('stocktakeZeroUncounted')}
            />
            <Box component="ul" data-testid="stocktake-differences">
              {review.differences.map((d) => (
                <li key={d.line.productId}>
                  <Typography component="span" sx={{ fontWeight: 600 }}>
                    {d.line.sku}
                  </Typography>{' '}
                  {d.line.name}: {d.line.expected} → {d.counted} ({d.diff > 0 ? `+${d.diff}` : d.diff})
                </li>
              ))}
            </Box>
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        {counting && (
          <Button color="inherit" onClick={() => setConfirmStop(true)}>
            {t('stocktakeCancel')}
          </Button>
        )}
        <Button onClick={onClose}>{t('close')}</Button>
        {counting && !reviewing && (
          <Button variant="contained" disabled={invalid} onClick={() => setReviewing(true)}>
            {t('stocktakeReview')}
          </Button>
        )}
        {counting && reviewing && (
          <>
            <Button
              onClick={() => {
                setReviewing(false);
                setReviewScan(null);
              }}
            >
              {tc('back')}
            </Button>
            <Button variant="contained" disabled={busy} onClick={() => void commit()}>
              {t('stocktakeConfirm')}
            </Button>
          </>
        )}
      </DialogActions>
      <ConfirmDialog
        open={confirmZero}
        title={t('stocktakeZeroUncounted')}
        onConfirm={() => {
          setZeroUncounted(true);
          setConfirmZero(false);
        }}
        onCancel={() => setConfirmZero(false)}
      >
        {t('stocktakeZeroConfirm', { n: review?.uncounted ?? 0 })}
      </ConfirmDialog>
      <ConfirmDialog open={confirmStop} title={t('stocktakeCancel')} destructive onConfirm={stop} onCancel={() => setConfirmStop(false)}>
        {t('stocktakeStopText')}
      </ConfirmDialog>
    </Dialog>
  );
}
