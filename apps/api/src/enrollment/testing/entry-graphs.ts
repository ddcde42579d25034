/** A journey that waits up to a day for `order.completed`: it stays running, so a second entry meets it. */
export function waitForOrderGraph(
  trigger: { type: 'trigger.manual' | 'trigger.event' | 'trigger.segment'; data?: Record<string, unknown> },
  settings: Record<string, unknown> = {},
) {
  return {
    schemaVersion: 1,
    nodes: [
      {
        id: 'start',
        type: trigger.type,
        position: { x: 0, y: 0 },
        data: { label: 'Vào', ...trigger.data },
      },
      {
        id: 'wait',
        type: 'wait.event',
        position: { x: 0, y: 150 },
        data: { label: 'Chờ đơn', event: 'order.completed', timeout: { amount: 1, unit: 'days' } },
      },
      { id: 'ordered', type: 'flow.exit', position: { x: 0, y: 300 }, data: { reason: 'ordered' } },
      { id: 'gave_up', type: 'flow.exit', position: { x: 250, y: 300 }, data: { reason: 'gave_up' } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'wait' },
      { id: 'e2', source: 'wait', sourceHandle: 'matched', target: 'ordered' },
      { id: 'e3', source: 'wait', sourceHandle: 'timeout', target: 'gave_up' },
    ],
    settings: { timezone: 'Asia/Ho_Chi_Minh', ...settings },
  };
}
