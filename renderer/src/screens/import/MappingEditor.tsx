import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { type MappingProposal, type SheetMapping, STOCK_FIELDS, type StockField } from '../../../../shared/contract/import.contract';
import { useLanguage, useT } from '../../i18n/i18n';
import { FIELD_LABELS } from './import-labels';
import { importMessages } from './import.messages';

export interface MappingDraft {
  mapping: SheetMapping;
  remember: boolean;
  name: string;
}

interface MappingEditorProps {
  proposal: MappingProposal;
  draft: MappingDraft;
  onChange: (draft: MappingDraft) => void;
  /** Preview again with the edited mapping (import.remap). */
  onRecalculate: () => void;
  /** The draft differs from what the preview was computed with. */
  dirty: boolean;
  busy?: boolean;
}

/** Sets one column to a field; a field already used elsewhere moves here (each field has one column). */
export function assignField(mapping: SheetMapping, index: number, field: StockField | null): SheetMapping {
  const columns = mapping.columns.filter((c) => c.index !== index && (field === null || c.field !== field));
  if (field) columns.push({ index, field });
  columns.sort((a, b) => a.index - b.index);
  return { ...mapping, columns };
}

/** The owner checks and edits which column of their own sheet holds which product field. */
export function MappingEditor({ proposal, draft, onChange, onRecalculate, dirty, busy }: MappingEditorProps) {
  const t = useT(importMessages);
  const { lang } = useLanguage();
  const fieldOf = (index: number) => draft.mapping.columns.find((c) => c.index === index)?.field ?? '';
  const mapped = new Set(draft.mapping.columns.map((c) => c.field));
  const missing = proposal.missingFields.filter((f) => !mapped.has(f));

  return (
    <Box data-testid="mapping-editor" sx={{ mt: 2 }}>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
        {t('mappingTitle')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {proposal.savedMappingName ? t('mappingSaved', { name: proposal.savedMappingName }) : t('mappingHint')}
      </Typography>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
        <TextField
          size="small"
          type="number"
          label={t('headerRow')}
          value={draft.mapping.headerRow}
          onChange={(e) => {
            const n = Math.max(1, Math.floor(Number(e.target.value) || 1));
            onChange({ ...draft, mapping: { ...draft.mapping, headerRow: n } });
          }}
          sx={{ width: 180 }}
          slotProps={{ htmlInput: { min: 1 } }}
        />
        {proposal.sheet && (
          <Typography variant="body2" color="text.secondary">
            {t('sheetName', { name: proposal.sheet })}
          </Typography>
        )}
      </Stack>
      {/* No height limit: a sheet has a handful of columns, and the owner should see all of them at once. */}
      <TableContainer>
        <Table size="small" aria-label={t('mappingTitle')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('colLetter')}</TableCell>
              <TableCell>{t('colHeader')}</TableCell>
              <TableCell>{t('colSamples')}</TableCell>
              <TableCell sx={{ minWidth: 220 }}>{t('colField')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {proposal.columns.map((column) => (
              <TableRow key={column.index} data-column={column.letter}>
                <TableCell sx={{ fontWeight: 600 }}>{column.letter}</TableCell>
                <TableCell>{column.header || '—'}</TableCell>
                <TableCell sx={{ color: 'text.secondary', maxWidth: 280, overflowWrap: 'anywhere' }}>{column.samples.filter(Boolean).slice(0, 3).join(' · ')}</TableCell>
                <TableCell>
                  <Select
                    size="small"
                    fullWidth
                    displayEmpty
                    value={fieldOf(column.index)}
                    onChange={(e) => onChange({ ...draft, mapping: assignField(draft.mapping, column.index, (e.target.value as StockField) || null) })}
                    inputProps={{ 'aria-label': `${t('colField')}: ${column.letter} ${column.header}` }}
                  >
                    <MenuItem value="">
                      <em>{t('fieldNone')}</em>
                    </MenuItem>
                    {STOCK_FIELDS.map((field) => (
                      <MenuItem key={field} value={field}>
                        {FIELD_LABELS[field][lang]}
                      </MenuItem>
                    ))}
                  </Select>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {missing.length > 0 && (
        <Alert severity="warning" sx={{ mt: 1 }}>
          {t('missingFields', { fields: missing.map((f) => FIELD_LABELS[f][lang]).join(', ') })}
        </Alert>
      )}
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mt: 1.5, alignItems: { md: 'center' } }}>
        <Button variant="outlined" onClick={onRecalculate} disabled={busy || !dirty}>
          {t('recalculate')}
        </Button>
        <FormControlLabel
          control={<Checkbox checked={draft.remember} onChange={(e) => onChange({ ...draft, remember: e.target.checked })} />}
          label={t('rememberMapping')}
        />
        {draft.remember && (
          <TextField size="small" label={t('mappingName')} value={draft.name} onChange={(e) => onChange({ ...draft, name: e.target.value })} sx={{ minWidth: 240 }} />
        )}
      </Stack>
    </Box>
  );
}
