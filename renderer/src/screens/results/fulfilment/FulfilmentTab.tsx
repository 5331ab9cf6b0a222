import Typography from '@mui/material/Typography';
import type { ResultsTabProps } from '../results-tabs';

export default function FulfilmentTab(_props: ResultsTabProps) {
  return <Typography color="text.secondary">…</Typography>;
}
