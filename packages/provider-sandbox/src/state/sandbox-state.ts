import type { SandboxSeed } from '../sandbox.types';
import { FaultBook } from '../control/faults';
import { IdFactory } from './ids';
import { Inbox } from './inbox';
import { ZaloDirectory } from './zalo-directory';
import { ZaloTokens } from './zalo-tokens';
import { ZnsQuota } from './zns-quota';

/** Everything a reset puts back to the seed. Routes read it through the context at request time. */
export interface SandboxState {
  seed: SandboxSeed;
  ids: IdFactory;
  directory: ZaloDirectory;
  tokens: ZaloTokens;
  znsQuota: ZnsQuota;
  inbox: Inbox;
  faults: FaultBook;
  requests: Map<string, number>;
  /** OA uploads: attachment id → upload time (assets expire after 7 days). */
  oaUploads: Map<string, number>;
  /** VND left per eSMS ApiKey / SpeedSMS token. */
  balances: Map<string, number>;
  /** RequestIds already accepted per eSMS ApiKey. */
  esmsRequestIds: Map<string, Set<string>>;
  /** SpeedSMS fixed rate-limit windows per token. */
  speedsmsWindows: Map<string, { startedAt: number; count: number }>;
}

export function createSandboxState(input: {
  seed: SandboxSeed;
  now: number;
  inboxLimit: number;
  revokeOldAccessToken: boolean;
  tokenPrefix: string;
  /** Fault latency waits on the state's generation timers. */
  sleep: (delayMs: number) => Promise<void>;
}): SandboxState {
  const ids = new IdFactory();
  const directory = new ZaloDirectory(input.seed);
  return {
    seed: input.seed,
    ids,
    directory,
    tokens: new ZaloTokens({
      directory,
      ids,
      now: input.now,
      revokeOldAccessToken: input.revokeOldAccessToken,
      tokenPrefix: input.tokenPrefix,
    }),
    znsQuota: new ZnsQuota(),
    inbox: new Inbox(input.inboxLimit),
    faults: new FaultBook(input.sleep),
    requests: new Map(),
    oaUploads: new Map(),
    balances: new Map([
      ...input.seed.esms.map((account) => [account.apiKey, account.balance] as const),
      ...input.seed.speedsms.map((account) => [account.accessToken, account.balance] as const),
    ]),
    esmsRequestIds: new Map(),
    speedsmsWindows: new Map(),
  };
}
