import pLimit from 'p-limit';

/** Maps `items` with at most `concurrency` calls in flight; results keep the order of the items. */
export function mapConcurrent<T, R>(
  items: ReadonlyArray<T>,
  concurrency: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const limit = pLimit(Math.max(1, concurrency));
  return Promise.all(items.map((item, index) => limit(() => fn(item, index))));
}
