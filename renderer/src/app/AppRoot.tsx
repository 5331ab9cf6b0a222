import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import { type ReactNode, useMemo } from 'react';
import { NotifyProvider } from '../components/notify';
import { LanguageProvider, useLanguage } from '../i18n/i18n';
import { AppFrame } from './AppFrame';
import { ProfileGate } from './ProfileGate';
import { Loading } from './ScreenHost';
import { SessionProvider, useSession } from './session';
import { createAppTheme } from './theme';

function ThemedApp({ children }: { children: ReactNode }) {
  const { lang } = useLanguage();
  // Follows the system's light/dark setting live (no own toggle: one less thing to get wrong).
  const dark = useMediaQuery('(prefers-color-scheme: dark)', { noSsr: true });
  const theme = useMemo(() => createAppTheme(dark ? 'dark' : 'light', lang), [dark, lang]);
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline enableColorScheme />
      {children}
    </ThemeProvider>
  );
}

function Gate() {
  const session = useSession();
  if (!session.ready) return <Loading />;
  return session.role === null ? <ProfileGate /> : <AppFrame />;
}

/** Providers (language, theme, session, notifications), then the profile gate or the app frame. */
export function AppRoot() {
  return (
    <LanguageProvider>
      <ThemedApp>
        <NotifyProvider>
          <SessionProvider>
            <Gate />
          </SessionProvider>
        </NotifyProvider>
      </ThemedApp>
    </LanguageProvider>
  );
}
