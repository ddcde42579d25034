import { parseCampaignGraph } from '../graph/graph.schema';
import { buildPlan } from '../plan/build-plan';
import { EXIT_FAILED } from '../plan/plan.types';
import { znsWithSmsFallbackGraph } from '../testing/sample-graphs';
import { interpret } from './interpret';
import { initialCursor, MAX_STEPS_PER_ENROLLMENT } from './journey-state';

const plan = buildPlan(parseCampaignGraph(znsWithSmsFallbackGraph()), { campaignId: 'c', versionId: 'v' });
const context = { contactId: 'contact-1' };

describe('interpret', () => {
  it('enters at the entry step and asks for the ZNS send, first visit', () => {
    const { cursor, action } = interpret(plan, initialCursor(), { kind: 'entered' }, context);
    expect(action).toMatchObject({ kind: 'send', stepId: 'zns', visit: 1 });
    expect(cursor).toEqual({ stepId: 'zns', visits: { zns: 1 }, stepsTaken: 1 });
  });

  it('enters at a given step instead (a re-run of a failed send step), first visit there', () => {
    const { cursor, action, passed } = interpret(
      plan,
      initialCursor(),
      { kind: 'entered', at: 'sms' },
      context,
    );
    expect(action).toMatchObject({ kind: 'send', stepId: 'sms', visit: 1 });
    expect(cursor).toEqual({ stepId: 'sms', visits: { sms: 1 }, stepsTaken: 1 });
    expect(passed).toEqual([]);
    expect(() => interpret(plan, initialCursor(), { kind: 'entered', at: 'nope' }, context)).toThrow(
      'has no step nope',
    );
  });

  it('takes the failure handle to the SMS fallback, and exits failed when that fails too', () => {
    let transition = interpret(plan, initialCursor(), { kind: 'entered' }, context);
    transition = interpret(plan, transition.cursor, { kind: 'send', success: false }, context);
    expect(transition.action).toMatchObject({ kind: 'send', stepId: 'sms' });
    transition = interpret(plan, transition.cursor, { kind: 'send', success: false }, context);
    expect(transition.action).toEqual({ kind: 'exit', stepId: EXIT_FAILED, reason: 'failed' });
    expect(transition.cursor.stepId).toBeNull();
  });

  it('resolves splits itself, deterministically per contact, and records the variant', () => {
    const run = (contactId: string) => {
      let transition = interpret(plan, initialCursor(), { kind: 'entered' }, { contactId });
      transition = interpret(plan, transition.cursor, { kind: 'send', success: true }, { contactId });
      expect(transition.action).toMatchObject({ kind: 'delay', durationMs: 172_800_000 });
      return interpret(plan, transition.cursor, { kind: 'elapsed' }, { contactId });
    };
    const first = run('contact-7');
    expect(run('contact-7')).toEqual(first);
    expect(first.passed[0]).toMatchObject({
      stepId: 'split',
      outcome: expect.stringMatching(/^variant:(a|b)$/),
    });
    expect(first.action.kind).toBe('exit');
  });

  it('splits contacts by the weights', () => {
    const counts = { a: 0, b: 0 };
    for (let index = 0; index < 2000; index += 1) {
      const contactId = `contact-${index}`;
      let transition = interpret(plan, initialCursor(), { kind: 'entered' }, { contactId });
      transition = interpret(plan, transition.cursor, { kind: 'send', success: true }, { contactId });
      transition = interpret(plan, transition.cursor, { kind: 'elapsed' }, { contactId });
      counts[transition.passed[0].outcome === 'variant:a' ? 'a' : 'b'] += 1;
    }
    expect(counts.a).toBeGreaterThan(900);
    expect(counts.b).toBeGreaterThan(900);
  });

  it('rejects an outcome that does not fit the current step', () => {
    const { cursor } = interpret(plan, initialCursor(), { kind: 'entered' }, context);
    expect(() => interpret(plan, cursor, { kind: 'elapsed' }, context)).toThrow(
      'Outcome "elapsed" does not fit step zns (send)',
    );
  });

  it('exits with step_limit once the journey has taken the maximum number of steps', () => {
    const { cursor } = interpret(plan, initialCursor(), { kind: 'entered' }, context);
    const transition = interpret(
      plan,
      { ...cursor, stepsTaken: MAX_STEPS_PER_ENROLLMENT },
      { kind: 'send', success: true },
      context,
    );
    expect(transition.action).toEqual({ kind: 'exit', stepId: 'wait', reason: 'step_limit' });
  });
});
