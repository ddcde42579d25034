import type { SendOutcome } from '../graph/nodes/branch-nodes.schema';
import { interpret } from '../interpreter/interpret';
import {
  initialCursor,
  MAX_STEPS_PER_ENROLLMENT,
  type JourneyAction,
  type StepOutcome,
} from '../interpreter/journey-state';
import type { Plan } from '../plan/plan.types';
import { evaluateRuleGroup } from '../rules/evaluate-rule';
import { readPath } from '../rules/read-path';
import { dateAttributeMoment, nextTimeOfDay } from '../time/wait-until';
import { applyContactUpdate } from './apply-contact-update';
import { CampaignGoal } from './campaign-goal';
import type { ContactTimeline } from './contact-timeline';
import type { EntryEvent } from './entry-decision';
import { liquidScope, type SimulatedContactState } from './liquid-scope';
import { sendMoment } from '../journey/send-time-guard';
import { awaitedEntryKeyValue } from '../journey/wait-event-key';
import {
  EXIT_REASONS,
  exitOutcome,
  STEP_OUTCOMES,
  type TimeDeferralReason,
} from '../journey/journey-vocabulary';
import { simulateHttp } from './simulate-http';
import { simulateSend } from './simulate-send';
import type { NodeOutcomeScript, PriceTable, SampleContact } from './simulation-input.schema';
import type { SimulatedContact, SimulatedMessage, SimulatedStep } from './simulation-result.types';
import type { StepLabel } from './step-labels';
import { formatTime } from './virtual-time';

export interface ContactSimulationSetup {
  plan: Plan;
  labelOf: (stepId: string) => StepLabel;
  triggerNodeId: string;
  contact: SampleContact;
  entry: { atMs: number; event: EntryEvent };
  timeline: ContactTimeline;
  outcomes: Record<string, NodeOutcomeScript>;
  prices: PriceTable;
  /** The clock stops here; a contact still waiting then has no exit reason. */
  horizonMs?: number;
}

/** What a step's path entry tells besides its outcome. */
interface StepNote {
  detail?: string;
  /** The send-time guards that held a send, in order. */
  deferredBy?: TimeDeferralReason[];
}

type Performed = { kind: 'next'; outcome: StepOutcome } | { kind: 'stopped'; exitReason: string | null };
type ClockRun = { kind: 'reached' } | Extract<Performed, { kind: 'stopped' }>;

/** Drives one sample contact through the plan with the interpreter, on a virtual clock. */
export function simulateContact(setup: ContactSimulationSetup): SimulatedContact {
  return new ContactRun(setup).run();
}

class ContactRun {
  private nowMs: number;
  private contact: SimulatedContactState;
  private readonly sendOutcomes: Record<string, SendOutcome[]> = {};
  private readonly path: SimulatedStep[] = [];
  private readonly messages: SimulatedMessage[] = [];
  private readonly goal: CampaignGoal;

  constructor(private readonly setup: ContactSimulationSetup) {
    this.nowMs = setup.entry.atMs;
    this.goal = new CampaignGoal(setup.plan.settings.goal, setup.timeline, setup.entry.atMs);
    const { id, attributes, tags, phone, email, zaloUserId, doNotContact } = setup.contact;
    this.contact = {
      id,
      attributes: structuredClone(attributes),
      tags: [...tags],
      phone,
      email,
      zaloUserId,
      doNotContact,
    };
  }

  private get timezone(): string {
    return this.setup.plan.settings.timezone;
  }

  run(): SimulatedContact {
    const { plan, contact } = this.setup;
    const context = { contactId: contact.id };
    this.record(this.setup.triggerNodeId, STEP_OUTCOMES.entered, this.nowMs);
    let transition = interpret(plan, initialCursor(), { kind: 'entered' }, context);
    for (;;) {
      for (const passed of transition.passed) this.record(passed.stepId, passed.outcome, this.nowMs);
      const { action } = transition;
      if (action.kind === 'exit') {
        // Exit steps are in `passed`; the step limit is not a step: it is recorded where the journey stopped.
        if (action.reason === EXIT_REASONS.stepLimit)
          this.record(action.stepId ?? plan.entryStepId, exitOutcome(action.reason), this.nowMs, {
            detail: `stopped here: a journey takes at most ${MAX_STEPS_PER_ENROLLMENT} steps`,
          });
        return this.finish(action.reason);
      }
      const performed = this.perform(action);
      if (performed.kind === 'stopped') return this.finish(performed.exitReason);
      transition = interpret(plan, transition.cursor, performed.outcome, context);
    }
  }

