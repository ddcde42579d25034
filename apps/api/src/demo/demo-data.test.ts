import { normalizeVietnamesePhone } from '@loa/connectors';
import { demoContacts, demoEvents } from './demo-data';

describe('demo data', () => {
  const now = new Date('2026-11-30T03:00:00Z');

  it('is the same on every run', () => {
    expect(demoContacts(50, now)).toEqual(demoContacts(50, now));
  });

  it('gives every contact a distinct valid Vietnamese mobile number and a Vietnamese name', () => {
    const contacts = demoContacts(3000, now);
    const phones = contacts.map((contact) => contact.traits.phone as string);
    expect(new Set(phones).size).toBe(3000);
    for (const phone of phones.slice(0, 200))
      expect(normalizeVietnamesePhone(phone)).toMatchObject({ ok: true });
    expect(contacts[0]?.traits.name).toMatch(/^\p{Lu}\p{Ll}* \p{Lu}\p{Ll}* \p{Lu}\p{Ll}*$/u);
    expect(contacts.filter((contact) => contact.traits.email).length).toBeGreaterThan(1800);
  });

  it('places events in the last 60 days with unique message ids', () => {
    const events = demoEvents(demoContacts(500, now), now);
    expect(events.length).toBeGreaterThan(500);
    expect(new Set(events.map((event) => event.messageId)).size).toBe(events.length);
    for (const event of events) {
      const at = Date.parse(event.timestamp);
      expect(at).toBeLessThanOrEqual(now.getTime() + 3_600_000);
      expect(at).toBeGreaterThan(now.getTime() - 61 * 86_400_000);
    }
  });
});
