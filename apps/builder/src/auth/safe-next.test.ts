import { safeNext } from './safe-next';

describe('where sign-in leads', () => {
  it('follows a path of this app', () => {
    expect(safeNext('/campaigns/abc?x=1')).toBe('/campaigns/abc?x=1');
  });

  it('goes to the campaigns instead of another site or nowhere', () => {
    expect(safeNext('https://evil.example')).toBe('/campaigns');
    expect(safeNext('//evil.example/path')).toBe('/campaigns');
    expect(safeNext('/\\evil.example')).toBe('/campaigns');
    expect(safeNext(null)).toBe('/campaigns');
  });
});
