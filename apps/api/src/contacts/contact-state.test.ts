import { nfcDeep } from './normalize-write';
import { applyWrite, type ContactState, EMPTY_CONTACT_STATE, mergeStates } from './contact-state';

const state = (fields: Partial<ContactState>): ContactState => ({ ...EMPTY_CONTACT_STATE, ...fields });

describe('applyWrite', () => {
  it('replaces named fields, merges attributes key by key and removes null keys', () => {
    const before = state({
      name: 'Lan',
      phone: '84912345678',
      attributes: { city: 'Huế', plan: 'pro' },
      tags: ['a'],
    });
    const after = applyWrite(before, {
      name: null,
      attributes: { city: 'Hà Nội', plan: null, age: 30 },
      tags: { add: ['b', 'a'], remove: ['c'] },
    });
    expect(after).toEqual(
      state({ name: null, phone: '84912345678', attributes: { city: 'Hà Nội', age: 30 }, tags: ['a', 'b'] }),
    );
  });

  it('removes tags after adding them and leaves unnamed fields alone', () => {
    const after = applyWrite(state({ tags: ['a', 'b'], doNotContact: true }), {
      tags: { add: ['c'], remove: ['a'] },
    });
    expect(after).toEqual(state({ tags: ['b', 'c'], doNotContact: true }));
  });

  it('keeps a consent’s time when a write repeats its state and source', () => {
    const given = { state: 'granted', source: 'form', at: '2026-01-01T00:00:00.000Z' } as const;
    const before = state({ consents: { zns: given } });
    const repeated = applyWrite(before, { consents: { zns: { ...given, at: '2026-02-01T00:00:00.000Z' } } });
    expect(repeated.consents.zns).toEqual(given);
    const withdrawn = { state: 'denied', source: 'form', at: '2026-02-01T00:00:00.000Z' } as const;
    expect(applyWrite(before, { consents: { zns: withdrawn } }).consents.zns).toEqual(withdrawn);
  });
});

describe('mergeStates', () => {
  it('keeps the survivor’s values, fills what it lacks, and combines tags, consents, do-not-contact and score', () => {
    const survivor = state({
      externalId: 'u1',
      name: 'Lan',
      attributes: { city: 'Hà Nội' },
      tags: ['vip'],
      score: 5,
      consents: {
        sms: { state: 'denied', source: 'reply', at: '2026-02-01T00:00:00.000Z' },
        zns: { state: 'granted', source: 'form', at: '2026-01-01T00:00:00.000Z' },
      },
    });
    const loser = state({
      phone: '84912345678',
      name: 'Lan N.',
      attributes: { city: 'Huế', plan: 'pro' },
      tags: ['lead', 'vip'],
      score: 2,
      doNotContact: true,
      consents: {
        sms: { state: 'granted', source: 'form', at: '2026-01-15T00:00:00.000Z' },
        zns: { state: 'denied', source: 'oa', at: '2026-03-01T00:00:00.000Z' },
        email: { state: 'granted', source: 'import', at: '2026-01-01T00:00:00.000Z' },
      },
    });
    expect(mergeStates(survivor, loser)).toEqual({
      externalId: 'u1',
      phone: '84912345678',
      email: null,
      name: 'Lan',
      attributes: { city: 'Hà Nội', plan: 'pro' },
      tags: ['vip', 'lead'],
      score: 7,
      doNotContact: true,
      consents: {
        sms: { state: 'denied', source: 'reply', at: '2026-02-01T00:00:00.000Z' },
        zns: { state: 'denied', source: 'oa', at: '2026-03-01T00:00:00.000Z' },
        email: { state: 'granted', source: 'import', at: '2026-01-01T00:00:00.000Z' },
      },
    });
  });
});

describe('Unicode forms', () => {
  it('stores Vietnamese text in NFC whichever form it came in', () => {
    const decomposed = 'Hà Nội'.normalize('NFD');
    expect(decomposed).not.toBe('Hà Nội');
    expect(nfcDeep({ name: decomposed, attributes: { city: decomposed, list: [decomposed] } })).toEqual({
      name: 'Hà Nội',
      attributes: { city: 'Hà Nội', list: ['Hà Nội'] },
    });
  });
});
