// Placeholder: the main process (window factory, IPC loop, security guards, app protocol) lands next.
import { app } from 'electron';

app.whenReady().then(() => {
  app.quit();
});
