import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import type { ReactNode } from 'react';
import { commonMessages } from '../i18n/common.messages';
import { useT } from '../i18n/i18n';
import { useErrorText } from './error-text';

interface ErrorAlertProps {
  /** What a call threw (ApiError or anything else); nothing is shown for null/undefined. */
  error: unknown;
  /** Shown as the title, e.g. "Nie udało się zapisać". Default: "Nie udało się". */
  title?: string;
  onRetry?: () => void;
  onClose?: () => void;
  children?: ReactNode;
}

/** A failed call, in plain words of the user's language (never a stack trace or English code). */
export function ErrorAlert({ error, title, onRetry, onClose, children }: ErrorAlertProps) {
  const t = useT(commonMessages);
  const errorText = useErrorText();
  if (error === null || error === undefined) return null;
  const text = errorText(error);
  return (
    <Alert
      severity="error"
      role="alert"
      data-error-code={(error as { code?: string }).code ?? 'internal'}
      onClose={onClose}
      action={
        onRetry ? (
          <Button color="inherit" size="small" onClick={onRetry}>
            {t('retry')}
          </Button>
        ) : undefined
      }
    >
      <AlertTitle>{title ?? t('errorTitle')}</AlertTitle>
      {text.message}
      {text.lines.length > 0 && (
        <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
          {text.lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {children}
    </Alert>
  );
}
