import Alert from '@mui/material/Alert';
import { useEffect } from 'react';
import { defineMessages, useT } from '../../../i18n/i18n';

const messages = defineMessages(
  { counting: 'Podsumowuję jeszcze zamówienia sklepu (zostało {n}). Liczby poniżej są niepełne i uzupełnią się same.' },
  { counting: "Still summarising the shop's orders ({n} left). The numbers below are incomplete and will fill in by themselves." },
);

/**
 * The first open of Wyniki on a big shop summarises every order once; the core answers after a time
 * budget with what it has counted (`pendingOrders` left). This says so and asks again until none is left.
 */
export function StillCounting({ answer, pending, reload }: { answer: unknown; pending: number; reload: () => void }) {
  const t = useT(messages);
  useEffect(() => {
    if (pending <= 0) return;
    const timer = setTimeout(reload, 200);
    return () => clearTimeout(timer);
    // `answer` changes with each reply, so it asks again even if the count left did not move.
  }, [answer, pending, reload]);
  if (pending <= 0) return null;
  return (
    <Alert severity="info" data-testid="results-still-counting" sx={{ mb: 2 }}>
      {t('counting', { n: pending })}
    </Alert>
  );
}
