import type { z } from 'zod';
import type { Channel } from './channels';
import type { ChannelDef } from './define';
import { systemContract } from './system.contract';
import { stockContract } from './stock.contract';
import { ordersContract } from './orders.contract';
import { packingContract } from './packing.contract';
import { returnsContract } from './returns.contract';
import { importContract } from './import.contract';
import { backupContract } from './backup.contract';
import { printContract } from './print.contract';
import { exportContract } from './export.contract';
import { accountingContract } from './accounting.contract';
import { booksContract } from './books.contract';
import { resultsContract } from './results.contract';
import { planningContract } from './planning.contract';

export * from './channels';
export * from './envelope';
export type { ChannelDef } from './define';

/**
 * The whole contract: one entry per channel. Add an area by spreading its `*.contract.ts` object here
 * and listing its names in `channels.ts`; the two checks below make a mismatch a compile error.
 */
export const contract = {
  ...systemContract,
  ...stockContract,
  ...ordersContract,
  ...packingContract,
  ...returnsContract,
  ...importContract,
  ...backupContract,
  ...printContract,
  ...exportContract,
  ...accountingContract,
  ...booksContract,
  ...resultsContract,
  ...planningContract,
};

type ContractMap = typeof contract;
// Every channel has a definition…
const _everyChannelDefined: Record<Channel, ChannelDef> = contract;
// …and every definition is a listed channel.
type _NoExtra = Exclude<keyof ContractMap, Channel> extends never ? true : never;
const _noExtraDefinitions: _NoExtra = true;
void _everyChannelDefined;
void _noExtraDefinitions;

export type Contract = ContractMap;
/** What the caller passes (defaults may be omitted). */
export type InputOf<C extends Channel> = z.input<ContractMap[C]['input']>;
/** What the handler receives after validation (defaults filled in). */
export type ParsedInputOf<C extends Channel> = z.output<ContractMap[C]['input']>;
export type OutputOf<C extends Channel> = z.output<ContractMap[C]['output']>;
