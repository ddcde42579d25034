import { ESMS_ERRORS, ZNS_ERRORS } from '@loa/connectors';
import { providerErrorMeaning } from './provider-error-meaning';

describe('providerErrorMeaning', () => {
  it('reads ZNS codes from the ZNS connector table', () => {
    expect(
      providerErrorMeaning({ channel: 'zns', accountKind: 'zalo_oa', code: '-131', recorded: 'ignored' }),
    ).toBe(ZNS_ERRORS[-131]?.message);
  });

  it('picks the SMS table by the account kind', () => {
    expect(providerErrorMeaning({ channel: 'sms', accountKind: 'esms', code: '99', recorded: null })).toBe(
      ESMS_ERRORS['99']?.message,
    );
    expect(
      providerErrorMeaning({ channel: 'sms', accountKind: 'speedsms', code: '99', recorded: null }),
    ).toBeNull();
  });

  it('falls back to the ledger text for codes without a table entry', () => {
    expect(
      providerErrorMeaning({
        channel: 'email',
        accountKind: 'smtp',
        code: '550',
        recorded: 'Mailbox unavailable',
      }),
    ).toBe('Mailbox unavailable');
  });
});
