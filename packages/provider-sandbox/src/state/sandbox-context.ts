import type { SandboxOptions, SandboxSeed } from '../sandbox.types';
import { CallbackClient } from '../webhooks/callback-client';
import { Generation } from './generation';
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
  zaloTokenPrefix: string;
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
    zaloTokenPrefix: options.zaloTokenPrefix ?? 'sandbox',
  };
}

/** What every route needs: options, the clock, the current state, its timers and the outbound callback client. */
export class SandboxContext {
  state: SandboxState;
  /** Timers and callbacks of the current state; a task keeps the generation it was scheduled on. */
  generation = new Generation();
  private clock: () => number;

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

  /** Runs `task` after `delayMs` on the current generation: a reset or close before then drops it. */
  later(delayMs: number, task: (signal: AbortSignal) => Promise<unknown>): void {
    this.generation.later(delayMs, task);
  }

  reset(): void {
    this.generation.cancel();
    this.generation = new Generation();
    this.clock = this.initialClock;
    this.state = this.freshState();
  }

  /** Cancels every timer and in-flight callback; call before closing the servers so no request waits on a timer. */
  stopTimers(): void {
    this.generation.cancel();
  }

  async close(): Promise<void> {
    this.stopTimers();
    await this.callbacks.close();
  }

  private freshState(): SandboxState {
    const generation = this.generation;
    return createSandboxState({
      sleep: (delayMs) => generation.sleep(delayMs),
      seed: this.seed,
      now: this.clock(),
      inboxLimit: this.options.inboxLimit,
      revokeOldAccessToken: this.options.zaloRevokeOldAccessToken,
      tokenPrefix: this.options.zaloTokenPrefix,
    });
  }
}
