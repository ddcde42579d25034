export interface WaitThenSms {
  trigger: { type: 'trigger.event' | 'trigger.manual'; data: Record<string, unknown> };
  /** The eSMS channel account and its brand name. */
  accountId: string;
  brandName: string;
  text: string;
  /** The send step's id (a new version may rename it). */
  smsStepId?: string;
}

/**
 * A journey that waits up to a day for `email.verified` and then sends a customer-care SMS: only the tracked event
 * moves it to its send within a test, so run controls can act while it waits. Exits: `done` after the send (or its
 * failure), `expired` when the day passes.
 */
export function waitThenSmsGraph(options: WaitThenSms) {
  const { trigger, accountId, brandName, text, smsStepId = 'sms' } = options;
  const at = (y: number) => ({ x: 0, y });
  return {
    schemaVersion: 1,
    nodes: [
      { id: 'start', ...trigger, position: at(0) },
      {
        id: 'wait',
        type: 'wait.event',
        position: at(150),
        data: { label: 'Chờ xác minh e-mail', event: 'email.verified', timeout: { amount: 1, unit: 'days' } },
      },
      {
        id: smsStepId,
        type: 'send.sms',
        position: at(300),
        data: { label: 'SMS chào mừng', accountId, brandName, purpose: 'care', text },
      },
      { id: 'done', type: 'flow.exit', position: at(450), data: { reason: 'done' } },
      { id: 'expired', type: 'flow.exit', position: { x: 250, y: 300 }, data: { reason: 'expired' } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourceHandle: 'next', target: 'wait' },
      { id: 'e2', source: 'wait', sourceHandle: 'matched', target: smsStepId },
      { id: 'e3', source: 'wait', sourceHandle: 'timeout', target: 'expired' },
      { id: 'e4', source: smsStepId, sourceHandle: 'success', target: 'done' },
      { id: 'e5', source: smsStepId, sourceHandle: 'failure', target: 'done' },
    ],
    settings: { timezone: 'Asia/Ho_Chi_Minh' },
  };
}
