import chiSquaredCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

/** Below this expected count in any cell, the chi-squared approximation is not trusted. */
export const MIN_EXPECTED_COUNT = 5;
export const SIGNIFICANCE_LEVEL = 0.05;
/** Before this many journeys per variant, a "winner" is too early to call, significant or not. */
export const MIN_ENTERED_PER_VARIANT_TO_CALL = 100;

const Z_95 = normalQuantile(0.975, 0, 1);

export interface VariantCounts {
  entered: number;
  converted: number;
}

export interface Interval {
  low: number;
  high: number;
}

/** Wilson score interval (95%) of a conversion rate; null when nobody entered. */
export function wilsonInterval({ entered, converted }: VariantCounts, z = Z_95): Interval | null {
  if (entered === 0) return null;
  const rate = converted / entered;
  const z2 = z * z;
  const centre = (rate + z2 / (2 * entered)) / (1 + z2 / entered);
  const margin =
    (z / (1 + z2 / entered)) * Math.sqrt((rate * (1 - rate)) / entered + z2 / (4 * entered * entered));
  // At 0% and 100% the bounds are exactly 0 and 1; the float arithmetic would leave a residue.
  return {
    low: converted === 0 ? 0 : Math.max(0, centre - margin),
    high: converted === entered ? 1 : Math.min(1, centre + margin),
  };
}

export type SplitTest =
  | { state: 'notEnoughData'; reason: string; minExpected: number | null }
  | {
      state: 'tested';
      chiSquared: number;
      degreesOfFreedom: number;
      pValue: number;
      significant: boolean;
      minExpected: number;
    };

/**
 * Pearson's chi-squared test of independence on the variants × (converted, not converted) table. `notEnoughData`
 * when fewer than two variants have journeys, when nobody (or everybody) converted, or when an expected count is
 * under MIN_EXPECTED_COUNT.
 */
export function chiSquaredTest(variants: readonly VariantCounts[]): SplitTest {
  const used = variants.filter((variant) => variant.entered > 0);
  if (used.length < 2)
    return { state: 'notEnoughData', reason: 'fewer than two variants have journeys', minExpected: null };
  const total = used.reduce((sum, variant) => sum + variant.entered, 0);
  const converted = used.reduce((sum, variant) => sum + variant.converted, 0);
  const notConverted = total - converted;
  if (converted === 0 || notConverted === 0)
    return {
      state: 'notEnoughData',
      reason: converted === 0 ? 'nobody converted' : 'everybody converted',
      minExpected: 0,
    };
  let chiSquared = 0;
  let minExpected = Number.POSITIVE_INFINITY;
  for (const variant of used) {
    const expectedConverted = (variant.entered * converted) / total;
    const expectedNot = (variant.entered * notConverted) / total;
    minExpected = Math.min(minExpected, expectedConverted, expectedNot);
    chiSquared += (variant.converted - expectedConverted) ** 2 / expectedConverted;
    chiSquared += (variant.entered - variant.converted - expectedNot) ** 2 / expectedNot;
  }
  if (minExpected < MIN_EXPECTED_COUNT)
    return {
      state: 'notEnoughData',
      reason: `an expected count is under ${MIN_EXPECTED_COUNT}`,
      minExpected,
    };
  const degreesOfFreedom = used.length - 1;
  const pValue = 1 - chiSquaredCdf(chiSquared, degreesOfFreedom);
  return {
    state: 'tested',
    chiSquared,
    degreesOfFreedom,
    pValue,
    significant: pValue < SIGNIFICANCE_LEVEL,
    minExpected,
  };
}

/** Whether calling a winner now would be premature: no valid test yet, or too few journeys in some variant. */
export function tooEarlyToCall(variants: readonly VariantCounts[], test: SplitTest): boolean {
  return (
    test.state === 'notEnoughData' ||
    variants.some((variant) => variant.entered < MIN_ENTERED_PER_VARIANT_TO_CALL)
  );
}
