import { startSandbox } from '../start-sandbox';
import type { RunningSandbox } from '../sandbox.types';
import { seedAt, VIETNAM_MORNING } from '../testing/fixtures';
import { postJson } from '../testing/http';
import { resolveOptions, SandboxContext } from './sandbox-context';
import { WebhookReceiver, type ReceivedCall } from '../testing/webhook-receiver';

/** Finding 13: scheduled callbacks and fault latency live on the sandbox's tracked timers. */
describe('sandbox timers across reset() and close()', () => {
  const esmsBody = (sandbox: RunningSandbox, overrides: Record<string, unknown>) => ({
    ApiKey: sandbox.seed.esms[0].apiKey,
    SecretKey: sandbox.seed.esms[0].secretKey,
    Phone: '0987654321',
    Content: 'Ma xac thuc cua ban la 123456',
    Brandname: 'SANDBOX',
    SmsType: '2',
    ...overrides,
  });

  it('reset() drops an eSMS callback retry whose attempt was in flight', async () => {
    let openGate!: () => void;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    // `/before` fails once its gate opens (after the reset); `/after` fails four times, then succeeds.
    let afterAttempts = 0;
    const receiver = await new WebhookReceiver(async (call: ReceivedCall) => {
      if (call.url.startsWith('/before')) {
        await gate;
        return 500;
      }
      afterAttempts += 1;
      return afterAttempts < 5 ? 500 : 200;
    }).start();
    const sandbox = await startSandbox({ seed: seedAt(VIETNAM_MORNING), receiptDelayMs: 5 });
    try {
      const url = `${sandbox.urls.esms}/SendMultipleMessage_V4_post_json/`;
      await postJson(url, esmsBody(sandbox, { RequestId: 'before', CallbackUrl: `${receiver.url}/before` }));
      await receiver.waitFor((call) => call.url.startsWith('/before'));
      sandbox.reset();
      openGate();

      await postJson(url, esmsBody(sandbox, { RequestId: 'after', CallbackUrl: `${receiver.url}/after` }));
      // The fifth `/after` attempt comes well after a retry of `/before` would have been due.
      await receiver.waitFor(
        () => receiver.calls.filter((call) => call.url.startsWith('/after')).length === 5,
      );
      expect(receiver.calls.filter((call) => call.url.startsWith('/before'))).toHaveLength(1);
    } finally {
      await sandbox.close();
      await receiver.stop();
    }
  });

  it('reset() and close() end a pending fault latency instead of leaving the request waiting', async () => {
    const context = new SandboxContext(resolveOptions({}), seedAt(VIETNAM_MORNING), () => VIETNAM_MORNING);
    const pendingDecision = () => {
      context.state.faults.add({ channel: 'esms', latencyMs: 600_000, code: '99' });
      return context.state.faults.evaluate({ surface: 'esms', now: context.now() });
    };
    const duringReset = pendingDecision();
    context.reset();
    expect(await duringReset).toEqual({ kind: 'provider_code', code: '99' });
    const duringClose = pendingDecision();
    await context.close();
    expect(await duringClose).toEqual({ kind: 'provider_code', code: '99' });
  });

  it('close() drops callbacks scheduled on the closed sandbox', async () => {
    const context = new SandboxContext(resolveOptions({}), seedAt(VIETNAM_MORNING), () => VIETNAM_MORNING);
    await context.close();
    const ran: string[] = [];
    context.later(0, async () => ran.push('task'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(ran).toEqual([]);
  });
});