  private perform(action: Exclude<JourneyAction, { kind: 'exit' }>): Performed {
    const startMs = this.nowMs;
    switch (action.kind) {
      case 'delay': {
        const run = this.runClock(action.stepId, startMs + action.durationMs);
        if (run.kind === 'stopped') return run;
        this.record(action.stepId, STEP_OUTCOMES.elapsed, startMs, { endedAtMs: this.nowMs });
        return { kind: 'next', outcome: { kind: 'elapsed' } };
      }
      case 'wait_until': {
        const { moment, detail } = this.waitUntilMoment(action.until);
        const run = this.runClock(action.stepId, Math.max(startMs, moment ?? startMs), { detail });
        if (run.kind === 'stopped') return run;
        this.record(action.stepId, STEP_OUTCOMES.elapsed, startMs, { endedAtMs: this.nowMs, detail });
        return { kind: 'next', outcome: { kind: 'elapsed' } };
      }
      case 'wait_event':
        return this.waitForEvent(action);
      case 'condition': {
        const result = evaluateRuleGroup(action.rule, {
          contact: {
            ...this.contact,
            consents: this.setup.contact.consents,
            zaloFollower: this.contact.zaloUserId !== undefined,
            segmentIds: this.setup.contact.segments,
          },
          eventSeen: (rule) => this.setup.timeline.count(rule, this.nowMs) > 0,
          eventCount: (rule) => this.setup.timeline.count(rule, this.nowMs),
          nowMs: this.nowMs,
          timezone: this.timezone,
          sendOutcomes: this.sendOutcomes,
        });
        this.record(action.stepId, result ? STEP_OUTCOMES.yes : STEP_OUTCOMES.no, startMs);
        return { kind: 'next', outcome: { kind: 'condition', result } };
      }
      case 'send':
        return this.send(action);
      case 'update_contact': {
        const update = applyContactUpdate(this.contact, action.step, this.scope(), this.timezone);
        this.contact = update.contact;
        this.record(action.stepId, STEP_OUTCOMES.updated, startMs, {
          detail: [...update.changes, ...update.errors].join('; '),
        });
        return { kind: 'next', outcome: { kind: 'contact_updated' } };
      }
      case 'http':
        return this.callHttp(action);
    }
  }

  private waitUntilMoment(until: Extract<JourneyAction, { kind: 'wait_until' }>['until']): {
    moment?: number;
    detail?: string;
  } {
    if (until.kind === 'time_of_day')
      return {
        moment: nextTimeOfDay({
          nowMs: this.nowMs,
          timezone: this.timezone,
          time: until.time,
          weekdays: until.weekdays,
        }),
      };
    const moment = dateAttributeMoment({
      value: readPath(this.contact.attributes, until.attribute),
      offsetDays: until.offsetDays,
      time: until.time,
      timezone: this.timezone,
    });
    if (moment === undefined) return { detail: `no date in ${until.attribute}: continues at once` };
    if (moment < this.nowMs) return { moment, detail: 'the moment has passed: continues at once' };
    return { moment };
  }

  private waitForEvent(action: Extract<JourneyAction, { kind: 'wait_event' }>): Performed {
    const { step, stepId } = action;
    const startMs = this.nowMs;
    const event = this.setup.timeline.awaited({
      step,
      entryKeyValue: awaitedEntryKeyValue({
        plan: this.setup.plan,
        step,
        entryProperties: this.setup.entry.event.properties,
      }),
      fromMs: startMs,
      toMs: startMs + step.timeoutMs,
    });
    const run = this.runClock(stepId, event ? event.atMs : startMs + step.timeoutMs);
    if (run.kind === 'stopped') return run;
    if (event) this.setup.timeline.consume(event);
    this.record(stepId, event ? STEP_OUTCOMES.matched : STEP_OUTCOMES.timeout, startMs, {
      endedAtMs: this.nowMs,
      ...(event && { detail: event.name }),
    });
    return { kind: 'next', outcome: { kind: 'event', matched: event !== undefined } };
  }

