import { describe, expect, it } from 'vitest';
import { changedFields, shelfList, toDraft, validateDraft } from '../../../renderer/src/screens/settings/settings-form';
import type { Settings } from '../../../shared/contract/system.contract';

/** Ustawienia: "Półki najbliżej stołu pakowania" (issue 17 point 5, the slotting hint). */
const saved: Settings = {
  shopName: 'Sklep', shopAddress: '', shopNip: '', shopEmail: '', shopPhone: '', handlingTimeDays: 1, returnInstruction: 'x',
  backupKeep: 14, invoiceSeries: 'FV {n}/{mm}/{rrrr}', correctionSeries: 'KOR {n}/{mm}/{rrrr}', salesRecording: 'per_order', relatedPartyNips: [],
};

describe('near packing shelves in the settings form', () => {
  it('reads a list typed with commas, semicolons or lines, trimmed, repeats (any case) dropped', () => {
    expect(shelfList(' A-01, A-02;a-01\nB- ,, ')).toEqual(['A-01', 'A-02', 'B-']);
  });

  it('shows none for a core that sends no such key, and sends the list only when changed', () => {
    const draft = toDraft(saved);
    expect(draft.nearPackingShelves).toBe('');
    expect(changedFields(draft, saved)).toEqual({});
    expect(changedFields({ ...draft, nearPackingShelves: 'A-01, A-02' }, saved)).toEqual({ nearPackingShelves: ['A-01', 'A-02'] });
    const withShelves = { ...saved, nearPackingShelves: ['A-01', 'A-02'] };
    expect(toDraft(withShelves).nearPackingShelves).toBe('A-01, A-02');
    expect(changedFields({ ...toDraft(withShelves), nearPackingShelves: 'A-01 ,A-02' }, withShelves)).toEqual({});
    expect(changedFields({ ...toDraft(withShelves), nearPackingShelves: '' }, withShelves)).toEqual({ nearPackingShelves: [] });
  });

  it('refuses a shelf code longer than the core takes', () => {
    expect(validateDraft({ ...toDraft(saved), nearPackingShelves: `A-01, ${'X'.repeat(41)}` }).nearPackingShelves).toEqual({ key: 'tooLong', max: 40, length: 41 });
  });
});
