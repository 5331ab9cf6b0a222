import { transport } from '@transport';
import { createApi } from './client';

/** The app's one API client over the transport chosen at build time. */
export const api = createApi(transport);
export { ApiError } from './client';
export type { Api } from './client';
