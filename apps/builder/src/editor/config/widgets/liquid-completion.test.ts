import { must } from '../testing/must';
import { completionAt, completionEdit, matchingVariables, type LiquidVariable } from './liquid-completion';

const variables: LiquidVariable[] = [
  { path: 'contact.name', label: 'Name', group: 'contact' },
  { path: 'contact.city', label: 'Thành phố', group: 'attributes' },
  { path: 'event.orderId', label: 'orderId', group: 'event' },
];

describe('Liquid variable completion', () => {
  it('finds the placeholder being typed', () => {
    expect(completionAt('Chào {{ cont', 12)).toEqual({ start: 5, query: 'cont' });
    expect(completionAt('Chào {{', 7)).toEqual({ start: 5, query: '' });
    expect(completionAt('Chào {{ contact.name }} ', 24)).toBeUndefined();
    expect(completionAt('no braces', 9)).toBeUndefined();
  });

  it('ranks path prefixes before other matches and matches labels', () => {
    expect(matchingVariables(variables, 'contact').map((v) => v.path)).toEqual([
      'contact.name',
      'contact.city',
    ]);
    expect(matchingVariables(variables, 'order').map((v) => v.path)).toEqual(['event.orderId']);
    expect(matchingVariables(variables, 'thành').map((v) => v.path)).toEqual(['contact.city']);
    expect(matchingVariables(variables, '')).toHaveLength(3);
  });

  it('replaces the typed part and a closing pair already there', () => {
    const text = 'Chào {{ na }}!';
    const at = must(completionAt(text, 10));
    expect(completionEdit(text, 10, at, must(variables[0]))).toEqual({
      from: 5,
      to: 13,
      insert: '{{ contact.name }}',
    });
    const open = 'Chào {{';
    expect(completionEdit(open, 7, must(completionAt(open, 7)), must(variables[1]))).toEqual({
      from: 5,
      to: 7,
      insert: '{{ contact.city }}',
    });
  });
});
