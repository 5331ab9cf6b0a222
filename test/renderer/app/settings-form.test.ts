import { describe, expect, it } from 'vitest';
import { changedFields, toDraft, validateDraft } from '../../../renderer/src/screens/settings/settings-form';
import type { Settings } from '../../../shared/contract/system.contract';

const saved: Settings = {
  shopName: 'Sklep',
  shopAddress: '',
  shopNip: '',
  shopEmail: '',
  shopPhone: '',
  handlingTimeDays: 1,
  returnInstruction: 'x',
  backupKeep: 14,
  invoiceSeries: 'FV {n}/{mm}/{rrrr}',
  correctionSeries: 'KOR {n}/{mm}/{rrrr}',
  salesRecording: 'per_order',
  relatedPartyNips: [],
};

describe('settings form', () => {
  it('accepts the saved settings as they are and sends nothing', () => {
    const draft = toDraft(saved);
    expect(validateDraft(draft)).toEqual({});
    expect(changedFields(draft, saved)).toEqual({});
  });

  it('refuses out-of-range or non-numeric handling time, a bad NIP and an empty shop name', () => {
    const errors = validateDraft({ ...toDraft(saved), handlingTimeDays: '61', backupKeep: 'dwa', shopNip: '123-45', shopName: ' ' });
    expect(errors.handlingTimeDays).toEqual({ key: 'numberRange', min: 0, max: 60 });
    expect(errors.backupKeep).toEqual({ key: 'numberRange', min: 1, max: 365 });
    expect(errors.shopNip).toEqual({ key: 'nipInvalid' });
    expect(errors.shopName).toEqual({ key: 'required' });
  });

  it('sends only what changed, numbers as numbers and the NIP without dashes', () => {
    const patch = changedFields({ ...toDraft(saved), handlingTimeDays: ' 3 ', shopNip: '526-000-12-46' }, saved);
    expect(patch).toEqual({ handlingTimeDays: 3, shopNip: '5260001246' });
  });
});
