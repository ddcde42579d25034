import { must } from './testing/must';
import { campaignSettingsSchema, nodeCatalogue, nodeTypes } from '@loa/engine/browser';
import { describeObjectSchema, walkDescriptors, type FieldDescriptor } from './schema-fields';

function unsupported(descriptor: FieldDescriptor): string[] {
  return [...walkDescriptors(descriptor)]
    .filter(([, inner]) => inner.kind === 'unsupported')
    .map(([path, inner]) => `${path}: ${(inner as { reason: string }).reason}`);
}

describe('describeObjectSchema', () => {
  it.each(nodeTypes)('describes every field of %s', (type) => {
    const descriptor = describeObjectSchema(nodeCatalogue[type].schema);
    expect(descriptor.fields.map((field) => field.name)).toContain('label');
    expect(unsupported(descriptor)).toEqual([]);
  });

  it('describes the campaign settings without gaps', () => {
    const descriptor = describeObjectSchema(campaignSettingsSchema);
    expect(unsupported(descriptor)).toEqual([]);
    expect(descriptor.fields.find((field) => field.name === 'timezone')).toMatchObject({
      required: false,
      default: 'Asia/Ho_Chi_Minh',
    });
  });

  it('reads types, bounds, defaults and requiredness', () => {
    const { fields } = describeObjectSchema(nodeCatalogue['send.zns'].schema);
    const byName = Object.fromEntries(fields.map((field) => [field.name, field]));
    expect(byName.templateId).toMatchObject({
      required: true,
      descriptor: { kind: 'text', pattern: '^\\d{1,20}$' },
    });
    expect(byName.mode).toMatchObject({
      required: false,
      default: 'normal',
      descriptor: { kind: 'enum', options: ['normal', 'development'] },
    });
    expect(must(byName.params).descriptor).toMatchObject({
      kind: 'record',
      value: { kind: 'text', maxLength: 1000 },
    });
    const delay = describeObjectSchema(nodeCatalogue['wait.delay'].schema).fields;
    expect(must(delay.find((field) => field.name === 'amount')).descriptor).toEqual({
      kind: 'number',
      integer: true,
      minimum: 1,
      maximum: 100_000,
    });
  });

  it('turns discriminated unions into variants keyed by their discriminator', () => {
    const until = must(
      describeObjectSchema(nodeCatalogue['wait.until'].schema).fields.find((field) => field.name === 'until'),
    ).descriptor;
    expect(until.kind).toBe('variants');
    if (until.kind !== 'variants') return;
    expect(until.discriminator).toBe('kind');
    expect(until.variants.map((variant) => variant.value)).toEqual(['time_of_day', 'date_attribute']);
    const weekdays = must(must(until.variants[0]).shape.fields.find((field) => field.name === 'weekdays'));
    expect(weekdays).toMatchObject({
      default: [1, 2, 3, 4, 5, 6, 7],
      descriptor: { kind: 'array', minItems: 1 },
    });
  });

  it('hands the recursive rule group of a condition to the rule builder', () => {
    const rule = must(
      describeObjectSchema(nodeCatalogue['branch.condition'].schema).fields.find(
        (field) => field.name === 'rule',
      ),
    );
    expect(rule).toMatchObject({ required: true, descriptor: { kind: 'ruleGroup' } });
  });

  it('describes comparison values as a scalar or a list of scalars', () => {
    const filter = must(
      describeObjectSchema(nodeCatalogue['trigger.event'].schema).fields.find(
        (field) => field.name === 'filter',
      ),
    ).descriptor;
    const value = [...walkDescriptors(filter)].find(([path]) => path === 'conditions.[].value')?.[1];
    expect(value).toEqual({ kind: 'scalarOrList' });
  });
});