  private send(action: Extract<JourneyAction, { kind: 'send' }>): Performed {
    const { step, stepId } = action;
    const startMs = this.nowMs;
    const moment = sendMoment({
      nowMs: startMs,
      channel: step.channel,
      purpose: step.purpose,
      settings: this.setup.plan.settings,
    });
    const deferredBy = moment.reasons.length > 0 ? moment.reasons : undefined;
    const deferral = deferredBy && `deferred by ${deferredBy.join(' and ')}`;
    const run = this.runClock(stepId, moment.atMs, { detail: deferral, deferredBy });
    if (run.kind === 'stopped') return run;
    const message = simulateSend({
      stepId,
      label: this.setup.labelOf(stepId).label,
      step,
      contact: this.contact,
      scope: this.scope(),
      timezone: this.timezone,
      outcomes: this.setup.outcomes,
      prices: this.setup.prices,
      at: formatTime(this.nowMs, this.timezone),
    });
    this.messages.push(message);
    this.sendOutcomes[stepId] = [...(this.sendOutcomes[stepId] ?? []), ...message.receipts];
    const detail = [deferral, message.error].filter(Boolean).join('; ') || undefined;
    this.record(stepId, message.outcome, startMs, { endedAtMs: this.nowMs, detail, deferredBy });
    return { kind: 'next', outcome: { kind: 'send', success: message.outcome === STEP_OUTCOMES.sent } };
  }

  private callHttp(action: Extract<JourneyAction, { kind: 'http' }>): Performed {
    const call = simulateHttp({
      stepId: action.stepId,
      step: action.step,
      contactId: this.contact.id,
      scope: this.scope(),
      timezone: this.timezone,
      outcomes: this.setup.outcomes,
    });
    this.record(action.stepId, call.success ? STEP_OUTCOMES.success : STEP_OUTCOMES.failure, this.nowMs, {
      detail: call.detail,
    });
    return { kind: 'next', outcome: { kind: 'http', success: call.success } };
  }

  /**
   * Lets the virtual clock run to `endMs` for a step that takes time, unless the campaign goal (with exitOnGoal)
   * happens first, or the clock's horizon comes first; in those cases the step is recorded here.
   */
  private runClock(stepId: string, endMs: number, note: StepNote = {}): ClockRun {
    const { detail, deferredBy } = note;
    const startMs = this.nowMs;
    const goal = this.goal.interruptsAt(startMs, endMs);
    const stopMs = goal ?? endMs;
    const { horizonMs } = this.setup;
    if (horizonMs !== undefined && stopMs > horizonMs) {
      this.record(stepId, STEP_OUTCOMES.waiting, startMs, { detail, deferredBy });
      this.nowMs = Math.max(startMs, horizonMs);
      return { kind: 'stopped', exitReason: null };
    }
    this.nowMs = stopMs;
    if (goal === undefined) return { kind: 'reached' };
    // As in the journey: the goal ends the step it interrupts, and the journey leaves there.
    const reached = `${this.goal.event} reached the campaign goal`;
    this.record(stepId, exitOutcome(EXIT_REASONS.goal), startMs, {
      endedAtMs: goal,
      detail: detail ? `${detail}; ${reached}` : reached,
      deferredBy,
    });
    return { kind: 'stopped', exitReason: EXIT_REASONS.goal };
  }

  private finish(exitReason: string | null): SimulatedContact {
    // A journey knows of the goal only while it runs: events after its exit convert nothing (as in the workflow).
    const conversion = this.goal.reachedAt(exitReason === null ? this.setup.horizonMs : this.nowMs);
    return {
      contactId: this.setup.contact.id,
      entered: true,
      enteredAt: formatTime(this.setup.entry.atMs, this.timezone),
      exitReason,
      ...(exitReason !== null && { exitedAt: formatTime(this.nowMs, this.timezone) }),
      converted: conversion !== undefined,
      ...(conversion !== undefined && { convertedAt: formatTime(conversion, this.timezone) }),
      path: this.path,
      messages: this.messages,
      costVnd: this.messages.reduce((sum, message) => sum + message.costVnd, 0),
    };
  }

  private scope(): object {
    return liquidScope(this.contact, this.setup.entry.event.properties);
  }

  private record(
    stepId: string,
    outcome: string,
    atMs: number,
    extra: StepNote & { endedAtMs?: number } = {},
  ): void {
    const { label, kind } = this.setup.labelOf(stepId);
    this.path.push({
      stepId,
      label,
      kind,
      outcome,
      at: formatTime(atMs, this.timezone),
      ...(extra.endedAtMs !== undefined &&
        extra.endedAtMs > atMs && { endedAt: formatTime(extra.endedAtMs, this.timezone) }),
      ...(extra.detail && { detail: extra.detail }),
      ...(extra.deferredBy && { deferredBy: extra.deferredBy }),
    });
  }
}
