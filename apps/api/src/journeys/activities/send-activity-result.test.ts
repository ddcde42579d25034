import { activityResultOf } from './send-activity-result';

describe("the send service's deferrals as the journey's activity result", () => {
  it('answers a send-rate deferral by value, so the journey waits until exactly its turn', () => {
    const retryAtMs = Date.parse('2026-12-01T03:00:40Z');
    expect(
      activityResultOf({ status: 'deferred', reason: 'send_rate', retryAtMs, messageId: 'm-1' }),
    ).toEqual({ status: 'deferred', reason: 'send_rate', retryAtMs });
  });
});
