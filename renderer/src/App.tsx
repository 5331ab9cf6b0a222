import { AppRoot } from './app/AppRoot';

/** The whole app; see app/AppRoot.tsx for the providers and app/AppFrame.tsx for the window frame. */
export function App() {
  return <AppRoot />;
}
