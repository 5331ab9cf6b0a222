import pkg from '../../../package.json';
import type { Handlers } from '../dispatch';
import { loadDemoShop } from '../demo/demo-shop';
import { DomainError } from '../errors';
import { checkProfilePin, pinRequired, setProfilePin } from '../session/session.service';
import { getSettings, updateSettings } from '../settings/settings.service';
import { isShopEmpty, keptShopStats, shopStats } from './shop-stats.service';

type ShopChannels = 'app.info' | 'session.get' | 'session.choose' | 'session.setPin' | 'shop.stats' | 'shop.loadDemo' | 'settings.get' | 'settings.update';

export const shopHandlers: Pick<Handlers, ShopChannels> = {
  'app.info': (_input, { core }) => ({
    version: pkg.version,
    databaseFile: core.dbFile,
    schemaVersion: core.migration.schemaVersion,
    isEmpty: isShopEmpty(core.sqlite),
  }),
  'session.get': async (_input, { core, session }) => ({ role: session.role, pinRequired: await pinRequired(core.db) }),
  'session.choose': async ({ role, pin }, { core, session }) => {
    await checkProfilePin(core.db, role, pin);
    session.role = role;
    return { role };
  },
  'session.setPin': async ({ role, pin }, { core }) => {
    await setProfilePin(core.db, role, pin);
    return pinRequired(core.db);
  },
  'shop.stats': (_input, { core }) => keptShopStats(core.sqlite),
  'shop.loadDemo': async (input, { core }) => {
    if (!isShopEmpty(core.sqlite)) {
      throw new DomainError('not_empty', 'The shop already has products or orders; the demo shop goes only into an empty one.');
    }
    await loadDemoShop(core, input);
    core.events.emit('data.changed', { areas: ['all'] });
    return shopStats(core.sqlite);
  },
  'settings.get': (_input, { core }) => getSettings(core.db),
  'settings.update': async (input, { core, actor }) => {
    const settings = await updateSettings(core.db, input, actor, core.now());
    core.events.emit('data.changed', { areas: ['settings'] });
    return settings;
  },
};
