import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { type FormEvent, useEffect, useState } from 'react';
import type { Settings } from '../../../../shared/contract/system.contract';
import { api } from '../../api';
import { Loading } from '../../app/ScreenHost';
import { ErrorAlert } from '../../components/ErrorAlert';
import { inputIssueTexts } from '../../components/error-text';
import { groupDigits } from '../../../../shared/contract/fields';
import { useNotify } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { useLanguage, useT } from '../../i18n/i18n';
import { PinSettings } from './PinSettings';
import { changedFields, type FieldError, type SettingsDraft, type SettingsField, toDraft, validateDraft } from './settings-form';
import { settingsMessages } from './settings.messages';

/** The shop's settings (owner only): details printed on documents, handling time, return note, PINs. */
export default function SettingsScreen() {
  const t = useT(settingsMessages);
  const notify = useNotify();
  const [saved, setSaved] = useState<Settings | null>(null);
  const [draft, setDraft] = useState<SettingsDraft | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [showErrors, setShowErrors] = useState(false);
  // What the core refused that the form let through, by field, in its own words (shared/contract/fields.ts).
  const [refused, setRefused] = useState<Record<string, string>>({});
  const { lang } = useLanguage();
  const [busy, setBusy] = useState(false);

  // Loaded once: a "data changed" refresh must never overwrite what the owner is typing.
  useEffect(() => {
    api.call('settings.get').then(
      (settings) => {
        setSaved(settings);
        setDraft(toDraft(settings));
      },
      setLoadError,
    );
  }, []);

  if (loadError) return <ErrorAlert error={loadError} />;
  if (!saved || !draft) return <Loading />;

  const errors = validateDraft(draft);
  const patch = changedFields(draft, saved);
  const dirty = Object.keys(patch).length > 0;

  function errorText(error: FieldError | undefined): string | undefined {
    if (!error) return undefined;
    if (error.key === 'numberRange') return t('numberRange', { min: error.min, max: error.max });
    if (error.key === 'tooLong') return t('tooLong', { max: groupDigits(error.max), length: groupDigits(error.length) });
    return t(error.key);
  }

  function field(name: SettingsField, extra: { multiline?: boolean; hint?: string; type?: string; rows?: number } = {}) {
    const error = showErrors ? (errorText(errors[name]) ?? refused[name]) : undefined;
    return (
      <TextField
        fullWidth
        name={name}
        label={t(name)}
        value={draft![name]}
        onChange={(e) => {
          setDraft({ ...draft!, [name]: e.target.value });
          if (refused[name]) setRefused(Object.fromEntries(Object.entries(refused).filter(([path]) => path !== name)));
        }}
        error={Boolean(error)}
        helperText={error ?? extra.hint ?? ' '}
        multiline={extra.multiline}
        minRows={extra.rows}
        slotProps={extra.type === 'number' ? { htmlInput: { inputMode: 'numeric' } } : undefined}
      />
    );
  }

  /** The first refused field comes into view with its message (the form is longer than the window). */
  function focusField(name: string) {
    setTimeout(() => document.querySelector<HTMLElement>(`main [name="${name}"]`)?.focus());
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setShowErrors(true);
    if (Object.keys(errors).length > 0) return focusField(Object.keys(errors)[0]!);
    if (!dirty) return;
    setBusy(true);
    setSaveError(null);
    try {
      const next = await api.call('settings.update', patch);
      setSaved(next);
      setDraft(toDraft(next));
      setShowErrors(false);
      notify(t('saved'));
    } catch (error) {
      const texts = inputIssueTexts(error, lang);
      setRefused(texts);
      if (Object.keys(texts).length > 0) focusField(Object.keys(texts)[0]!);
      setSaveError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Box>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Stack spacing={3} sx={{ maxWidth: 960 }}>
        <form onSubmit={submit} noValidate>
          <Stack spacing={3}>
            <Card>
              <CardContent>
                <Typography variant="h6" component="h2">
                  {t('shopSection')}
                </Typography>
                <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
                  {t('shopSectionHint')}
                </Typography>
                <Grid container spacing={2}>
                  <Grid size={{ xs: 12, md: 6 }}>{field('shopName')}</Grid>
                  <Grid size={{ xs: 12, md: 6 }}>{field('shopNip')}</Grid>
                  <Grid size={12}>{field('shopAddress', { multiline: true, rows: 2 })}</Grid>
                  <Grid size={{ xs: 12, md: 6 }}>{field('shopEmail')}</Grid>
                  <Grid size={{ xs: 12, md: 6 }}>{field('shopPhone')}</Grid>
                </Grid>
              </CardContent>
            </Card>
            <Card>
              <CardContent>
                <Typography variant="h6" component="h2" sx={{ mb: 2 }}>
                  {t('dispatchSection')}
                </Typography>
                <Grid container spacing={2}>
                  <Grid size={{ xs: 12, md: 6 }}>{field('handlingTimeDays', { type: 'number', hint: t('handlingTimeHint') })}</Grid>
                  <Grid size={{ xs: 12, md: 6 }}>{field('backupKeep', { type: 'number' })}</Grid>
                  <Grid size={12}>{field('returnInstruction', { multiline: true, rows: 3, hint: t('returnInstructionHint') })}</Grid>
                  <Grid size={12}>{field('nearPackingShelves', { hint: t('nearPackingShelvesHint') })}</Grid>
                </Grid>
              </CardContent>
            </Card>
            <Card>
              <CardContent>
                <Typography variant="h6" component="h2">
                  {t('accountantSection')}
                </Typography>
                <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
                  {t('accountantSectionHint')}
                </Typography>
                <Grid container spacing={2}>
                  <Grid size={{ xs: 12, md: 6 }}>{field('invoiceSeries', { hint: t('invoiceSeriesHint') })}</Grid>
                  <Grid size={{ xs: 12, md: 6 }}>{field('correctionSeries', { hint: t('correctionSeriesHint') })}</Grid>
                  <Grid size={12}>{field('relatedPartyNips', { hint: t('relatedPartyNipsHint') })}</Grid>
                  <Grid size={12}>
                    {/* How receipts reach the register (issue 14 point 7): a choice, not typed text. */}
                    <TextField
                      select
                      fullWidth
                      name="salesRecording"
                      label={t('salesRecording')}
                      value={draft!.salesRecording}
                      onChange={(e) => setDraft({ ...draft!, salesRecording: e.target.value })}
                      helperText={t('salesRecordingHint')}
                      slotProps={{ select: { native: true }, htmlInput: { 'data-testid': 'settings-sales-recording' } }}
                    >
                      {(['per_order', 'cash_register', 'exempt'] as const).map((mode) => (
                        <option key={mode} value={mode}>
                          {t(`salesRecording_${mode}`)}
                        </option>
                      ))}
                    </TextField>
                  </Grid>
                </Grid>
              </CardContent>
            </Card>
            {saveError ? <ErrorAlert error={saveError} /> : null}
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
              <Button type="submit" variant="contained" disabled={busy || !dirty}>
                {t('save')}
              </Button>
              {dirty && <Alert severity="info" sx={{ py: 0 }}>{t('unsaved')}</Alert>}
            </Stack>
          </Stack>
        </form>
        <PinSettings />
      </Stack>
    </Box>
  );
}
