import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState } from 'react';
import type { ImportPreview, ImportProblem, ImportRun } from '../../../../shared/contract/import.contract';
import { api } from '../../api';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useNotify } from '../../components/notify';
import { commonMessages } from '../../i18n/common.messages';
import { useFormat } from '../../i18n/format';
import { useLanguage, useT } from '../../i18n/i18n';
import { CountsSummary } from './CountsSummary';
import { fileToBase64, newImportToken } from './file-bytes';
import { encodingNote, FIELD_LABELS, formatLabel } from './import-labels';
import { importMessages } from './import.messages';
import { ImportProgressBar } from './ImportProgressBar';
import { type MappingDraft, MappingEditor } from './MappingEditor';
import { ProblemsTable } from './ProblemsTable';
import { SampleTable } from './SampleTable';
import { useImportProgress } from './use-import-progress';

/** Where a card's file came from: bytes the user dropped/chose, or a preview the open dialog already made. */
export type ImportSource = { kind: 'file'; file: File } | { kind: 'preview'; preview: ImportPreview };

type Phase = 'sending' | 'preview' | 'remapping' | 'committing' | 'done' | 'failed';

interface CommitResult {
  run: ImportRun;
  problems: ImportProblem[];
  problemsTotal: number;
}

function isProblemList(value: unknown): value is ImportProblem[] {
  return Array.isArray(value) && value.every((p) => p && typeof p === 'object' && 'message' in p && 'severity' in p);
}

/** Problems an error carries in its details (`import_rejected`), when it carries any. */
function problemsOf(error: unknown): ImportProblem[] {
  const details = (error as { details?: unknown } | null)?.details;
  if (isProblemList(details)) return details;
  const nested = (details as { problems?: unknown } | undefined)?.problems;
  return isProblemList(nested) ? nested : [];
}

/** Today in Warsaw (YYYY-MM-DD): a count cannot be valid on a later day. */
function warsawToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

function baseName(file: string): string {
  return file.replace(/\.[^.]+$/, '');
}

function draftFrom(preview: ImportPreview): MappingDraft | null {
  if (!preview.mapping) return null;
  return {
    mapping: preview.mapping.mapping,
    // A layout seen for the first time: offer to remember it (the owner can untick).
    remember: preview.mapping.needsConfirmation,
    name: preview.mapping.savedMappingName ?? baseName(preview.file),
  };
}

/**
 * For a file chosen together with others (issue 15.7): the screen previews them as one batch and hands each
 * card its batch preview; the card says when its own preview changed (mapping, day) or it was imported.
 */
export interface BatchLink {
  /** This file's preview computed with the files before it as if imported (null until known). */
  preview: ImportPreview | null;
  /** Files before it in the batch still waiting to be imported (their names). */
  waitingFor: string[];
  onPreview(preview: ImportPreview): void;
  onChanged(): void;
  onFinished(): void;
}

