import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { api } from '../../../api';
import { navigate } from '../../../app/navigation';
import { useRole } from '../../../app/session';
import { useLiveQuery } from '../../../components/use-live-query';
import { useT } from '../../../i18n/i18n';
import { atRiskMessages } from './at-risk.messages';

/**
 * A one-line warning on Pulpit and Pakowanie: how many orders may miss their promised dispatch (and how
 * many are late already). The owner opens the list in Wyniki from it; nothing shows when none are at risk.
 */
export function AtRiskBadge() {
  const t = useT(atRiskMessages);
  const role = useRole();
  const answer = useLiveQuery(() => api.call('planning.atRisk', { limit: 1 }), ['orders', 'stock']);
  const data = answer.data;
  if (!data || data.total === 0) return null;
  return (
    <Alert
      severity={data.counts.late > 0 ? 'error' : 'warning'}
      sx={{ mb: 2 }}
      data-testid="at-risk-badge"
      action={
        role === 'owner' ? (
          <Button color="inherit" size="small" onClick={() => navigate('results', 'at-risk')}>
            {t('badgeOpen')}
          </Button>
        ) : undefined
      }
    >
      {t('badge', { n: data.total })}
      {data.counts.late > 0 ? t('badgeLate', { n: data.counts.late }) : ''}
    </Alert>
  );
}
