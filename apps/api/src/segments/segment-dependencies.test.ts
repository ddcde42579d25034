import type { RuleGroup } from '@loa/engine';
import {
  referenceCycle,
  referencedSegments,
  refreshOrder,
  timeDependentSegments,
  withDependents,
} from './segment-dependencies';

const refersTo = (...ids: string[]): RuleGroup => ({
  match: 'all',
  rules: [
    { kind: 'tag', tag: 'vip', has: true },
    ...ids.map((segmentId) => ({
      match: 'any' as const,
      rules: [{ kind: 'segment' as const, segmentId, member: true }],
    })),
  ],
});
const recent: RuleGroup = { match: 'all', rules: [{ kind: 'event_seen', event: 'order', withinDays: 7 }] };

describe('segment references', () => {
  const segments = [
    { id: 'c', rule: refersTo('b') },
    { id: 'b', rule: refersTo('a', 'a') },
    { id: 'a', rule: recent },
    { id: 'd', rule: refersTo() },
  ];

  it('lists each referenced segment once, nested groups included', () => {
    expect(referencedSegments(refersTo('a', 'b', 'a'))).toEqual(['a', 'b']);
  });

  it('orders refreshes so a segment follows the ones it refers to', () => {
    expect(refreshOrder(segments)).toEqual(['a', 'b', 'c', 'd']);
    expect(withDependents('a', segments)).toEqual(['a', 'b', 'c']);
    expect(withDependents('d', segments)).toEqual(['d']);
  });

  it('finds a cycle a new rule would close, and none otherwise', () => {
    expect(referenceCycle('a', refersTo('c'), segments)).toEqual(['a', 'c', 'b', 'a']);
    expect(referenceCycle('a', refersTo('a'), segments)).toEqual(['a', 'a']);
    expect(referenceCycle('d', refersTo('c'), segments)).toBeUndefined();
  });

  it('marks segments that change with time alone, through references too', () => {
    expect([...timeDependentSegments(segments)].sort()).toEqual(['a', 'b', 'c']);
  });
});
