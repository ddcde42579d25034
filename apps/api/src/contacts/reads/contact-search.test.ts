import { escapeLike, parseSearchTerm } from './contact-search';

describe('parseSearchTerm', () => {
  it.each([
    ['0912 345', '84912345'],
    ['345.678', '345678'],
    ['+84 912 345 678', '84912345678'],
    ['(091) 234-5678', '84912345678'],
  ])('reads %p as the phone fragment %p', (query, digits) => {
    expect(parseSearchTerm(query)).toEqual({ kind: 'phone', digits, text: query });
  });

  it('reads anything else, and fewer than three digits, as text', () => {
    expect(parseSearchTerm(' Mai ')).toEqual({ kind: 'text', text: 'Mai' });
    expect(parseSearchTerm('12')).toEqual({ kind: 'text', text: '12' });
    expect(parseSearchTerm('crm-7788')).toEqual({ kind: 'text', text: 'crm-7788' });
  });

  it('escapes LIKE wildcards', () => {
    expect(escapeLike('50%_off\\')).toBe('50\\%\\_off\\\\');
  });
});
