import { must } from './testing/must';
import { nodeCatalogue, nodeTypes } from '@loa/engine/browser';
import { describeObjectSchema } from './schema-fields';
import { freeKey, initialFieldValue, initialObject, renameKey, withKey } from './object-values';

describe('object values', () => {
  it('sets and removes keys without touching the input', () => {
    const input = { a: 1, b: 2 };
    expect(withKey(input, 'c', 3)).toEqual({ a: 1, b: 2, c: 3 });
    expect(withKey(input, 'a', undefined)).toEqual({ b: 2 });
    expect(input).toEqual({ a: 1, b: 2 });
  });

  it('renames a key in place and refuses to overwrite another', () => {
    expect(Object.keys(renameKey({ a: 1, b: 2, c: 3 }, 'b', 'x'))).toEqual(['a', 'x', 'c']);
    expect(renameKey({ a: 1, b: 2 }, 'a', 'b')).toEqual({ a: 1, b: 2 });
    expect(freeKey({ field_1: 1 }, 'field_')).toBe('field_2');
  });

  it('starts new values from defaults, with a one-day duration and Decree 91 quiet hours', () => {
    const until = must(
      describeObjectSchema(nodeCatalogue['wait.until'].schema).fields.find((f) => f.name === 'until'),
    );
    if (until.descriptor.kind !== 'variants') throw new Error('expected variants');
    expect(initialObject(must(until.descriptor.variants[0]).shape)).toEqual({
      kind: 'time_of_day',
      time: '',
      weekdays: [1, 2, 3, 4, 5, 6, 7],
    });
    const timeout = must(
      describeObjectSchema(nodeCatalogue['wait.event'].schema).fields.find((f) => f.name === 'timeout'),
    );
    expect(initialFieldValue('timeout', timeout.descriptor)).toEqual({ amount: 1, unit: 'days' });
    expect(initialFieldValue('quietHours', { kind: 'object', fields: [] })).toEqual({
      start: '22:00',
      end: '07:00',
    });
  });

  it('gives every node type a starting config with its required fields present', () => {
    for (const type of nodeTypes) {
      const descriptor = describeObjectSchema(nodeCatalogue[type].schema);
      const value = initialObject(descriptor);
      for (const field of descriptor.fields.filter((f) => f.required))
        expect(value).toHaveProperty(field.name);
    }
  });
});
