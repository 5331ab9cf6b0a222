import Alert from '@mui/material/Alert';
import Snackbar from '@mui/material/Snackbar';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';

type Severity = 'success' | 'info' | 'warning' | 'error';
type Notify = (text: string, severity?: Severity) => void;

const NotifyContext = createContext<Notify>(() => {});

/** One snackbar for the whole app (provided by the app frame): "Zapisano", "Zaimportowano 120 zamówień"… */
export function NotifyProvider({ children }: { children: ReactNode }) {
  const [current, setCurrent] = useState<{ text: string; severity: Severity; key: number } | null>(null);
  const notify = useCallback<Notify>((text, severity = 'success') => setCurrent({ text, severity, key: Date.now() }), []);
  const value = useMemo(() => notify, [notify]);
  return (
    <NotifyContext.Provider value={value}>
      {children}
      <Snackbar
        key={current?.key}
        open={current !== null}
        autoHideDuration={current?.severity === 'error' ? 8000 : 4000}
        onClose={(_e, reason) => reason !== 'clickaway' && setCurrent(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      >
        {current ? (
          <Alert severity={current.severity} variant="filled" onClose={() => setCurrent(null)} sx={{ minWidth: 280 }}>
            {current.text}
          </Alert>
        ) : undefined}
      </Snackbar>
    </NotifyContext.Provider>
  );
}

/** `const notify = useNotify(); notify(t('saved'))` */
export function useNotify(): Notify {
  return useContext(NotifyContext);
}
