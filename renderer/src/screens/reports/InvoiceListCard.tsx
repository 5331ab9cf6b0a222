import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useRef, useState } from 'react';
import type { InvoiceListPreview } from '../../../../shared/contract/books.contract';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notify';
import { useT } from '../../i18n/i18n';
import { fileToBase64 } from '../import/file-bytes';
import { booksMessages } from './books.messages';

/** The invoicing tool's invoice list: choose the file, see what would be loaded and what not, load it. */
export function InvoiceListCard() {
  const t = useT(booksMessages);
  const notify = useNotify();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<{ name: string; contentBase64: string } | null>(null);
  const [preview, setPreview] = useState<InvoiceListPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function choose(chosen: File | undefined) {
    if (!chosen) return;
    setBusy(true);
    setError(null);
    setPreview(null);
    try {
      const next = { name: chosen.name, contentBase64: await fileToBase64(chosen) };
      setFile(next);
      setPreview(await api.call('books.invoiceListPreview', next));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }

  async function load() {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const result = await api.call('books.invoiceListImport', file);
      notify(t('imported', { n: result.imported }));
      // The file as it now stands against the shop: what was loaded reads "already loaded", nothing is left to load.
      setPreview(await api.call('books.invoiceListPreview', file));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card variant="outlined" component="section" aria-labelledby="invoice-list-title">
      <CardContent>
        <Typography id="invoice-list-title" variant="h6" component="h2">
          {t('invoicesTitle')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {t('invoicesHint')}
        </Typography>
        <input ref={input} type="file" accept=".csv,.txt,text/csv" hidden data-testid="invoice-list-file" onChange={(e) => void choose(e.target.files?.[0])} />
        <Button variant="outlined" onClick={() => input.current?.click()} disabled={busy}>
          {t('choose')}
        </Button>
        <ErrorAlert error={error} onClose={() => setError(null)} />
        {preview && (
          <Stack spacing={1} sx={{ mt: 2 }} data-testid="invoice-list-preview">
            <Typography variant="body2">{t('file', { file: preview.file })}</Typography>
            <Typography variant="body2">
              {t('lines', { n: preview.lines })} · {t('ready', { n: preview.ready, ksef: preview.withKsef })} · {t('unchanged', { n: preview.unchanged })}
            </Typography>
            {preview.problems.length > 0 && (
              <Alert severity="warning" data-testid="invoice-list-problems">
                <Typography variant="subtitle2">{t('problemsTitle')}</Typography>
                <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
                  {preview.problems.map((p) => (
                    <li key={`${p.line}-${p.kind}`}>{t('problemLine', { line: p.line, text: t(`problem_${p.kind}` as 'problem_no_order', { value: p.value }) })}</li>
                  ))}
                  {preview.moreProblems > 0 && <li>{t('more', { n: preview.moreProblems })}</li>}
                </ul>
              </Alert>
            )}
            <div>
              <Button variant="contained" onClick={() => void load()} disabled={busy || preview.ready === 0}>
                {t('importButton')}
              </Button>
            </div>
          </Stack>
        )}
      </CardContent>
    </Card>
  );
}
