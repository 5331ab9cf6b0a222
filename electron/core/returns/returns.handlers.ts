import type { AreaHandlers } from '../dispatch';
import { getSettings } from '../settings/settings.service';
import { answerComplaint, closeComplaint, listComplaints, registerComplaint } from './complaints.service';
import { receiveReturn, registerReturn } from './return-register.service';
import { cancelReturn, markRefunded, setReturnStatus, voidRefund } from './return-settle.service';
import { findReturnableOrder, searchShippedOrders } from './returnable-order';
import { listReturns } from './returns-list.query';
import { returnDetail } from './returns.repository';

/** Handlers of the returns area (see shared/contract/returns.contract.ts). */
export const returnsHandlers: AreaHandlers<'returns.'> = {
  'returns.list': (input, { core }) => listReturns(core.sqlite, input, core.now()),
  'returns.get': ({ id }, { core }) => returnDetail(core.sqlite, id, core.now()),
  'returns.findOrder': ({ code }, { core }) => ({ order: findReturnableOrder(core.sqlite, code) }),
  'returns.searchOrders': async ({ search, limit }, { core }) => {
    const { handlingTimeDays } = await getSettings(core.db);
    return { rows: searchShippedOrders(core.sqlite, search, limit, { now: core.now(), handlingTimeDays }) };
  },
  'returns.register': (input, { core, actor }) => registerReturn(core, input, actor),
  'returns.receive': (input, { core, actor }) => receiveReturn(core, input, actor),
  'returns.markRefunded': (input, { core, actor }) => markRefunded(core, input, actor),
  'returns.setStatus': (input, { core, actor }) => setReturnStatus(core, input, actor),
  'returns.voidRefund': (input, { core, actor }) => voidRefund(core, input, actor),
  'returns.cancel': (input, { core, actor }) => cancelReturn(core, input, actor),
};

/** Handlers of complaints (reklamacje), kept with returns. */
export const complaintsHandlers: AreaHandlers<'complaints.'> = {
  'complaints.list': (input, { core }) => listComplaints(core.sqlite, input, core.now()),
  'complaints.register': (input, { core, actor }) => registerComplaint(core, input, actor),
  'complaints.answer': (input, { core, actor }) => answerComplaint(core, input, actor),
  'complaints.close': (input, { core, actor }) => closeComplaint(core, input, actor),
};
