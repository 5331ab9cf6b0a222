import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { EntityCounts } from '../../../../shared/contract/import.contract';
import { useFormat } from '../../i18n/format';
import { useLanguage, useT } from '../../i18n/i18n';
import { entityLabel } from './import-labels';
import { importMessages } from './import.messages';

interface Count {
  key: 'countInserted' | 'countUpdated' | 'countUnchanged' | 'countRejected' | 'countWarnings';
  value: number;
  color?: string;
}

/** The headline numbers and, per kind of row, what would be / was added, changed, left alone. */
export function CountsSummary({ counts, entities, title }: { counts: Count[]; entities: Record<string, EntityCounts>; title: string }) {
  const t = useT(importMessages);
  const { lang } = useLanguage();
  const format = useFormat();
  const kinds = Object.entries(entities).filter(([, c]) => c.inserted + c.updated + c.unchanged > 0);
  return (
    <Box>
      <Stack direction="row" spacing={3} sx={{ flexWrap: 'wrap', rowGap: 1, my: 1 }} data-testid="import-counts">
        {counts.map((c) => (
          <Box key={c.key} data-count={c.key}>
            <Typography variant="caption" color="text.secondary">
              {t(c.key)}
            </Typography>
            <Typography variant="h6" component="p" sx={{ color: c.value > 0 ? c.color : undefined, lineHeight: 1.2 }} data-count-value={c.key}>
              {format.number(c.value)}
            </Typography>
          </Box>
        ))}
      </Stack>
      {kinds.length > 0 && (
        <Table size="small" aria-label={title} sx={{ maxWidth: 640 }} data-testid="import-entities">
          <TableHead>
            <TableRow>
              <TableCell>{title}</TableCell>
              <TableCell align="right">{t('countInserted')}</TableCell>
              <TableCell align="right">{t('countUpdated')}</TableCell>
              <TableCell align="right">{t('countUnchanged')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {kinds.map(([kind, c]) => (
              <TableRow key={kind} data-entity={kind}>
                <TableCell>{entityLabel(kind, lang)}</TableCell>
                <TableCell align="right">{format.number(c.inserted)}</TableCell>
                <TableCell align="right">{format.number(c.updated)}</TableCell>
                <TableCell align="right">{format.number(c.unchanged)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}
