import type { z } from 'zod';
import type { Access } from '../domain/roles';

/** One call of the contract: what it takes, what it answers, who may make it. */
export interface ChannelDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /** One sentence for the contract documentation. */
  summary: string;
}

export function defineChannel<I extends z.ZodType, O extends z.ZodType>(def: ChannelDef<I, O>): ChannelDef<I, O> {
  return def;
}
