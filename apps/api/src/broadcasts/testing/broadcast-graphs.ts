/** A campaign whose journey exits at once with reason `reached`: each started journey leaves one enrollment row. */
export function reachedGraph(
  trigger: { type: string; data?: Record<string, unknown> } = { type: 'trigger.manual' },
  settings: Record<string, unknown> = {},
) {
  return {
    schemaVersion: 1,
    nodes: [
      { id: 'start', type: trigger.type, position: { x: 0, y: 0 }, data: { label: 'Vào', ...trigger.data } },
      { id: 'done', type: 'flow.exit', position: { x: 0, y: 150 }, data: { reason: 'reached' } },
    ],
    edges: [{ id: 'e1', source: 'start', sourceHandle: 'next', target: 'done' }],
    settings: { timezone: 'Asia/Ho_Chi_Minh', ...settings },
  };
}
