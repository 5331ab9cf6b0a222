import Button from '@mui/material/Button';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { navigate } from '../../app/navigation';
import { useT } from '../../i18n/i18n';
import { returnsMessages } from './returns.messages';

/** "Back (Esc)" at the top of a return's pages; Esc itself is handled by useEscape on the page. */
export function BackToReturns() {
  const t = useT(returnsMessages);
  return (
    <Button startIcon={<ArrowBackIcon />} onClick={() => navigate('returns')}>
      {t('back')}
    </Button>
  );
}
