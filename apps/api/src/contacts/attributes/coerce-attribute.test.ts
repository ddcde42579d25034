import type { AttributeDefinition, AttributeType } from './attribute-definition';
import { coerceAttribute, MAX_UNTYPED_ATTRIBUTE_BYTES } from './coerce-attribute';

const HCM = 'Asia/Ho_Chi_Minh';
const definition = (type: AttributeType, enumValues: string[] | null = null): AttributeDefinition => ({
  key: 'x',
  label: 'x',
  type,
  enumValues,
});

describe('coerceAttribute', () => {
  it.each([
    ['number', '12', 12],
    ['number', ' 3.5 ', 3.5],
    ['number', 7, 7],
    ['boolean', 'true', true],
    ['boolean', '1', true],
    ['boolean', 'No', false],
    ['boolean', 0, false],
    ['string', 42, '42'],
    ['date', '2024-02-29', '2024-02-29'],
    ['date', '31/12/1990', '1990-12-31'],
    ['date', '2024-05-01T23:30:00Z', '2024-05-01'],
    ['datetime', '2024-05-01T10:00:00+07:00', '2024-05-01T03:00:00.000Z'],
    ['datetime', '2024-05-01 10:00', '2024-05-01T03:00:00.000Z'],
  ] as const)('reads a %s from %p as %p', (type, input, expected) => {
    expect(coerceAttribute(input, definition(type), HCM)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['number', 'twelve', 'must be a number'],
    ['number', '', 'must be a number'],
    ['boolean', 'maybe', 'must be a boolean (true/false, 1/0, yes/no)'],
    ['date', '2023-02-29', 'must be a date (YYYY-MM-DD or DD/MM/YYYY)'],
    ['date', '31/13/1990', 'must be a date (YYYY-MM-DD or DD/MM/YYYY)'],
    ['datetime', 'yesterday', 'must be an ISO 8601 date-time'],
    ['string', { nested: true }, 'must be a string'],
  ] as const)('refuses a %s from %p', (type, input, message) => {
    expect(coerceAttribute(input, definition(type), HCM)).toEqual({ ok: false, message });
  });

  it('takes an enum value as declared, ignoring case, and names the allowed values otherwise', () => {
    const tier = definition('enum', ['Gold', 'Silver']);
    expect(coerceAttribute('gold', tier, HCM)).toEqual({ ok: true, value: 'Gold' });
    expect(coerceAttribute('Silver', tier, HCM)).toEqual({ ok: true, value: 'Silver' });
    expect(coerceAttribute('bronze', tier, HCM)).toEqual({
      ok: false,
      message: 'must be one of: Gold, Silver',
    });
  });

  it('stores a value without a definition as given, within a size bound', () => {
    expect(coerceAttribute({ a: [1, 'b'] }, undefined, HCM)).toEqual({ ok: true, value: { a: [1, 'b'] } });
    expect(coerceAttribute('x'.repeat(MAX_UNTYPED_ATTRIBUTE_BYTES), undefined, HCM)).toEqual({
      ok: false,
      message: `must be at most ${MAX_UNTYPED_ATTRIBUTE_BYTES} bytes of JSON`,
    });
  });
});
