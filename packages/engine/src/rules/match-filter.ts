import type { PropertyFilter } from '../graph/common.schema';
import { compare } from './compare';

/** Whether event properties satisfy a filter; no filter matches everything. */
export function matchesFilter(filter: PropertyFilter | undefined, properties: unknown): boolean {
  if (!filter || filter.conditions.length === 0) return true;
  const test = (condition: PropertyFilter['conditions'][number]) => compare(condition, properties);
  return filter.match === 'any' ? filter.conditions.some(test) : filter.conditions.every(test);
}
