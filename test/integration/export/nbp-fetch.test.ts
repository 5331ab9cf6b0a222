import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchNbpRates } from '../../../electron/core/accounting/exchange-rates';
import { DomainError } from '../../../electron/core/errors';
import { tempCore, type TempCore } from '../../support/temp-core';

/**
 * NBP's Web API, as the shop asks it when online (issue 14 point 6): a real HTTP round trip to a local
 * server answering NBP's path with NBP's JSON; the rates are kept in the shop for offline use. Without a
 * server the owner is told, in the app's words, and nothing changes.
 */
let t: TempCore;
let server: Server;
let base: string;
const asked: string[] = [];

beforeAll(async () => {
  t = await tempCore({ now: () => new Date('2026-12-07T08:00:00Z') });
  const body = readFileSync(join(__dirname, '..', '..', 'fixtures', 'nbp', 'tabela-a-2026-11.json'));
  server = createServer((req, res) => {
    asked.push(req.url ?? '');
    if (req.url === '/api/exchangerates/tables/A/2026-11-10/2026-11-16/?format=json') {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(body);
    } else res.writeHead(404).end('404 NotFound - Not Found - Brak danych');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  t.dispose();
});

describe('NBP rates fetched from the Web API', () => {
  it('stores the tables NBP answers with, marked as fetched', async () => {
    const result = await fetchNbpRates(t.core.sqlite, '2026-11-10', '2026-11-16', t.core.now(), base);
    expect(result).toMatchObject({ imported: 24, days: 4, firstDay: '2026-11-10', lastDay: '2026-11-16', problems: [] });
    expect(asked).toEqual(['/api/exchangerates/tables/A/2026-11-10/2026-11-16/?format=json']);
    expect(t.core.sqlite.prepare("SELECT rate, table_no AS no, source FROM exchange_rates WHERE currency = 'CZK' AND day = '2026-11-13'").get()).toEqual({ rate: '0.1712', no: '220/A/NBP/2026', source: 'nbp_api' });
  });

  it('a range without tables is said, not an error', async () => {
    const result = await fetchNbpRates(t.core.sqlite, '2026-11-11', '2026-11-11', t.core.now(), base);
    expect(result).toMatchObject({ imported: 0, problems: ['NBP nie opublikował tabel A w tych dniach.'] });
  });

  it('offline: nbp_unavailable, nothing changed', async () => {
    const before = t.core.sqlite.prepare('SELECT COUNT(*) FROM exchange_rates').pluck().get();
    await expect(fetchNbpRates(t.core.sqlite, '2026-10-01', '2026-10-31', t.core.now(), 'http://127.0.0.1:9')).rejects.toSatisfy((e: unknown) => e instanceof DomainError && e.code === 'nbp_unavailable');
    expect(t.core.sqlite.prepare('SELECT COUNT(*) FROM exchange_rates').pluck().get()).toBe(before);
  });
});
