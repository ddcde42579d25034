import { messageNamespaces } from './resources';

/** Every key, as dotted paths, of a nested message object. */
function keysOf(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keysOf(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('the builder’s messages', () => {
  it.each(Object.entries(messageNamespaces))(
    '%s has the same keys in Vietnamese and English',
    (_ns, messages) => {
      expect(keysOf(messages.vi).sort()).toEqual(keysOf(messages.en).sort());
    },
  );

  it.each(Object.entries(messageNamespaces))('%s has no empty message', (_ns, messages) => {
    const empty = [messages.vi, messages.en].flatMap((dictionary) =>
      keysOf(dictionary).filter((key) => {
        const value = key
          .split('.')
          .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], dictionary);
        return typeof value !== 'string' || value.trim() === '';
      }),
    );
    expect(empty).toEqual([]);
  });
});
