import { contactListQuery, filtersFromParams, filtersToParams, hasFilters } from './contact-filters';

describe('contact list filters', () => {
  it('reads known filters from the address and drops the rest', () => {
    const filters = filtersFromParams(
      new URLSearchParams('q=%20lan%20&tag=vip&hasPhone=true&hasEmail=maybe&doNotContact=false&x=1'),
    );
    expect(filters).toEqual({ q: 'lan', tag: 'vip', hasPhone: 'true', doNotContact: 'false' });
  });

  it('keeps a consent filter only with a known channel and state', () => {
    expect(filtersFromParams(new URLSearchParams('consentChannel=zns&consentState=granted'))).toEqual({
      consentChannel: 'zns',
      consentState: 'granted',
    });
    expect(filtersFromParams(new URLSearchParams('consentChannel=fax&consentState=granted'))).toEqual({});
    expect(filtersFromParams(new URLSearchParams('consentChannel=sms'))).toEqual({});
  });

  it('turns filters into the GET /contacts query, consent as consent.<channel>', () => {
    expect(
      contactListQuery({ q: 'lan', hasEmail: 'true', consentChannel: 'sms', consentState: 'denied' }),
    ).toEqual({ q: 'lan', hasEmail: 'true', 'consent.sms': 'denied' });
  });

  it('writes only set filters back to the address', () => {
    expect(filtersToParams({ q: 'lan', tag: undefined, hasPhone: 'false' })).toEqual({
      q: 'lan',
      hasPhone: 'false',
    });
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ tag: 'vip' })).toBe(true);
  });
});
