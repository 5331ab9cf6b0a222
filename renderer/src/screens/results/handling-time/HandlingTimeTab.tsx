import Typography from '@mui/material/Typography';
import type { ResultsTabProps } from '../results-tabs';

export default function HandlingTimeTab(_props: ResultsTabProps) {
  return <Typography color="text.secondary">…</Typography>;
}
