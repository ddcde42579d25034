import { findLiquidSyntaxError } from './liquid-syntax';

describe('findLiquidSyntaxError', () => {
  it('accepts valid Liquid, Loa filters included', () => {
    expect(
      findLiquidSyntaxError('Chào {{ contact.name | first_name }}, {{ event.total | vnd }}'),
    ).toBeUndefined();
    expect(findLiquidSyntaxError('no placeholders at all')).toBeUndefined();
  });

  it('names an unclosed placeholder with its line and column', () => {
    expect(findLiquidSyntaxError('Chào\n  {{ contact.name ')).toEqual({
      message: 'output "{{ contact.name " not closed',
      line: 2,
      column: 3,
    });
  });

  it('refuses a misspelt filter and an unclosed tag', () => {
    expect(findLiquidSyntaxError('{{ event.total | vnđ }}')).toEqual({
      message: 'undefined filter: vnđ',
      line: 1,
      column: 1,
    });
    expect(findLiquidSyntaxError('{% if contact.vip %}VIP')).toMatchObject({
      message: expect.stringContaining('not closed'),
      line: 1,
    });
  });
});
