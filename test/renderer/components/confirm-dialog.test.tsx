import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConfirmDialog } from '../../../renderer/src/components/ConfirmDialog';
import { withoutScan } from '../../../renderer/src/components/use-scan-guard';

/**
 * Issue 13, point 6: "a dialog that is not waiting for a scan must not take one". ConfirmDialog is the
 * app's "Are you sure?" (cancel an order, discard a note, restore a backup…); its confirm button has
 * the focus, so a barcode scanner's keys and its closing Enter landed on it and confirmed.
 *
 * A scanner sends its keys a few milliseconds apart whatever the page is doing, and a real browser
 * stamps each key when it arrived. happy-dom stamps an event when it is created, i.e. after the page
 * handled the key before it (30–50 ms a key into a controlled field on a loaded machine). So the
 * clock the events read is held still while the scanner "types": every key of the scan arrives at
 * the same moment, after a second's pause, as a scan does.
 */
let offset = 0;
let held: number | null = null;
const realNow = performance.now.bind(performance);

beforeEach(() => {
  offset = 0;
  held = null;
  vi.spyOn(performance, 'now').mockImplementation(() => held ?? realNow() + offset);
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** A barcode scanner: the code's digits and Enter in one burst, a second after the last key. */
async function scan(code: string): Promise<void> {
  offset += 1000;
  held = realNow() + offset;
  try {
    await userEvent.setup({ delay: null }).keyboard(`${code}{Enter}`);
  } finally {
    held = null;
  }
}

describe('ConfirmDialog and a barcode scanner', () => {
  function renderDialog() {
    const onConfirm = vi.fn();
    const onCancel = vi.fn();
    render(
      <ConfirmDialog open title="Anulować zamówienie?" destructive confirmLabel="Anuluj zamówienie" cancelLabel="Nie anuluj" onConfirm={onConfirm} onCancel={onCancel}>
        Zamówienie nie zostanie wysłane.
      </ConfirmDialog>,
    );
    return { onConfirm, onCancel };
  }

  it('a scan (burst of digits + Enter) neither confirms nor cancels, and the dialog says it ignored the code', async () => {
    const { onConfirm, onCancel } = renderDialog();
    const confirm = screen.getByRole('button', { name: 'Anuluj zamówienie' });
    expect(document.activeElement).toBe(confirm);
    await scan('5901234123457');
    await scan('5901234123464');
    expect(onConfirm).not.toHaveBeenCalled();
    expect(onCancel).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toContain('5901234123464');
  });

  it('a deliberate Enter confirms, also right after an ignored scan', async () => {
    const { onConfirm } = renderDialog();
    await scan('5901234123457');
    await userEvent.setup().keyboard('{Enter}');
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it('a click confirms, and the other button cancels', async () => {
    const { onConfirm, onCancel } = renderDialog();
    const person = userEvent.setup();
    await person.click(screen.getByRole('button', { name: 'Anuluj zamówienie' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    await person.click(screen.getByRole('button', { name: 'Nie anuluj' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it("a scan into the dialog's own field (a cancel's reason) is taken out of it through onScan; typed words stay", async () => {
    const onConfirm = vi.fn();
    function CancelOrder() {
      const [reason, setReason] = useState('');
      return (
        <ConfirmDialog open title="Anulować zamówienie?" onConfirm={() => onConfirm(reason)} onCancel={() => {}} onScan={(code) => setReason((r) => withoutScan(r, code))}>
          <input aria-label="Powód" value={reason} onChange={(e) => setReason(e.target.value)} />
        </ConfirmDialog>
      );
    }
    render(<CancelOrder />);
    const field = screen.getByLabelText('Powód') as HTMLInputElement;
    const person = userEvent.setup();
    await person.click(field);
    await person.keyboard('Brak');
    await scan('5901234123457');
    expect(field.value).toBe('Brak');
    expect(screen.getByRole('alert').textContent).toContain('5901234123457');
    await person.click(screen.getByRole('button', { name: 'Potwierdź' }));
    expect(onConfirm).toHaveBeenCalledWith('Brak');
  });
});
