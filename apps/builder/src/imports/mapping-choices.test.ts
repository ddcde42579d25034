import type { AttributeDefinition } from './import-queries';
import { adoptDefinitions, choiceValue, mappingErrorsByPosition, targetChoices } from './mapping-choices';

const definition = (key: string, type: AttributeDefinition['type']): AttributeDefinition => ({
  key,
  label: key,
  type,
  enumValues: null,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
});

describe('targetChoices', () => {
  it('offers identities, contact fields, the workspace attributes, the proposed new attribute and skip', () => {
    const choices = targetChoices({ kind: 'attribute', key: 'thanh_pho', type: 'string' }, [
      definition('tier', 'enum'),
      definition('birthday', 'date'),
    ]);
    expect(choices.map((choice) => choice.value)).toEqual([
      'identity:phone',
      'identity:email',
      'identity:externalId',
      'field:name',
      'field:email',
      'field:phone',
      'field:externalId',
      'field:tags',
      'field:doNotContact',
      'attribute:tier',
      'attribute:birthday',
      'attribute:thanh_pho',
      'skip',
    ]);
    expect(choices.find((choice) => choice.value === 'attribute:thanh_pho')?.group).toBe('newAttribute');
    expect(choices.find((choice) => choice.value === 'attribute:birthday')?.target).toEqual({
      kind: 'attribute',
      key: 'birthday',
      type: 'date',
      dateFormat: 'dd/MM/yyyy',
    });
  });

  it('offers no new attribute when the proposal is a field or the attribute exists', () => {
    const fromField = targetChoices({ kind: 'field', field: 'name' }, []);
    expect(fromField.some((choice) => choice.group === 'newAttribute')).toBe(false);
    const existing = targetChoices({ kind: 'attribute', key: 'tier', type: 'string' }, [
      definition('tier', 'enum'),
    ]);
    expect(existing.filter((choice) => choice.value === 'attribute:tier')).toEqual([
      {
        value: 'attribute:tier',
        group: 'attribute',
        target: { kind: 'attribute', key: 'tier', type: 'enum' },
      },
    ]);
  });
});

describe('adoptDefinitions', () => {
  it("gives a proposed attribute the workspace definition's type and keeps the proposed date format", () => {
    const adopted = adoptDefinitions(
      [
        { column: 'Hạng', target: { kind: 'attribute', key: 'tier', type: 'string' } },
        {
          column: 'Ngày sinh',
          target: { kind: 'attribute', key: 'birthday', type: 'date', dateFormat: 'yyyy-MM-dd' },
        },
        { column: 'SĐT', target: { kind: 'identity', key: 'phone' } },
        { column: 'Ghi chú', target: { kind: 'attribute', key: 'ghi_chu', type: 'string' } },
      ],
      [definition('tier', 'enum'), definition('birthday', 'datetime')],
    );
    expect(adopted.map((mapping) => mapping.target)).toEqual([
      { kind: 'attribute', key: 'tier', type: 'enum' },
      { kind: 'attribute', key: 'birthday', type: 'datetime', dateFormat: 'yyyy-MM-dd' },
      { kind: 'identity', key: 'phone' },
      { kind: 'attribute', key: 'ghi_chu', type: 'string' },
    ]);
  });
});

describe('choiceValue', () => {
  it('names each kind of target', () => {
    expect(choiceValue({ kind: 'skip' })).toBe('skip');
    expect(choiceValue({ kind: 'field', field: 'tags' })).toBe('field:tags');
  });
});

describe('mappingErrorsByPosition', () => {
  it("puts the API's mapping errors on their column and ignores others", () => {
    const errors = mappingErrorsByPosition([
      { field: 'mapping.2.target.type', message: 'differs from the definition' },
      { field: 'mapping.2', message: 'maps a column twice' },
      { field: 'mapping.10.column', message: 'is not in the file' },
      { field: 'identityKey', message: 'is not mapped' },
    ]);
    expect([...errors]).toEqual([
      [2, 'differs from the definition; maps a column twice'],
      [10, 'is not in the file'],
    ]);
  });
});
