/** A/B split variants whose weights always add up to 100. */
export interface WeightedVariant {
  id: string;
  label?: string;
  weight: number;
  holdout?: boolean;
}

const TOTAL = 100;

/**
 * Shares `total` among `shares.length` parts in proportion to `shares` (equally when they are all 0), as whole
 * numbers (largest remainder), so the parts add up to `total` exactly.
 */
export function distribute(total: number, shares: number[]): number[] {
  if (shares.length === 0) return [];
  const sum = shares.reduce((a, b) => a + b, 0);
  const exact = shares.map((share) => (sum > 0 ? (share / sum) * total : total / shares.length));
  const floors = exact.map(Math.floor);
  let left = total - floors.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left <= 0) break;
    floors[index] = (floors[index] ?? 0) + 1;
    left -= 1;
  }
  return floors;
}

function clampWeight(weight: number): number {
  return Math.min(TOTAL, Math.max(0, Math.round(Number.isFinite(weight) ? weight : 0)));
}

/** Sets one variant's weight and shares the rest among the others in proportion to their weights. */
export function setWeight<V extends WeightedVariant>(variants: V[], index: number, weight: number): V[] {
  const fixed = clampWeight(weight);
  const others = variants.filter((_, position) => position !== index);
  const shared = distribute(
    TOTAL - fixed,
    others.map((variant) => variant.weight),
  );
  let next = 0;
  return variants.map((variant, position) =>
    position === index ? { ...variant, weight: fixed } : { ...variant, weight: shared[next++] ?? 0 },
  );
}

/** Adds a variant with an equal share, taken from the others in proportion to their weights. */
export function addVariant<V extends WeightedVariant>(variants: V[], create: (id: string) => V): V[] {
  const share = Math.floor(TOTAL / (variants.length + 1));
  const added = create(nextVariantId(variants.map((variant) => variant.id)));
  return setWeight([...variants, { ...added, weight: share }], variants.length, share);
}

/** Removes a variant and gives its weight to the others in proportion to their weights. */
export function removeVariant<V extends WeightedVariant>(variants: V[], index: number): V[] {
  const rest = variants.filter((_, position) => position !== index);
  const weights = distribute(
    TOTAL,
    rest.map((variant) => variant.weight),
  );
  return rest.map((variant, position) => ({ ...variant, weight: weights[position] ?? 0 }));
}

/** Equal weights for every variant. */
export function evenWeights<V extends WeightedVariant>(variants: V[]): V[] {
  const weights = distribute(
    TOTAL,
    variants.map(() => 0),
  );
  return variants.map((variant, position) => ({ ...variant, weight: weights[position] ?? 0 }));
}

/** variant_a, variant_b … the first free one (the id is also the out handle). */
export function nextVariantId(taken: string[]): string {
  const used = new Set(taken);
  for (let n = 0; ; n++) {
    const id = `variant_${suffix(n)}`;
    if (!used.has(id)) return id;
  }
}

function suffix(n: number): string {
  const letter = String.fromCharCode(97 + (n % 26));
  return n < 26 ? letter : `${suffix(Math.floor(n / 26) - 1)}${letter}`;
}

export function weightTotal(variants: WeightedVariant[]): number {
  return variants.reduce((sum, variant) => sum + variant.weight, 0);
}
