import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { UnmatchedItem } from '../../../../shared/contract/import.contract';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notify';
import { useLiveQuery } from '../../components/use-live-query';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/i18n';
import { importMessages } from './import.messages';

const itemKey = (item: UnmatchedItem) => `${item.offerId ?? ''}|${item.externalId ?? ''}|${item.name}`;

/** Allegro lines that match no product: link each once to a product (remembered, applied to past lines). */
export function UnmatchedLines() {
  const t = useT(importMessages);
  const format = useFormat();
  const notify = useNotify();
  const list = useLiveQuery(() => api.call('import.unmatched', { limit: 100 }), ['orders', 'products', 'imports', 'all']);
  const [chosen, setChosen] = useState<Record<string, number>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function link(item: UnmatchedItem) {
    const productId = chosen[itemKey(item)];
    if (!productId) return;
    setBusy(itemKey(item));
    setError(null);
    try {
      const by = item.offerId ? { offerId: item.offerId } : item.externalId ? { externalId: item.externalId } : null;
      if (!by) return;
      const done = await api.call('import.link', { ...by, productId });
      notify(t('linked', { lines: done.linkedLines, reserved: done.reservedLines }));
      list.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  }

  const items = list.data?.items ?? [];
  if (!list.error && items.length === 0) return null;

  return (
    <Card data-testid="unmatched-lines">
      <CardContent>
        <Typography variant="h6" component="h2">
          {t('unmatchedTitle', { n: list.data?.total ?? 0 })}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {t('unmatchedHint')}
        </Typography>
        <ErrorAlert error={list.error ?? error} />
        <TableContainer sx={{ maxHeight: 480 }}>
          <Table size="small" stickyHeader aria-label={t('unmatchedTitle', { n: list.data?.total ?? 0 })}>
            <TableHead>
              <TableRow>
                <TableCell>{t('unmatchedName')}</TableCell>
                <TableCell>{t('unmatchedIds')}</TableCell>
                <TableCell align="right">{t('unmatchedUnits')}</TableCell>
                <TableCell sx={{ minWidth: 260 }}>{t('unmatchedProduct')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {items.map((item) => {
                const key = itemKey(item);
                const linkable = Boolean(item.offerId || item.externalId);
                return (
                  <TableRow key={key}>
                    <TableCell>{item.name}</TableCell>
                    <TableCell sx={{ fontFamily: 'monospace', fontSize: 13 }}>{[item.offerId, item.externalId].filter(Boolean).join(' · ') || '—'}</TableCell>
                    <TableCell align="right">
                      {format.number(item.units)} ({format.number(item.openLines)})
                    </TableCell>
                    <TableCell>
                      {item.suggestions.length === 0 ? (
                        <Typography variant="body2" color="text.secondary">
                          {t('noSuggestions')}
                        </Typography>
                      ) : (
                        <Select
                          size="small"
                          fullWidth
                          displayEmpty
                          value={chosen[key] ?? ''}
                          onChange={(e) => setChosen({ ...chosen, [key]: Number(e.target.value) })}
                          inputProps={{ 'aria-label': `${t('chooseProduct')}: ${item.name}` }}
                        >
                          <MenuItem value="">
                            <em>{t('chooseProduct')}</em>
                          </MenuItem>
                          {item.suggestions.map((s) => (
                            <MenuItem key={s.productId} value={s.productId}>
                              {s.sku} — {s.name}
                            </MenuItem>
                          ))}
                        </Select>
                      )}
                    </TableCell>
                    <TableCell>
                      <Button size="small" variant="outlined" disabled={!linkable || !chosen[key] || busy !== null} onClick={() => void link(item)}>
                        {t('link')}
                      </Button>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
      </CardContent>
    </Card>
  );
}