/** One file on its way in: sent → previewed (problems, sample, mapping) → committed, with progress. */
export function ImportItem({ source, onRemove, batch }: { source: ImportSource; onRemove: () => void; batch?: BatchLink }) {
  const t = useT(importMessages);
  const tc = useT(commonMessages);
  const { lang } = useLanguage();
  const format = useFormat();
  const notify = useNotify();
  const [token, setToken] = useState<string | null>(source.kind === 'preview' ? source.preview.token : null);
  const [phase, setPhase] = useState<Phase>(source.kind === 'preview' ? 'preview' : 'sending');
  const [preview, setPreview] = useState<ImportPreview | null>(source.kind === 'preview' ? source.preview : null);
  const [draft, setDraft] = useState<MappingDraft | null>(source.kind === 'preview' ? draftFrom(source.preview) : null);
  const [validRowsOnly, setValidRowsOnly] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<CommitResult | null>(null);
  const progress = useImportProgress(token);
  const started = useRef(false);
  const fileName = source.kind === 'file' ? source.file.name : source.preview.file;

  useEffect(() => {
    if (source.kind !== 'file' || started.current) return;
    started.current = true;
    const own = newImportToken();
    setToken(own);
    (async () => {
      try {
        const contentBase64 = await fileToBase64(source.file);
        const next = await api.call('import.preview', { name: source.file.name, contentBase64, token: own });
        setPreview(next);
        setToken(next.token);
        setDraft(draftFrom(next));
        setPhase('preview');
        batch?.onPreview(next);
      } catch (err) {
        setError(err);
        setPhase('failed');
      }
    })();
  }, [source]);

  // A file chosen in the app's dialog comes previewed: join the batch at once.
  const reported = useRef(false);
  useEffect(() => {
    if (source.kind === 'preview' && !reported.current) {
      reported.current = true;
      batch?.onPreview(source.preview);
    }
  }, [source, batch]);

  // The batch preview (computed with the files before this one) replaces the file's own.
  const batchPreview = batch?.preview ?? null;
  useEffect(() => {
    if (batchPreview && phase === 'preview') setPreview(batchPreview);
    // Only a new batch preview replaces the shown one (not a phase change).
  }, [batchPreview]);

  const mappingDirty = Boolean(preview?.mapping && draft && JSON.stringify(draft.mapping) !== JSON.stringify(preview.mapping.mapping));

  async function recalculate() {
    if (!preview || !draft) return;
    setPhase('remapping');
    setError(null);
    try {
      const next = await api.call('import.remap', { token: preview.token, mapping: draft.mapping });
      setPreview(next);
      setDraft({ ...draft, mapping: next.mapping?.mapping ?? draft.mapping });
      batch?.onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setPhase('preview');
    }
  }

  /** The owner chose the day the sheet's counts are valid on: the preview (from → to) is computed for it. */
  async function changeDay(day: string | null) {
    if (!preview || !day || day === preview.countedOn?.day) return;
    setPhase('remapping');
    setError(null);
    try {
      setPreview(await api.call('import.remap', { token: preview.token, countedOn: day }));
      batch?.onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setPhase('preview');
    }
  }

  async function commit() {
    if (!preview) return;
    setPhase('committing');
    setError(null);
    try {
      const saveAs = draft?.remember && draft.name.trim() ? draft.name.trim() : undefined;
      const done = await api.call('import.commit', {
        token: preview.token,
        validRowsOnly,
        ...(preview.mapping && draft ? { mapping: draft.mapping } : {}),
        ...(saveAs ? { saveMappingAs: saveAs } : {}),
      });
      setResult(done);
      setPhase('done');
      batch?.onFinished();
      if (done.run.status === 'committed') {
        notify(t('importedOk', { file: done.run.file, inserted: done.run.inserted, updated: done.run.updated, unchanged: done.run.unchanged }));
      } else {
        notify(t('importRejected', { file: done.run.file }), 'error');
      }
    } catch (err) {
      setError(err);
      setPhase('preview');
    }
  }

  async function discard() {
    if (preview && phase !== 'done') await api.call('import.discard', { token: preview.token }).catch(() => {});
    onRemove();
  }

  const busy = phase === 'sending' || phase === 'remapping' || phase === 'committing';
  const errorsCount = preview ? Math.max(preview.counts.errors, preview.counts.rejected) : 0;
  const missing = preview?.mapping && draft ? preview.mapping.missingFields.filter((f) => !draft.mapping.columns.some((c) => c.field === f)) : [];
  const blockedByErrors = errorsCount > 0 && !validRowsOnly;
  const needsDay = Boolean(preview?.needsCountedOn);
  const waitingFor = batch?.waitingFor ?? [];
  const canCommit = preview && preview.status !== 'rejected' && !blockedByErrors && missing.length === 0 && !mappingDirty && !needsDay && waitingFor.length === 0 && !busy;

  const status =
    phase === 'done' && result
      ? result.run.status === 'committed'
        ? { label: t('statusImported'), color: 'success' as const }
        : { label: t('statusRejected'), color: 'error' as const }
      : preview?.status === 'rejected'
        ? { label: t('statusRejected'), color: 'error' as const }
        : preview?.status === 'needs_mapping'
          ? { label: t('statusNeedsMapping'), color: 'warning' as const }
          : needsDay
            ? { label: t('statusNeedsDay'), color: 'warning' as const }
          : preview && errorsCount > 0
            ? // Never "ready" while the file has errors: the owner decides (fix the file, or import the valid rows).
              { label: t('statusHasErrors', { n: errorsCount }), color: 'warning' as const }
            : preview
              ? { label: t('statusReady'), color: 'primary' as const }
              : null;

  const shownProblems = result ? result.problems : preview?.problems ?? [];
  const shownProblemsTotal = result ? result.problemsTotal : preview?.problemsTotal ?? 0;
  const errorProblems = problemsOf(error);

  return (
    <Card data-testid="import-item" data-file={fileName} data-phase={phase} data-status={result?.run.status ?? preview?.status ?? ''}>
      <CardContent>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'center' }, justifyContent: 'space-between' }}>
          <Box sx={{ minWidth: 0 }}>
            <Typography variant="h6" component="h2" sx={{ overflowWrap: 'anywhere' }}>
              {fileName}
            </Typography>
            {preview && (
              <Typography variant="body2" color="text.secondary">
                {formatLabel(preview.format, lang) ?? t('unrecognised')}
                {encodingNote(preview.encoding, lang) ? ` · ${encodingNote(preview.encoding, lang)}` : ''}
                {` · ${format.number(preview.size === 0 ? 0 : Math.max(1, Math.round(preview.size / 1024)))} KB`}
              </Typography>
            )}
          </Box>
          {status && <Chip label={status.label} color={status.color} data-testid="import-status" />}
        </Stack>

        {busy && (
          <ImportProgressBar progress={phase === 'remapping' ? null : progress} fallbackLabel={phase === 'committing' ? t('phase_writing') : t('sending')} />
        )}

        {error ? (
          <Box sx={{ mt: 2 }}>
            <ErrorAlert error={error} />
            {errorProblems.length > 0 && <ProblemsTable problems={errorProblems} total={errorProblems.length} />}
          </Box>
        ) : null}

        {preview?.alreadyImported && phase !== 'done' && (
          <Alert severity="info" sx={{ mt: 2 }}>
            {t('alreadyImported', { date: format.dateTime(preview.alreadyImported.at) })}
          </Alert>
        )}
        {preview?.status === 'rejected' && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {t('rejectedWhole')}
          </Alert>
        )}

        {result && (
          <Alert severity={result.run.status === 'committed' ? 'success' : 'error'} sx={{ mt: 2 }} data-testid="import-result">
            {result.run.status === 'committed'
              ? t('importedOk', { file: result.run.file, inserted: result.run.inserted, updated: result.run.updated, unchanged: result.run.unchanged })
              : t('importRejected', { file: result.run.file })}
            {result.run.skippedRows > 0 ? ` ${t('importedSkipped', { n: result.run.skippedRows })}` : ''}
          </Alert>
        )}

        {preview && phase !== 'done' && preview.status !== 'rejected' && (preview.countedOn || preview.needsCountedOn) && (
          <Box sx={{ mt: 2, maxWidth: 560 }} data-testid="import-counted-on">
            <DateField
              label={t('countedOnLabel')}
              value={preview.countedOn?.day ?? ''}
              max={warsawToday()}
              onChange={(day) => void changeDay(day)}
              helperText={preview.needsCountedOn ? t('countedOnAsk') : preview.countedOn?.source === 'sheet' ? t('countedOnFromSheet') : t('countedOnFromOwner')}
            />
          </Box>
        )}

        {preview && preview.status !== 'rejected' && (
          <Box sx={{ mt: 2 }}>
            <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
              {result ? t('whatChanged') : t('whatWillChange')}
            </Typography>
            {result ? (
              <CountsSummary
                title={t('entityKind')}
                entities={result.run.entities}
                counts={[
                  { key: 'countInserted', value: result.run.inserted, color: 'success.main' },
                  { key: 'countUpdated', value: result.run.updated, color: 'info.main' },
                  { key: 'countUnchanged', value: result.run.unchanged },
                  { key: 'countRejected', value: result.run.skippedRows, color: 'error.main' },
                  { key: 'countWarnings', value: result.run.warnings, color: 'warning.main' },
                ]}
              />
            ) : (
              <CountsSummary
                title={t('entityKind')}
                entities={preview.entities}
                counts={[
                  { key: 'countInserted', value: preview.counts.inserted, color: 'success.main' },
                  { key: 'countUpdated', value: preview.counts.updated, color: 'info.main' },
                  { key: 'countUnchanged', value: preview.counts.unchanged },
                  { key: 'countRejected', value: preview.counts.rejected, color: 'error.main' },
                  { key: 'countWarnings', value: preview.counts.warnings, color: 'warning.main' },
                ]}
              />
            )}
          </Box>
        )}

        <ProblemsTable problems={shownProblems} total={shownProblemsTotal} />

        {preview?.mapping && draft && phase !== 'done' && (
          <MappingEditor proposal={preview.mapping} draft={draft} onChange={setDraft} onRecalculate={() => void recalculate()} dirty={mappingDirty} busy={busy} />
        )}

        {preview && phase !== 'done' && <SampleTable sample={preview.sample} />}

        {preview && phase !== 'done' && preview.status !== 'rejected' && (
          <Box sx={{ mt: 2 }}>
            {errorsCount > 0 && (
              <>
                <FormControlLabel
                  control={<Checkbox checked={validRowsOnly} onChange={(e) => setValidRowsOnly(e.target.checked)} disabled={busy} />}
                  label={t('validRowsOnly', { n: errorsCount })}
                  data-testid="valid-rows-only"
                />
                <FormHelperText sx={{ mt: -0.5, mb: 1 }}>{t('validRowsOnlyHint')}</FormHelperText>
              </>
            )}
            {blockedByErrors && (
              <Alert severity="warning" sx={{ mb: 1 }}>
                {t('blockedByErrors')}
              </Alert>
            )}
            {missing.length > 0 && (
              <Alert severity="warning" sx={{ mb: 1 }}>
                {t('blockedByMapping', { fields: missing.map((f) => FIELD_LABELS[f][lang]).join(', ') })}
              </Alert>
            )}
            {needsDay && (
              <Alert severity="warning" sx={{ mb: 1 }}>
                {t('blockedByDay')}
              </Alert>
            )}
            {waitingFor.length > 0 && (
              <Alert severity="info" sx={{ mb: 1 }} data-testid="import-batch-wait">
                {t('batchWaitFor', { files: waitingFor.join(', ') })}
              </Alert>
            )}
          </Box>
        )}

        <Stack direction="row" spacing={1.5} sx={{ mt: 2 }}>
          {phase !== 'done' && preview && preview.status !== 'rejected' && (
            <Button variant="contained" onClick={() => void commit()} disabled={!canCommit} data-testid="import-commit">
              {t('importButton')}
            </Button>
          )}
          <Button onClick={() => void discard()} disabled={phase === 'committing'}>
            {phase === 'done' || phase === 'failed' || preview?.status === 'rejected' ? tc('close') : t('discard')}
          </Button>
        </Stack>
      </CardContent>
    </Card>
  );
}
