import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/App';
import { fake } from '../support/fake-transport';
import { emptyStats } from '../packing/packing-fixtures';

const backups = [
  { name: 'zaplecze-2026-11-24T06-00-00-000Z-auto.db', createdAt: '2026-11-24T06:00:00.000Z', kind: 'automatic', sizeBytes: 185 * 1048576 },
  { name: 'zaplecze-2026-11-23T18-30-00-000Z-before-undo.db', createdAt: '2026-11-23T18:30:00.000Z', kind: 'before-undo', sizeBytes: 180 * 1048576 },
  { name: 'zaplecze-2026-11-20T09-00-00Z-before-migration.db', createdAt: '2026-11-20T09:00:00.000Z', kind: 'before-migration', sizeBytes: 170 * 1048576 },
];

describe('Backups screen with a fake core', () => {
  let list: Array<(typeof backups)[number]>;
  beforeEach(() => {
    fake.reset();
    localStorage.clear();
    list = [...backups];
    fake.handle('session.get', () => ({ role: 'owner', pinRequired: { owner: false, helper: false } }));
    fake.handle('shop.stats', () => emptyStats);
    fake.handle('backup.list', () => ({ directory: '/home/ola/.config/Zaplecze/backups', keep: 14, lastAutomaticAt: '2026-11-24T06:00:00.000Z', pendingRestore: null, backups: list }));
  });
  afterEach(() => {
    cleanup();
    window.location.hash = '';
  });

  async function open() {
    window.location.hash = '#/backups';
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Kopie zapasowe' }, { timeout: 10_000 });
    return screen.findByRole('table', { name: 'Kopie zapasowe' });
  }

  it('lists the backups newest first in Polish, with what each was taken for', async () => {
    const table = await open();
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-backup'))).toEqual(backups.map((b) => b.name));
    expect(rows[0]!.textContent).toContain('24.11.2026, 07:00'); // Warsaw time
    expect(rows[0]!.textContent).toContain('Automatyczna (codzienna)');
    expect(rows[1]!.textContent).toContain('Przed cofnięciem importu');
    expect(rows[2]!.textContent).toContain('Przed aktualizacją programu');
    expect(rows[0]!.textContent).toContain('185 MB');
    expect(screen.getByText(/Przechowuje 14 ostatnich kopii/)).toBeTruthy();
  });

  it('makes a backup on demand and shows it', async () => {
    fake.handle('backup.create', () => {
      const made = { name: 'zaplecze-2026-11-24T10-00-00-000Z-manual.db', createdAt: '2026-11-24T10:00:00.000Z', kind: 'manual', sizeBytes: 186 * 1048576 };
      list = [made, ...list];
      return made;
    });
    await open();
    await userEvent.click(screen.getByTestId('backup-create'));
    await waitFor(() => expect(fake.callsOf('backup.create')).toEqual([{}]));
    expect(await screen.findByText('Zrobiona ręcznie')).toBeTruthy();
  });

  it('restores only after the owner confirms, and says when it happens', async () => {
    fake.handle('backup.restore', ({ name }: { name: string }) => ({ name, schemaVersion: '2026-11-24-03-packing-returns', products: 200, orders: 1999, when: 'next-start' }));
    const table = await open();
    const row = within(table).getAllByRole('row')[2]!;
    await userEvent.click(within(row).getByRole('button', { name: 'Przywróć' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('Przywrócić kopię z 23.11.2026, 19:30?');
    expect(dialog.textContent).toContain('Obecna baza nie przepadnie');
    expect(fake.callsOf('backup.restore')).toEqual([]);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Przywróć kopię' }));
    await waitFor(() => expect(fake.callsOf('backup.restore')).toEqual([{ name: backups[1]!.name }]));
    expect(await screen.findByText(/Zostanie przywrócona przy następnym uruchomieniu programu/)).toBeTruthy();
  });

  it('explains a backup that cannot be restored, in Polish', async () => {
    fake.fail('backup.restore', 'backup_invalid');
    const table = await open();
    await userEvent.click(within(within(table).getAllByRole('row')[1]!).getByRole('button', { name: 'Przywróć' }));
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Przywróć kopię' }));
    expect(await screen.findByText(/Tej kopii zapasowej nie da się przywrócić/)).toBeTruthy();
  });

  it('shows a pending restore by date and kind (not a file name) and cancels it with "Anuluj przywracanie"', async () => {
    let pending: string | null = backups[1]!.name;
    fake.handle('backup.list', () => ({
      directory: '/home/ola/.config/Zaplecze/backups',
      keep: 14,
      lastAutomaticAt: null,
      pendingRestore: pending,
      pending: pending ? { name: pending, createdAt: backups[1]!.createdAt, kind: 'before-undo', requestedAt: '2026-11-24T08:00:00.000Z' } : null,
      backups: list,
    }));
    fake.handle('backup.cancelRestore', () => {
      const was = pending;
      pending = null;
      return { cancelled: was };
    });
    await open();
    const alert = await screen.findByTestId('pending-restore');
    expect(alert.textContent).toContain('Czeka na przywrócenie: kopia z 23.11.2026, 19:30 — przed cofnięciem importu.');
    expect(alert.textContent).not.toContain('.db');
    await userEvent.click(within(alert).getByRole('button', { name: 'Anuluj przywracanie' }));
    await waitFor(() => expect(fake.callsOf('backup.cancelRestore')).toEqual([{}]));
    await waitFor(() => expect(screen.queryByTestId('pending-restore')).toBeNull());
    expect(await screen.findByText('Przywracanie anulowane. Zostaje obecna baza.')).toBeTruthy();
  });

  it('a damaged shop: says so and offers the newest checked backup', async () => {
    fake.handle('backup.list', () => ({
      directory: '/home/ola/.config/Zaplecze/backups',
      keep: 14,
      lastAutomaticAt: null,
      pendingRestore: null,
      backups: list.map((b) => ({ ...b, verified: true })),
      health: { state: 'damaged', checkedAt: '2026-11-24T08:00:00.000Z', lastFullCheckAt: null, newestVerified: { ...backups[0]!, verified: true } },
    }));
    await open();
    const alert = await screen.findByTestId('shop-damaged');
    expect(alert.textContent).toContain('Baza sklepu jest uszkodzona');
    expect(alert.textContent).toContain('Najnowsza sprawdzona kopia jest z 24.11.2026, 07:00 — automatyczna (codzienna).');
    await userEvent.click(within(alert).getByRole('button', { name: 'Przywróć kopię z 24.11.2026, 07:00' }));
    expect((await screen.findByRole('dialog')).textContent).toContain('Przywrócić kopię z 24.11.2026, 07:00?');
  });
});
