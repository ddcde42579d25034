import { stepLabelOf } from './step-label';

const graph = {
  nodes: [
    { id: 'wait-paid', data: { label: 'Chờ thanh toán', event: 'order.paid' } },
    { id: 'sms', data: { label: '   ' } },
    { id: 'exit', data: { reason: 'done' } },
    { id: 'bare' },
  ],
};

describe('stepLabelOf', () => {
  it("names the step by its label in the version's graph", () => {
    expect(stepLabelOf(graph, 'wait-paid')).toBe('Chờ thanh toán');
  });

  it('falls back to the id when the step has no label, a blank one, or no data', () => {
    expect(stepLabelOf(graph, 'sms')).toBe('sms');
    expect(stepLabelOf(graph, 'exit')).toBe('exit');
    expect(stepLabelOf(graph, 'bare')).toBe('bare');
  });

  it('falls back to the id when the step is not in the graph or the graph is not loaded', () => {
    expect(stepLabelOf(graph, 'gone')).toBe('gone');
    expect(stepLabelOf(undefined, 'wait-paid')).toBe('wait-paid');
  });
});
