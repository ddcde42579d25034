import { validateGraph } from '@loa/engine';
import { demoCampaignGraph, znsOpenAt } from './demo-campaign-graph';

const channels = { zaloOa: 'zalo-oa', esms: 'esms', smtp: 'smtp', brandname: 'LOASHOP' };

describe('the demo campaign', () => {
  it('sends ZNS from 06:00 to 21:30 Vietnam time only (Zalo sends none 22:00–06:00)', () => {
    const at = (utc: string) => znsOpenAt(new Date(`2026-12-02T${utc}:00Z`));
    // Vietnam is UTC+7: 06:00 there is 23:00 UTC the day before.
    expect([at('22:59'), at('23:00'), at('14:29'), at('14:30'), at('05:00')]).toEqual([
      false,
      true,
      true,
      false,
      true,
    ]);
  });

  it.each([true, false])('is a valid graph with ZNS %s, without warnings', (zns) => {
    const graph = demoCampaignGraph(channels, { zns, orderDate: '02/12/2026' });
    expect(validateGraph(graph)).toEqual([]);
    const sends = graph.nodes.filter((node) => node.type.startsWith('send.')).map((node) => node.type);
    expect(sends.sort()).toEqual(zns ? ['send.email', 'send.sms', 'send.zns'] : ['send.email', 'send.sms']);
  });
});
