import { contactBlock } from './send-guards';

describe('contactBlock', () => {
  const contact = (overrides: Partial<Parameters<typeof contactBlock>[0]['contact']> = {}) => ({
    doNotContact: false,
    consents: {},
    address: '84912345678',
    ...overrides,
  });

  it('blocks do-not-contact on every purpose, OTP included', () => {
    for (const purpose of ['marketing', 'transactional', 'otp'] as const)
      expect(
        contactBlock({ contact: contact({ doNotContact: true }), channel: 'sms', purpose, to: undefined }),
      ).toBe('do_not_contact');
  });

  it('needs consent given for advertising SMS and e-mail, also to an address no contact holds', () => {
    expect(
      contactBlock({ contact: undefined, channel: 'sms', purpose: 'marketing', to: '84912345678' }),
    ).toBe('no_consent');
    expect(
      contactBlock({ contact: undefined, channel: 'email', purpose: 'marketing', to: 'a@example.vn' }),
    ).toBe('no_consent');
    expect(
      contactBlock({ contact: undefined, channel: 'zns', purpose: 'marketing', to: '84912345678' }),
    ).toBe(undefined);
    expect(
      contactBlock({ contact: undefined, channel: 'sms', purpose: 'transactional', to: '84912345678' }),
    ).toBe(undefined);
  });
});
