import { addGroup, emptyFigures } from './journey-figures';
import { outcomeKind } from './step-outcomes';

describe('addGroup', () => {
  it('sums journeys by status, exit reason and conversion', () => {
    const figures = emptyFigures();
    addGroup(figures, { status: 'active', exitReason: null, converted: false, count: 3 });
    addGroup(figures, { status: 'exited', exitReason: 'completed', converted: true, count: 2 });
    addGroup(figures, { status: 'exited', exitReason: 'goal', converted: true, count: 4 });
    addGroup(figures, { status: 'exited', exitReason: 'completed', converted: false, count: 1 });
    expect(figures).toEqual({
      entered: 10,
      inProgress: 3,
      completed: 3,
      exited: 7,
      exitedByReason: { completed: 3, goal: 4 },
      conversions: 6,
      conversionRate: 0.6,
    });
  });

  it('leaves the rate null with nobody entered', () => {
    expect(emptyFigures().conversionRate).toBeNull();
  });
});

describe('outcomeKind', () => {
  it.each([
    ['sent', 'succeeded'],
    ['variant:a', 'succeeded'],
    ['timeout', 'succeeded'],
    ['failed', 'failed'],
    ['blocked', 'failed'],
    ['exit:stopped', 'exited'],
    ['waiting', 'other'],
    ['entered', 'other'],
    ['converted', 'other'],
  ])('%s counts as %s', (outcome, kind) => {
    expect(outcomeKind(outcome)).toBe(kind);
  });
});
