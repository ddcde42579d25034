import { campaignSettingsSchema, nodeCatalogue, nodeTypes, ruleSchema } from '@loa/engine/browser';
import { configMessages } from './config.messages';
import { humanise } from './field-labels';
import { describeObjectSchema, describeSchema, walkDescriptors, type FieldDescriptor } from './schema-fields';

function fieldNames(descriptor: FieldDescriptor): string[] {
  return [...walkDescriptors(descriptor)].flatMap(([, inner]) =>
    inner.kind === 'object' ? inner.fields.map((field) => field.name) : [],
  );
}

describe('field labels', () => {
  it('names every field of every node type, the rules and the settings in Vietnamese and English', () => {
    const names = new Set([
      ...nodeTypes.flatMap((type) => fieldNames(describeObjectSchema(nodeCatalogue[type].schema))),
      ...fieldNames(describeObjectSchema(campaignSettingsSchema)),
      ...fieldNames(describeSchema(ruleSchema)),
    ]);
    names.delete('kind');
    names.delete('type');
    const missing = (labels: Record<string, string>) => [...names].filter((name) => !(name in labels));
    expect(missing(configMessages.vi.fields)).toEqual([]);
    expect(missing(configMessages.en.fields)).toEqual([]);
  });

  it('names every node type in both languages', () => {
    for (const messages of [configMessages.vi, configMessages.en])
      for (const type of nodeTypes) {
        const [group, name] = type.split('.') as [string, string];
        expect((messages.nodeTitles as Record<string, Record<string, string>>)[group]?.[name]).toBeTruthy();
      }
  });

  it('humanises names the dictionary does not know', () => {
    expect(humanise('entryKey')).toBe('Entry key');
    expect(humanise('timeout_seconds')).toBe('Timeout seconds');
  });
});
