import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/**
 * One number with its label; `data-stat` lets tests read a count without depending on the layout. A
 * `note` under the number says what it leaves out, keeping the label one line like the other tiles.
 */
export function StatCard({ label, value, stat, icon, note }: { label: string; value: string; stat: string; icon?: ReactNode; note?: string }) {
  return (
    <Card sx={{ height: '100%' }} data-stat={stat}>
      <CardContent>
        <Typography variant="body2" color="text.secondary" sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          {icon}
          <span>{label}</span>
        </Typography>
        <Typography variant="h4" component="p" sx={{ fontWeight: 600, mt: 1 }} data-stat-value={stat}>
          {value}
        </Typography>
        {note && (
          <Typography variant="body2" color="text.secondary" data-stat-note={stat}>
            {note}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}
