import type { SandboxOptions, SandboxSeed } from '../sandbox.types';
import { CallbackClient } from '../webhooks/callback-client';
import { createSandboxState, type SandboxState } from './sandbox-state';

export interface ResolvedOptions {
  receiptDelayMs: number;
  logRequests: boolean;
  znsNightWindow: boolean;
  zaloWebhookSignature: { firstTerm: 'appId' | 'oaId'; macPrefix: boolean };
  zaloRevokeOldAccessToken: boolean;
  zaloRefreshReuseCode: number;
  zaloOaSeenEvents: boolean;
  speedsmsRateLimit: { limit: number; windowMs: number };
  smtpRequireAuth: boolean;
  inboxLimit: number;
}

export function resolveOptions(options: SandboxOptions): ResolvedOptions {
  return {
    receiptDelayMs: options.receiptDelayMs ?? 20,
    logRequests: options.logRequests ?? false,
    znsNightWindow: options.znsNightWindow ?? true,
    zaloWebhookSignature: {
      firstTerm: options.zaloWebhookSignature?.firstTerm ?? 'appId',
      macPrefix: options.zaloWebhookSignature?.macPrefix ?? false,
    },
    zaloRevokeOldAccessToken: options.zaloRevokeOldAccessToken ?? true,
    zaloRefreshReuseCode: options.zaloRefreshReuseCode ?? -14014,
    zaloOaSeenEvents: options.zaloOaSeenEvents ?? true,
    speedsmsRateLimit: options.speedsmsRateLimit ?? { limit: 60, windowMs: 60_000 },
    smtpRequireAuth: options.smtpRequireAuth ?? false,
    inboxLimit: options.inboxLimit ?? 200_000,
  };
}

/** What every route needs: options, the clock, the current state and the outbound callback client. */
export class SandboxContext {
  state: SandboxState;
  private clock: () => number;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    readonly options: ResolvedOptions,
    private readonly seed: SandboxSeed,
    private readonly initialClock: () => number,
    readonly callbacks: CallbackClient = new CallbackClient(),
  ) {
    this.clock = initialClock;
    this.state = this.freshState();
  }

  now(): number {
    return this.clock();
  }

  setClock(clock: () => number): void {
    this.clock = clock;
  }

  /** Runs `task` after `delayMs` unless the sandbox resets or closes first; its failures are swallowed. */
  later(delayMs: number, task: () => Promise<unknown>): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      task().catch(() => undefined);
    }, delayMs);
    this.timers.add(timer);
  }

  reset(): void {
    this.cancelPending();
    this.clock = this.initialClock;
    this.state = this.freshState();
  }

  async close(): Promise<void> {
    this.cancelPending();
    await this.callbacks.close();
  }

  private cancelPending(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private freshState(): SandboxState {
    return createSandboxState({
      seed: this.seed,
      now: this.clock(),
      inboxLimit: this.options.inboxLimit,
      revokeOldAccessToken: this.options.zaloRevokeOldAccessToken,
    });
  }
}
