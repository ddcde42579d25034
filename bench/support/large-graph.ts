import type { CampaignGraphInput, GraphNodeInput } from '@loa/engine';

/**
 * A realistic large campaign: an event trigger followed by repeated stages of
 * ZNS --failure--> SMS, a delay, a condition on a tag and an A/B split, `nodeCount` nodes in all.
 */
export function largeCampaignGraph(nodeCount: number): CampaignGraphInput {
  const nodes: GraphNodeInput[] = [
    {
      id: 'start',
      type: 'trigger.event',
      position: { x: 0, y: 0 },
      data: { event: 'order.created', entryKey: 'orderId' },
    },
  ];
  const edges: CampaignGraphInput['edges'] = [];
  let previous = { id: 'start', handle: 'next' };
  let stage = 0;
  const link = (target: string, from = previous) =>
    edges.push({ id: `e${edges.length}`, source: from.id, sourceHandle: from.handle, target });

  while (nodes.length + 6 <= nodeCount) {
    const s = stage++;
    const y = s * 600;
    nodes.push(
      {
        id: `zns${s}`,
        type: 'send.zns',
        position: { x: 0, y },
        data: {
          label: `Xác nhận đơn hàng ${s}`,
          accountId: 'oa-loa-shop',
          templateId: String(200000 + s),
          params: {
            customer_name: '{{ contact.name }}',
            order_code: '{{ event.orderId }}',
            amount: '{{ event.total }}',
          },
        },
      },
      {
        id: `sms${s}`,
        type: 'send.sms',
        position: { x: 300, y },
        data: {
          accountId: 'esms-main',
          brandName: 'LOASHOP',
          text: 'Đơn hàng {{ event.orderId }} đã được xác nhận.',
          purpose: 'care',
        },
      },
      {
        id: `wait${s}`,
        type: 'wait.delay',
        position: { x: 0, y: y + 120 },
        data: { amount: 1, unit: 'days' },
      },
      {
        id: `cond${s}`,
        type: 'branch.condition',
        position: { x: 0, y: y + 240 },
        data: { rule: { match: 'all', rules: [{ kind: 'tag', tag: 'vip', has: true }] } },
      },
      {
        id: `split${s}`,
        type: 'branch.split',
        position: { x: 0, y: y + 360 },
        data: {
          variants: [
            { id: 'a', weight: 50 },
            { id: 'b', weight: 50 },
          ],
        },
      },
      { id: `exit${s}`, type: 'flow.exit', position: { x: 300, y: y + 360 }, data: { reason: 'not_vip' } },
    );
    link(`zns${s}`);
    link(`wait${s}`, { id: `zns${s}`, handle: 'success' });
    link(`sms${s}`, { id: `zns${s}`, handle: 'failure' });
    link(`wait${s}`, { id: `sms${s}`, handle: 'success' });
    link(`cond${s}`, { id: `wait${s}`, handle: 'next' });
    link(`split${s}`, { id: `cond${s}`, handle: 'yes' });
    link(`exit${s}`, { id: `cond${s}`, handle: 'no' });
    link(`exit${s}`, { id: `split${s}`, handle: 'b' });
    previous = { id: `split${s}`, handle: 'a' };
  }
  while (nodes.length < nodeCount) {
    const id = `final${nodes.length}`;
    nodes.push({
      id,
      type: 'wait.delay',
      position: { x: 0, y: nodes.length * 100 },
      data: { amount: 1, unit: 'hours' },
    });
    link(id);
    previous = { id, handle: 'next' };
  }
  return { schemaVersion: 1, nodes, edges, settings: { timezone: 'Asia/Ho_Chi_Minh' } };
}
