import { searchPalette } from './palette-search';

const typesOf = (query: string) => searchPalette(query).flatMap((group) => group.types);

describe('palette search', () => {
  it('lists every step type grouped by category when empty, triggers first', () => {
    const groups = searchPalette('');
    expect(groups[0]?.category).toBe('trigger');
    expect(groups.flatMap((group) => group.types)).toHaveLength(17);
  });

  it('finds steps by Vietnamese title with or without diacritics, and by English title', () => {
    expect(typesOf('gửi sms')).toEqual(['send.sms']);
    expect(typesOf('gui sms')).toEqual(['send.sms']);
    expect(typesOf('chờ sự kiện')).toEqual(['wait.event']);
    expect(typesOf('webhook')).toEqual(['http.request']);
    expect(typesOf('zalo')).toEqual(['send.zns', 'send.oa']);
    expect(typesOf('nothing like this')).toEqual([]);
  });
});
