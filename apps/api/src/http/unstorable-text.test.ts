import { findUnstorableText } from './unstorable-text';

describe('findUnstorableText', () => {
  it('accepts ordinary text, emoji (surrogate pairs) and non-strings', () => {
    expect(findUnstorableText({ a: 'Nguyễn 🎉', b: [1, true, null, { c: 'ok' }] })).toBeUndefined();
  });

  it('names the path of a NUL character or an unpaired surrogate, in values and keys', () => {
    expect(findUnstorableText({ properties: { note: 'a\u0000b' } })).toEqual(['properties', 'note']);
    expect(findUnstorableText({ list: ['ok', 'x\uD800'] })).toEqual(['list', 1]);
    expect(findUnstorableText({ list: ['\uDC00y'] })).toEqual(['list', 0]);
    expect(findUnstorableText({ traits: { 'k\u0000': 1 } })).toEqual(['traits', 'k\u0000']);
  });

  it('walks very deep values without overflowing the stack', () => {
    let deep: unknown = 'a\u0000';
    for (let depth = 0; depth < 20_000; depth += 1) deep = [deep];
    expect(findUnstorableText(deep)).toHaveLength(20_000);
  });
});
