import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import { Component, type ComponentType, type ErrorInfo, lazy, type LazyExoticComponent, memo, type ReactNode, Suspense } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import { commonMessages } from '../i18n/common.messages';
import { useT } from '../i18n/i18n';
import type { ScreenDef } from '../screens/registry';

const lazyScreens = new Map<string, LazyExoticComponent<ComponentType>>();

function lazyScreen(def: ScreenDef): LazyExoticComponent<ComponentType> {
  let screen = lazyScreens.get(def.id);
  if (!screen) lazyScreens.set(def.id, (screen = lazy(def.load)));
  return screen;
}

function CrashNotice({ onRetry }: { onRetry: () => void }) {
  const t = useT(commonMessages);
  return (
    <Alert severity="error" action={<Button color="inherit" onClick={onRetry}>{t('retry')}</Button>}>
      <AlertTitle>{t('screenCrashed')}</AlertTitle>
      {t('screenCrashedHint')}
    </Alert>
  );
}

/** A bug in one screen must not blank the whole window: the frame and navigation stay usable. */
class ScreenBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('Screen crashed', error, info.componentStack);
  }
  override render() {
    return this.state.failed ? <CrashNotice onRetry={() => this.setState({ failed: false })} /> : this.props.children;
  }
}

export function Loading() {
  return (
    <Box sx={{ display: 'flex', justifyContent: 'center', py: 8 }}>
      <CircularProgress aria-label="…" />
    </Box>
  );
}

/**
 * Loads the screen's code on first visit (keeps the first paint fast) and shields the frame from its errors.
 * Memo'd: a frame drawn again for its own reasons (the menu opened, the window resized) leaves the screen be.
 */
export const ScreenHost = memo(function ScreenHost({ def }: { def: ScreenDef }) {
  const Screen = lazyScreen(def);
  return (
    <ScreenBoundary key={def.id}>
      <Suspense fallback={<Loading />}>
        <Screen />
      </Suspense>
    </ScreenBoundary>
  );
});
