import { chiSquaredTest, tooEarlyToCall, wilsonInterval } from './split-statistics';

describe('wilsonInterval', () => {
  it('matches the published 95% interval for 10 of 100', () => {
    const interval = wilsonInterval({ entered: 100, converted: 10 });
    expect(interval?.low).toBeCloseTo(0.05523, 4);
    expect(interval?.high).toBeCloseTo(0.17437, 4);
  });

  it('stays within [0, 1] at the edges and is null with nobody entered', () => {
    expect(wilsonInterval({ entered: 20, converted: 0 })).toEqual({ low: 0, high: expect.any(Number) });
    expect(wilsonInterval({ entered: 20, converted: 20 })?.high).toBe(1);
    expect(wilsonInterval({ entered: 0, converted: 0 })).toBeNull();
  });
});

describe('chiSquaredTest', () => {
  it('computes Pearson chi-squared and its p-value for a 2x2 table', () => {
    const test = chiSquaredTest([
      { entered: 100, converted: 20 },
      { entered: 100, converted: 40 },
    ]);
    expect(test.state).toBe('tested');
    if (test.state !== 'tested') return;
    expect(test.chiSquared).toBeCloseTo(9.5238, 3);
    expect(test.degreesOfFreedom).toBe(1);
    // R: pchisq(200/21, 1, lower.tail = FALSE)
    expect(test.pValue).toBeCloseTo(0.002028, 5);
    expect(test.significant).toBe(true);
  });

  it('uses k - 1 degrees of freedom across three variants and reports no significance for equal rates', () => {
    const test = chiSquaredTest([
      { entered: 200, converted: 50 },
      { entered: 200, converted: 50 },
      { entered: 200, converted: 50 },
    ]);
    expect(test).toMatchObject({ state: 'tested', chiSquared: 0, degreesOfFreedom: 2, significant: false });
    if (test.state === 'tested') expect(test.pValue).toBeCloseTo(1, 10);
  });

  it('says notEnoughData when an expected cell count is under 5', () => {
    const test = chiSquaredTest([
      { entered: 30, converted: 2 },
      { entered: 30, converted: 5 },
    ]);
    expect(test).toMatchObject({ state: 'notEnoughData', minExpected: 3.5 });
  });

  it('says notEnoughData with one variant used or nobody converted', () => {
    expect(
      chiSquaredTest([
        { entered: 50, converted: 10 },
        { entered: 0, converted: 0 },
      ]).state,
    ).toBe('notEnoughData');
    expect(
      chiSquaredTest([
        { entered: 50, converted: 0 },
        { entered: 50, converted: 0 },
      ]),
    ).toMatchObject({ state: 'notEnoughData', reason: 'nobody converted' });
  });
});

describe('tooEarlyToCall', () => {
  const big = [
    { entered: 1000, converted: 100 },
    { entered: 1000, converted: 150 },
  ];
  it('warns while a variant has few journeys, even when the test is significant', () => {
    const small = [
      { entered: 60, converted: 10 },
      { entered: 60, converted: 30 },
    ];
    expect(chiSquaredTest(small)).toMatchObject({ significant: true });
    expect(tooEarlyToCall(small, chiSquaredTest(small))).toBe(true);
  });
  it('does not warn with enough journeys and a valid test', () => {
    expect(tooEarlyToCall(big, chiSquaredTest(big))).toBe(false);
  });
});
