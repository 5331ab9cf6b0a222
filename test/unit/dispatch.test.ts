import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS, contract } from '../../shared/contract';
import { dispatch, type Handlers } from '../../electron/core/dispatch';
import { tempCore, type TempCore } from '../support/temp-core';

/** Handlers that record whether they were called: validation must stop bad input before them. */
function spyHandlers(): { handlers: Handlers; calls: string[] } {
  const calls: string[] = [];
  const handlers = Object.fromEntries(
    CHANNELS.map((channel) => [channel, vi.fn(() => { calls.push(channel); return {}; })]),
  ) as unknown as Handlers;
  return { handlers, calls };
}

/** Inputs no channel accepts: wrong JSON types, and an object with a field the contract does not know. */
const MALFORMED: Array<[string, unknown]> = [
  ['a number', 42],
  ['a string', 'DROP TABLE products'],
  ['null', null],
  ['an array', [1, 2, 3]],
  ['an unknown field', { __proto_pollution__: true, unexpected: 'field' }],
];

let t: TempCore;
beforeAll(async () => {
  t = await tempCore();
});
afterAll(async () => t.dispose());

describe('dispatch', () => {
  for (const channel of CHANNELS) {
    for (const [what, input] of MALFORMED) {
      it(`${channel} rejects ${what} without calling the service`, async () => {
        const { handlers, calls } = spyHandlers();
        const result = await dispatch(t.core, channel, input, { role: 'owner' }, handlers);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.code).toBe('invalid_input');
        expect(calls).toEqual([]);
      });
    }
  }

  it('every channel has an input schema that is a strict object', () => {
    for (const channel of CHANNELS) {
      const schema = contract[channel].input;
      expect(schema.safeParse({ definitelyNotAField: 1 }).success, channel).toBe(false);
    }
  });

  it('refuses an unknown channel', async () => {
    const { handlers, calls } = spyHandlers();
    const result = await dispatch(t.core, 'products.dropAll', {}, { role: 'owner' }, handlers);
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(calls).toEqual([]);
  });

  it('requires a profile for staff calls and the owner for owner calls', async () => {
    const { handlers, calls } = spyHandlers();
    expect(await dispatch(t.core, 'shop.stats', {}, { role: null }, handlers)).toMatchObject({ ok: false, error: { code: 'no_profile' } });
    expect(await dispatch(t.core, 'settings.update', { shopName: 'X' }, { role: 'helper' }, handlers)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(calls).toEqual([]);
  });

  it('turns an unexpected error into `internal` without leaking the stack', async () => {
    const { handlers } = spyHandlers();
    handlers['shop.stats'] = () => {
      throw new Error('secret path /home/owner/.config at line 42');
    };
    const result = await dispatch(t.core, 'shop.stats', {}, { role: 'owner' }, handlers);
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: expect.any(String) } });
    expect(JSON.stringify(result)).not.toContain('secret path');
  });

  it('answers a valid call through the real service', async () => {
    const result = await dispatch(t.core, 'shop.stats', {}, { role: 'helper' });
    expect(result).toMatchObject({ ok: true, data: { products: 0, orders: 0, totalToPayGrosze: {} } });
  });

  it('keeps the profile chosen in the session and checks PINs', async () => {
    const session = { role: null as 'owner' | 'helper' | null };
    expect(await dispatch(t.core, 'session.choose', { role: 'owner' }, session)).toMatchObject({ ok: true });
    expect(session.role).toBe('owner');
    expect(await dispatch(t.core, 'session.setPin', { role: 'helper', pin: '1234' }, session)).toMatchObject({ ok: true, data: { helper: true } });
    expect(await dispatch(t.core, 'session.choose', { role: 'helper', pin: '9999' }, session)).toMatchObject({ ok: false, error: { code: 'wrong_pin' } });
    expect(session.role).toBe('owner');
    expect(await dispatch(t.core, 'session.choose', { role: 'helper', pin: '1234' }, session)).toMatchObject({ ok: true });
    expect(session.role).toBe('helper');
  });
});
