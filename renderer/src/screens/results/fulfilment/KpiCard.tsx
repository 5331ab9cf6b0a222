import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import type { ReactNode } from 'react';

interface KpiCardProps {
  id: string;
  label: string;
  value: string;
  detail: ReactNode;
  previous: string;
  /** This period minus the previous (null: nothing to compare). The arrow shows the direction. */
  delta: number | null;
  /** Whether a higher number is the better one (on time) or the worse (returns): the colour. */
  higherIsBetter: boolean;
  definition: string;
}

/** One number of Wyniki: big, with the previous period's beside it and its definition under it. */
export function KpiCard({ id, label, value, detail, previous, delta, higherIsBetter, definition }: KpiCardProps) {
  const moved = delta !== null && Math.abs(delta) > 1e-9;
  const better = moved && (delta > 0) === higherIsBetter;
  return (
    <Paper variant="outlined" sx={{ p: 1.5, display: 'flex', flexDirection: 'column', gap: 0.25 }} data-kpi={id}>
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {label}
      </Typography>
      <Typography variant="h5" component="p" sx={{ fontWeight: 600 }} data-kpi-value>
        {value}
      </Typography>
      <Typography variant="caption" color="text.secondary">
        {detail}
      </Typography>
      <Typography variant="caption" sx={{ display: 'flex', alignItems: 'center', gap: 0.5, color: !moved ? 'text.secondary' : better ? 'success.main' : 'error.main' }}>
        {moved && delta > 0 && <ArrowUpwardIcon sx={{ fontSize: 14 }} />}
        {moved && delta < 0 && <ArrowDownwardIcon sx={{ fontSize: 14 }} />}
        {previous}
      </Typography>
      <Typography variant="caption" color="text.secondary" sx={{ mt: 0.5, lineHeight: 1.35 }} data-definition>
        {definition}
      </Typography>
    </Paper>
  );
}
