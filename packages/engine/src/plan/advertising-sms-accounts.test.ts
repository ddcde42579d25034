import { planOf, smsNode, znsNode } from '../workflows/testing/test-plans';
import { advertisingSmsAccountIds } from './advertising-sms-accounts';

describe('advertisingSmsAccountIds', () => {
  it('names each account the plan sends advertising SMS from, once; care SMS and other channels name none', () => {
    const ads = (id: string, accountId: string) => {
      const node = smsNode(id, 'advertising');
      return [node[0], node[1], { ...node[2], accountId }] as typeof node;
    };
    const plan = planOf({
      nodes: [
        ads('a', 'esms-ads'),
        smsNode('b'),
        znsNode('c', 'advertising'),
        ads('d', 'esms-ads'),
        ads('e', 'b-ads'),
      ],
      edges: [
        ['a', 'success', 'b'],
        ['b', 'success', 'c'],
        ['c', 'success', 'd'],
        ['d', 'success', 'e'],
      ],
    });
    expect(advertisingSmsAccountIds(plan)).toEqual(['b-ads', 'esms-ads']);
    expect(advertisingSmsAccountIds(planOf({ nodes: [smsNode('b')], edges: [] }))).toEqual([]);
  });
});
