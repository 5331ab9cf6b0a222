import type { z } from 'zod';
import { contract, type Channel, isChannel, type OutputOf, type ParsedInputOf, type Result } from '../../shared/contract';
import type { InputIssue } from '../../shared/contract/envelope';
import { issueText } from '../../shared/contract/issue-text';
import type { Actor, Role } from '../../shared/domain/roles';
import type { Core } from './create-core';
import { domainErrorFromSqlite, isDomainError, storageError } from './errors';
import { handlers as allHandlers } from './handlers';
import { markShopDamaged } from './backup/shop-health';
import { queueBehindImport } from './import/worker/write-queue';

/** Per-connection state the transport keeps: who is using this window. */
export interface Session {
  role: Role | null;
}

export interface HandlerContext {
  core: Core;
  session: Session;
  /** Who is writing: the session's role (the CLI and system jobs pass 'owner' / 'system'). */
  actor: Actor;
}

type MaybePromise<T> = T | Promise<T>;
export type Handler<C extends Channel> = (input: ParsedInputOf<C>, ctx: HandlerContext) => MaybePromise<OutputOf<C>>;
export type Handlers = { [C in Channel]: Handler<C> };
/** The handlers of one area, e.g. `AreaHandlers<'stock.'>` for stock.list, stock.adjust… */
export type AreaHandlers<Prefix extends string> = { [C in Channel as C extends `${Prefix}${string}` ? C : never]: Handler<C> };

/** Each problem with a sentence in Polish and English (`text`, shown by the screens); `message` is its English. */
function issuesOf(error: z.ZodError): InputIssue[] {
  return error.issues.map((issue) => {
    const text = issueText(issue);
    return { path: issue.path.join('.'), message: text.en, text };
  });
}

/**
 * The single entry point every transport uses (Electron IPC, the HTTP test harness, the CLI):
 * checks the channel and the profile, validates the input against the contract, calls the handler, and
 * wraps the answer or error in a result envelope. Unexpected errors are logged here and reach the
 * caller only as `internal`, without stack traces.
 */
export async function dispatch(
  core: Core,
  channel: unknown,
  rawInput: unknown,
  session: Session,
  handlers: Handlers = allHandlers,
): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return { ok: false, error: { code: 'unknown_channel', message: `There is no call named ${String(channel).slice(0, 80)}.` } };
  }
  const def = contract[channel];
  if (def.access !== 'public' && session.role === null) {
    return { ok: false, error: { code: 'no_profile', message: 'Choose a profile (owner or helper) first.' } };
  }
  if (def.access === 'owner' && session.role !== 'owner') {
    return { ok: false, error: { code: 'forbidden', message: 'Only the owner may do this.' } };
  }
  const parsed = def.input.safeParse(rawInput === undefined ? {} : rawInput);
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'invalid_input', message: `Invalid arguments for ${channel}.`, details: issuesOf(parsed.error) },
    };
  }
  try {
    const handler = handlers[channel] as (input: unknown, ctx: HandlerContext) => MaybePromise<unknown>;
    // While an import is writing, a call that may write waits its turn (import/worker/write-queue.ts).
    const data = await queueBehindImport(core, channel, async () => handler(parsed.data, { core, session, actor: session.role ?? 'system' }));
    if (core.validateOutput) {
      const checked = def.output.safeParse(data);
      if (!checked.success) {
        core.log.error(`Output of ${channel} does not match the contract`, issuesOf(checked.error));
        return { ok: false, error: { code: 'internal', message: 'Something went wrong; details are in the log.' } };
      }
    }
    return { ok: true, data };
  } catch (error) {
    const storage = isDomainError(error) ? null : storageError(error);
    // A full or read-only disk, or a busy shop, is worth a line in the log though the person gets a plain answer.
    if (storage) core.log.info(`${channel} failed (${storage.code}): ${(error as Error).message}`);
    const domain = isDomainError(error) ? error : (domainErrorFromSqlite(error) ?? storage);
    // SQLite met a damaged page: remember it, so the Backups screen says the shop is damaged.
    if (domain?.code === 'database_corrupt') markShopDamaged(core, [(error as Error).message]);
    if (domain) {
      return {
        ok: false,
        error: domain.details === undefined ? { code: domain.code, message: domain.message } : { code: domain.code, message: domain.message, details: domain.details },
      };
    }
    core.log.error(`Unexpected error in ${channel}`, error);
    return { ok: false, error: { code: 'internal', message: 'Something went wrong; details are in the log.' } };
  }
}

/** Calls a channel and returns its data, throwing on error: for the CLI and tests. */
export async function call<C extends Channel>(
  core: Core,
  channel: C,
  input: unknown,
  session: Session = { role: 'owner' },
): Promise<OutputOf<C>> {
  const result = await dispatch(core, channel, input, session);
  if (!result.ok) {
    const error = new Error(result.error.message) as Error & { code: string; details?: unknown };
    error.code = result.error.code;
    error.details = result.error.details;
    throw error;
  }
  return result.data as OutputOf<C>;
}
