import { type ContactIdentifiers, planMerge } from './plan-merge';

const contact = (id: string, held: Partial<Omit<ContactIdentifiers, 'id'>> = {}): ContactIdentifiers => ({
  id,
  externalId: null,
  phone: null,
  email: null,
  zalo: new Map(),
  ...held,
});
const byId = (...contacts: ContactIdentifiers[]) => new Map(contacts.map((found) => [found.id, found]));

describe('planMerge', () => {
  it('keeps the contact found by the strongest key, whatever order the matches come in', () => {
    const plan = planMerge(
      [
        { kind: 'email', contactId: 'c' },
        { kind: 'phone', contactId: 'b' },
        { kind: 'externalId', contactId: 'a' },
      ],
      byId(
        contact('a', { externalId: 'u1' }),
        contact('b', { phone: '84912345678' }),
        contact('c', { email: 'c@x.vn' }),
      ),
    );
    expect(plan).toEqual({ survivorId: 'a', losers: ['b', 'c'], conflicts: [] });
  });

  it('does not merge a contact holding another external id, phone or e-mail than the survivor', () => {
    const plan = planMerge(
      [
        { kind: 'externalId', contactId: 'a' },
        { kind: 'phone', contactId: 'b' },
      ],
      byId(contact('a', { externalId: 'u1' }), contact('b', { externalId: 'u2', phone: '84912345678' })),
    );
    expect(plan).toEqual({
      survivorId: 'a',
      losers: [],
      conflicts: [{ key: 'phone', contactId: 'b', conflictingKind: 'externalId' }],
    });
  });

  it('checks each loser against what the survivor has absorbed so far', () => {
    const plan = planMerge(
      [
        { kind: 'externalId', contactId: 'a' },
        { kind: 'phone', contactId: 'b' },
        { kind: 'email', contactId: 'c' },
      ],
      byId(
        contact('a', { externalId: 'u1' }),
        contact('b', { phone: '84912345678', email: 'b@x.vn' }),
        contact('c', { email: 'c@x.vn' }),
      ),
    );
    expect(plan).toEqual({
      survivorId: 'a',
      losers: ['b'],
      conflicts: [{ key: 'email', contactId: 'c', conflictingKind: 'email' }],
    });
  });

  it('treats two Zalo users of one OA as a conflict, and of different OAs as none', () => {
    const survivor = contact('a', { phone: '84912345678', zalo: new Map([['oa-1', 'zu-1']]) });
    const sameOa = planMerge(
      [
        { kind: 'phone', contactId: 'a' },
        { kind: 'email', contactId: 'b' },
      ],
      byId(survivor, contact('b', { email: 'b@x.vn', zalo: new Map([['oa-1', 'zu-2']]) })),
    );
    expect(sameOa.conflicts).toEqual([{ key: 'email', contactId: 'b', conflictingKind: 'zalo' }]);
    const otherOa = planMerge(
      [
        { kind: 'phone', contactId: 'a' },
        { kind: 'email', contactId: 'b' },
      ],
      byId(survivor, contact('b', { email: 'b@x.vn', zalo: new Map([['oa-2', 'zu-2']]) })),
    );
    expect(otherOa.losers).toEqual(['b']);
  });

  it('counts a contact found by several keys once', () => {
    const plan = planMerge(
      [
        { kind: 'externalId', contactId: 'a' },
        { kind: 'phone', contactId: 'a' },
        { kind: 'email', contactId: 'b' },
        { kind: 'zalo', contactId: 'b' },
      ],
      byId(contact('a', { externalId: 'u1', phone: '84912345678' }), contact('b', { email: 'b@x.vn' })),
    );
    expect(plan).toEqual({ survivorId: 'a', losers: ['b'], conflicts: [] });
  });
});
