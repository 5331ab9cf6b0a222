import type { Core } from '../create-core';
import { DomainError } from '../errors';

export interface DemoOptions {
  orders?: number;
  products?: number;
  seed?: number;
}

/** Placeholder until the generator lands (see demo-generator). */
export async function loadDemoShop(_core: Core, _options: DemoOptions): Promise<void> {
  throw new DomainError('internal', 'The demo shop generator is not available yet.');
}
