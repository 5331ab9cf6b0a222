// `@transport` is resolved by the build (electron.vite.config.mts / vite.web.config.mts) to one of the
// transport.*.ts files. For the type checker it is the shared interface.
declare module '@transport' {
  import type { Transport } from './api/transport';
  export const transport: Transport;
}
