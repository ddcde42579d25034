import { must } from './testing/must';
import {
  addVariant,
  distribute,
  evenWeights,
  nextVariantId,
  removeVariant,
  setWeight,
  weightTotal,
} from './split-weights';

const variants = (...weights: number[]) => weights.map((weight, index) => ({ id: `v${index}`, weight }));

describe('split weights', () => {
  it('distributes whole numbers that add up exactly', () => {
    expect(distribute(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(distribute(100, [0, 0])).toEqual([50, 50]);
    expect(distribute(40, [30, 10])).toEqual([30, 10]);
    expect(distribute(0, [5, 5])).toEqual([0, 0]);
  });

  it('rebalances the others in proportion when one weight changes', () => {
    expect(setWeight(variants(50, 50), 0, 70).map((v) => v.weight)).toEqual([70, 30]);
    expect(setWeight(variants(40, 40, 20), 2, 60).map((v) => v.weight)).toEqual([20, 20, 60]);
    expect(setWeight(variants(100, 0, 0), 0, 40).map((v) => v.weight)).toEqual([40, 30, 30]);
  });

  it('clamps weights to 0..100 and whole numbers', () => {
    expect(setWeight(variants(50, 50), 1, 130).map((v) => v.weight)).toEqual([0, 100]);
    expect(setWeight(variants(50, 50), 1, -5).map((v) => v.weight)).toEqual([100, 0]);
    expect(setWeight(variants(50, 50), 1, 33.6).map((v) => v.weight)).toEqual([66, 34]);
    expect(setWeight(variants(50, 50), 1, Number.NaN).map((v) => v.weight)).toEqual([100, 0]);
  });

  it('adds a variant with an equal share and removes one giving its share back', () => {
    const three = addVariant(variants(50, 50), (id) => ({ id, weight: 0 }));
    expect(three.map((v) => v.weight)).toEqual([34, 33, 33]);
    expect(must(three[2]).id).toBe('variant_a');
    expect(weightTotal(three)).toBe(100);
    expect(removeVariant(variants(60, 20, 20), 0).map((v) => v.weight)).toEqual([50, 50]);
    expect(removeVariant(variants(70, 20, 10), 1).map((v) => v.weight)).toEqual([88, 12]);
  });

  it('keeps every other property and never mutates its input', () => {
    const input = [
      { id: 'a', weight: 50, label: 'A', holdout: true },
      { id: 'b', weight: 50 },
    ];
    const output = setWeight(input, 1, 10);
    expect(output[0]).toEqual({ id: 'a', weight: 90, label: 'A', holdout: true });
    expect(must(input[0]).weight).toBe(50);
  });

  it('sums to 100 after any sequence of edits', () => {
    let current = variants(50, 50);
    const steps = [7, 93, 0, 100, 51, 13];
    steps.forEach((weight, step) => {
      current =
        step % 3 === 2
          ? addVariant(current, (id) => ({ id, weight: 0 }))
          : setWeight(current, step % current.length, weight);
      expect(weightTotal(current)).toBe(100);
    });
    expect(weightTotal(evenWeights(current))).toBe(100);
  });

  it('names new variants after the first free letter', () => {
    expect(nextVariantId(['variant_a', 'variant_c'])).toBe('variant_b');
    expect(
      nextVariantId(Array.from({ length: 26 }, (_, i) => `variant_${String.fromCharCode(97 + i)}`)),
    ).toBe('variant_aa');
  });
});
