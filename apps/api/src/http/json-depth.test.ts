import { jsonNestingDepth } from './json-depth';

const depthOf = (text: string) => jsonNestingDepth(Buffer.from(text));

describe('jsonNestingDepth', () => {
  it('counts nested objects and arrays', () => {
    expect(depthOf('1')).toBe(0);
    expect(depthOf('{"a":[1,{"b":[]}],"c":{}}')).toBe(4);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(depthOf('{"a":"[[[{{{\\"[[["}')).toBe(1);
  });
});
