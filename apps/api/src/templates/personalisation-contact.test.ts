import { personalisationScope, renderLiquid } from '@loa/engine';
import type { ContactView } from '../contacts/contact-view';
import { personalisationContactOf } from './personalisation-contact';

const contact: ContactView = {
  id: '0b6f1a52-3c1e-4a57-9a53-5f0e1d6c2b11',
  externalId: 'KH-7',
  phone: '84912345678',
  email: null,
  name: 'Trần Thị Mai',
  attributes: { name: 'attribute name', city: 'Đà Nẵng' },
  tags: ['vip'],
  score: 12,
  doNotContact: false,
  consents: {},
  identities: [
    { kind: 'zalo', oaId: 'oa1', userId: 'z-42', follower: true, followedAt: null, lastInteractionAt: null },
  ],
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
};

describe('personalisationContactOf', () => {
  it("gives templates the contact's columns (its name over an attribute called name), attributes and ids", () => {
    const scope = personalisationScope({ contact: personalisationContactOf(contact) });
    const render = (text: string) => renderLiquid(text, scope, { timezone: 'UTC' });
    expect(
      render(
        '{{ contact.name }}|{{ contact.city }}|{{ contact.phone }}|{{ contact.externalId }}|{{ contact.score }}',
      ),
    ).toEqual({ ok: true, text: 'Trần Thị Mai|Đà Nẵng|84912345678|KH-7|12' });
    expect(render('{{ contact.zaloUserId }}|{{ contact.tags | join: "," }}|{{ contact.email }}')).toEqual({
      ok: true,
      text: 'z-42|vip|',
    });
  });
});
