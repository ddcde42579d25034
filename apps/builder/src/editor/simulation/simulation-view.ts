/** What the panel shows of a simulation result: a contact's path on the canvas, and its timeline. Pure. */
import type { SimulatedContact, SimulatedMessage } from '@loa/engine/browser';

export type TimelineTone = 'entry' | 'ok' | 'failed' | 'waiting' | 'exit' | 'goal';

export interface TimelineRow {
  key: string;
  stepId: string;
  label: string;
  kind: string;
  outcome: string;
  tone: TimelineTone;
  at: string;
  /** Milliseconds since the contact entered. */
  sinceEntryMs: number;
  endedAt?: string;
  deferredBy?: string[];
  detail?: string;
  message?: SimulatedMessage;
}

/** 'path' on each node of the graph the contact went through. */
export function pathDecorations(contact: SimulatedContact | undefined, nodeIds: Iterable<string>) {
  const known = new Set(nodeIds);
  const decorations: Record<string, string> = {};
  for (const step of contact?.path ?? []) if (known.has(step.stepId)) decorations[step.stepId] = 'path';
  return decorations;
}

function toneOf(outcome: string, kind: string): TimelineTone {
  if (outcome === 'entered') return 'entry';
  if (outcome === 'failed' || outcome === 'blocked' || outcome === 'failure') return 'failed';
  if (outcome === 'waiting' || outcome === 'held') return 'waiting';
  if (outcome === 'exit:goal' || outcome === 'converted') return 'goal';
  if (outcome.startsWith('exit:') || kind === 'exit' || kind === 'flow.exit') return 'exit';
  return 'ok';
}

/** The contact's steps in order, with their send's rendered message beside them. */
export function timelineOf(contact: SimulatedContact): TimelineRow[] {
  const entryMs = contact.enteredAt ? Date.parse(contact.enteredAt) : undefined;
  const unusedMessages = [...contact.messages];
  return contact.path.map((step, index) => {
    const messageIndex = step.kind.startsWith('send.')
      ? unusedMessages.findIndex((message) => message.stepId === step.stepId)
      : -1;
    const message = messageIndex >= 0 ? unusedMessages.splice(messageIndex, 1)[0] : undefined;
    return {
      key: `${index}:${step.stepId}`,
      stepId: step.stepId,
      label: step.label,
      kind: step.kind,
      outcome: step.outcome,
      tone: toneOf(step.outcome, step.kind),
      at: step.at,
      sinceEntryMs: entryMs === undefined ? 0 : Date.parse(step.at) - entryMs,
      ...(step.endedAt && { endedAt: step.endedAt }),
      ...(step.deferredBy && { deferredBy: step.deferredBy }),
      ...(step.detail && { detail: step.detail }),
      ...(message && { message }),
    };
  });
}

/** "+1d 4h 30m" since entry; "+0m" at entry. */
export function formatOffset(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts = [days && `${days}d`, hours && `${hours}h`, (rest || (!days && !hours)) && `${rest}m`].filter(
    Boolean,
  );
  return `${ms < 0 ? '-' : '+'}${parts.join(' ')}`;
}

/** The text a rendered message shows in the panel, per channel. */
export function messagePreview(message: SimulatedMessage): { title?: string; body: string } {
  const rendered = message.rendered as unknown as Record<string, unknown>;
  switch (message.channel) {
    case 'sms':
      return { body: String(rendered['text'] ?? '') };
    case 'email':
      return { title: String(rendered['subject'] ?? ''), body: String(rendered['text'] ?? '') };
    case 'zns': {
      const params = (rendered['params'] ?? {}) as Record<string, string>;
      return {
        title: `ZNS ${String(rendered['templateId'] ?? '')}`,
        body: Object.entries(params)
          .map(([name, value]) => `${name}: ${value}`)
          .join('\n'),
      };
    }
    default:
      return { body: JSON.stringify(rendered['message'] ?? rendered, null, 2) };
  }
}
