import Box from '@mui/material/Box';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { OutputOf } from '../../../../shared/contract';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ScanField, type ScanFeedback } from '../../components/ScanField';
import { beepError } from '../../components/sound';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/i18n';
import { returnsMessages } from './returns.messages';

type Found = OutputOf<'returns.searchOrders'>['rows'][number];

/**
 * Finding the order a return belongs to: scan the packing slip from the parcel (its barcode is the
 * Allegro order id or ZAP-<id>) or type the number; or search by the buyer and pick from the list.
 */
export function OrderFinder({ onFound }: { onFound: (orderId: number) => void }) {
  const t = useT(returnsMessages);
  const format = useFormat();
  const [feedback, setFeedback] = useState<ScanFeedback | null>(null);
  const [text, setText] = useState('');
  const [results, setResults] = useState<Found[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function onScan(code: string) {
    setFeedback(null);
    setError(null);
    try {
      const { order } = await api.call('returns.findOrder', { code });
      if (order) onFound(order.id);
      else {
        beepError();
        setFeedback({ kind: 'error', text: t('findNone', { code }) });
      }
    } catch (e) {
      setError(e);
    }
  }

  async function search() {
    const value = text.trim();
    if (!value) return;
    setError(null);
    try {
      setResults((await api.call('returns.searchOrders', { search: value })).rows);
    } catch (e) {
      setError(e);
    }
  }

  return (
    <Stack spacing={1} sx={{ mb: 2 }}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        <Box sx={{ flex: 1 }}>
          <ScanField onScan={onScan} digitsOnly={false} label={t('findLabel')} feedback={feedback} />
        </Box>
        <Box sx={{ flex: 1 }}>
          <TextField
            fullWidth
            label={t('searchLabel')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void search();
              }
              if (e.key === 'Escape') setResults(null);
            }}
            helperText=" "
          />
        </Box>
      </Stack>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {results && (
        <Paper variant="outlined">
          {results.length === 0 ? (
            <Typography sx={{ p: 2 }} color="text.secondary">
              {t('searchNone', { text })}
            </Typography>
          ) : (
            <List dense aria-label={t('searchLabel')}>
              {results.map((r) => (
                <ListItemButton key={r.id} onClick={() => onFound(r.id)}>
                  <ListItemText primary={`${r.number} · ${r.buyerName ?? r.buyerLogin ?? ''}`} secondary={`${format.date(r.boughtAt)} · ${r.firstItemName ?? ''}`} />
                </ListItemButton>
              ))}
            </List>
          )}
        </Paper>
      )}
    </Stack>
  );
}
