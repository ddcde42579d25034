import { ESMS_ERRORS, ZNS_ERRORS } from '@loa/connectors';
import { providerErrorMeaning } from './provider-error-meaning';

describe('providerErrorMeaning', () => {
  it('reads ZNS codes from the ZNS connector table', () => {
    expect(providerErrorMeaning({ channel: 'zns', accountKind: 'zalo_oa', code: '-131' })).toBe(
      ZNS_ERRORS[-131]?.message,
    );
  });

  it('picks the SMS table by the account kind', () => {
    expect(providerErrorMeaning({ channel: 'sms', accountKind: 'esms', code: '99' })).toBe(
      ESMS_ERRORS['99']?.message,
    );
    expect(providerErrorMeaning({ channel: 'sms', accountKind: 'speedsms', code: '99' })).toBeNull();
  });

  it('names SMTP reply codes and Loa codes, never the text the ledger recorded', () => {
    expect(providerErrorMeaning({ channel: 'email', accountKind: 'smtp', code: '550' })).toMatch(
      /mailbox is unavailable/,
    );
    expect(providerErrorMeaning({ channel: 'sms', accountKind: 'esms', code: 'loa_invalid_phone' })).toMatch(
      /no valid phone/,
    );
    expect(providerErrorMeaning({ channel: 'email', accountKind: 'smtp', code: 'EWHATEVER' })).toBeNull();
  });
});
