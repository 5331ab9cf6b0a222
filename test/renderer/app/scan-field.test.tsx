import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ScanField } from '../../../renderer/src/components/ScanField';

describe('ScanField', () => {
  afterEach(cleanup);

  it('hands over the code on Enter, clears itself and keeps the focus for the next scan', async () => {
    const user = userEvent.setup();
    const onScan = vi.fn();
    render(<ScanField onScan={onScan} ariaLabel="EAN" />);
    const input = screen.getByLabelText('EAN') as HTMLInputElement;
    await user.type(input, ' 5901234123457{Enter}');
    await user.type(input, '5901234123464{Enter}');
    expect(onScan.mock.calls).toEqual([['5901234123457'], ['5901234123464']]);
    expect(input.value).toBe('');
    expect(document.activeElement).toBe(input);
  });

  it('refuses letters in an EAN field with a message, and accepts them where told', async () => {
    const user = userEvent.setup();
    const onScan = vi.fn();
    const { unmount } = render(<ScanField onScan={onScan} ariaLabel="EAN" />);
    await user.type(screen.getByLabelText('EAN'), '59012x{Enter}');
    expect(onScan).not.toHaveBeenCalled();
    expect(screen.getByText('Kod może zawierać tylko cyfry')).toBeTruthy();
    unmount();

    render(<ScanField onScan={onScan} ariaLabel="Numer przesyłki" digitsOnly={false} />);
    await user.type(screen.getByLabelText('Numer przesyłki'), 'AB123PL{Enter}');
    expect(onScan).toHaveBeenCalledWith('AB123PL');
  });

  it('shows the feedback it is given (refused scan in red)', () => {
    render(<ScanField onScan={() => {}} ariaLabel="EAN" feedback={{ kind: 'error', text: 'To nie ten produkt' }} />);
    expect(screen.getByText('To nie ten produkt')).toBeTruthy();
  });
});
