import type { FaultRule } from '../sandbox.types';

export type FaultSurface = NonNullable<FaultRule['channel']>;

/** What a matching fault makes the sandbox do instead of the normal answer. */
/** The `code` of a fault answered by a 200 whose body is not the provider's envelope (a proxy's page, say). */
export const UNREADABLE = 'unreadable';
/**
 * The `code` of a fault that lets the provider handle the request as usual (the message is sent), then drops the
 * connection instead of answering: the client cannot tell whether the message went out.
 */
export const RESET = 'reset';

export type FaultDecision =
  | { kind: 'outage' }
  | { kind: 'http_status'; status: number }
  | { kind: 'provider_code'; code: number | string }
  | { kind: 'unreadable' }
  | { kind: 'reset' };

interface StoredRule {
  rule: FaultRule;
  matched: number;
}

/** A number 400–599 in `code` is an HTTP status; anything else is the provider's own code (FaultRule docs). */
function isHttpStatus(code: number | string): code is number {
  return typeof code === 'number' && code >= 400 && code <= 599;
}

/** Fault rules from the control API, applied by every provider surface. */
export class FaultBook {
  private readonly rules = new Map<string, StoredRule>();
  private nextId = 0;

  /** `sleep` waits out a rule's latency on the sandbox's tracked timers (a reset or close ends it early). */
  constructor(private readonly sleep: (delayMs: number) => Promise<void>) {}

  get empty(): boolean {
    return this.rules.size === 0;
  }

  add(rule: FaultRule): string {
    this.nextId += 1;
    const id = `fault-${this.nextId}`;
    this.rules.set(id, { rule, matched: 0 });
    return id;
  }

  remove(id: string): boolean {
    return this.rules.delete(id);
  }

  clear(): void {
    this.rules.clear();
  }

  /**
   * Applies the rules matching this request: waits out their latency, then answers outage, an HTTP status or a
   * provider code, or null to proceed normally. Error rates are deterministic: with rate r, the n-th matching
   * request fails when ⌊n·r⌋ > ⌊(n−1)·r⌋, so exactly that share fails.
   */
  async evaluate(input: {
    surface: FaultSurface;
    recipient?: string;
    now: number;
  }): Promise<FaultDecision | null> {
    const matching = [...this.rules.values()].filter(({ rule }) => matches(rule, input));
    if (matching.length === 0) return null;
    if (
      matching.some(({ rule }) => rule.outage && input.now >= rule.outage.from && input.now < rule.outage.to)
    ) {
      return { kind: 'outage' };
    }
    const latencyMs = Math.max(0, ...matching.map(({ rule }) => rule.latencyMs ?? 0));
    if (latencyMs > 0) await this.sleep(latencyMs);
    for (const stored of matching) {
      const { rule } = stored;
      if (rule.code === undefined && rule.errorRate === undefined) continue;
      const rate = rule.errorRate ?? 1;
      stored.matched += 1;
      if (Math.floor(stored.matched * rate) <= Math.floor((stored.matched - 1) * rate)) continue;
      if (rule.code === undefined) return { kind: 'http_status', status: 500 };
      if (rule.code === UNREADABLE) return { kind: 'unreadable' };
      if (rule.code === RESET) return { kind: 'reset' };
      return isHttpStatus(rule.code)
        ? { kind: 'http_status', status: rule.code }
        : { kind: 'provider_code', code: rule.code };
    }
    return null;
  }
}

function matches(rule: FaultRule, input: { surface: FaultSurface; recipient?: string }): boolean {
  if (rule.channel !== undefined && rule.channel !== input.surface) return false;
  if (rule.recipients === undefined) return true;
  return input.recipient !== undefined && rule.recipients.includes(input.recipient);
}
