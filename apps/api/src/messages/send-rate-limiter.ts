import type { Redis } from 'ioredis';
import { redisReady } from '../redis/redis-ready';
import type { ChannelKind } from '../channels/channel-kinds';
import { KeyedBatcher } from './batcher';

/**
 * Messages per second each kind of account may send by default: the provider's published limits (providers.md) or
 * a cautious figure where none is published. An account's `send_rate_per_second` overrides it.
 */
export const DEFAULT_SEND_RATES: Record<ChannelKind, number> = {
  // Zalo: 4,000 requests per minute per app (-32 beyond it).
  zalo_oa: 66,
  // eSMS publishes no send limit; 30 requests per second is its published rate for status reads.
  esms: 30,
  // SpeedSMS: 60 requests per 60 s per access token, then HTTP 429.
  speedsms: 1,
  // Twilio queues at 1 message per second per long-code sender; more with a messaging service.
  twilio: 1,
  // SMTP relays: a cautious default for one account's connections.
  smtp: 10,
};

/**
 * A token bucket per channel account, in Redis so every process shares it. Each send reserves one token: the bucket
 * may go negative, and the answer is how long the caller waits for its turn (0 = now). Refill uses Redis's own clock,
 * so processes on machines whose clocks differ still agree. Burst = one second's worth of tokens (at least 1).
 */
const TAKE_TOKENS = `
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local count = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1])
local at = tonumber(state[2])
if tokens == nil then tokens = burst; at = now end
tokens = math.min(burst, tokens + (now - at) * rate / 1000)
local waits = {}
for i = 1, count do
  tokens = tokens - 1
  if tokens < 0 then waits[i] = math.ceil(-tokens * 1000 / rate) else waits[i] = 0 end
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], waits[count] + math.ceil(burst * 1000 / rate) + 1000)
return waits
`;

/**
 * How long a batch of token requests taken while their rows are written waits for more to join: less than the row
 * statement those sends wait for anyway.
 */
const GATHER_MS = 1;

type TakeTokens = (key: string, rate: number, burst: number, count: number) => Promise<number[]>;

export class SendRateLimiter {
  // Concurrent sends from one account take their tokens in one call.
  private readonly batcher = new KeyedBatcher<number, number>((key, rates) => this.take(key, rates));
  private readonly gathering = new KeyedBatcher<number, number>((key, rates) => this.take(key, rates), {
    gatherMs: GATHER_MS,
  });

  constructor(private readonly redis: Redis) {
    // Sent by its digest (EVALSHA), so that Redis does not read and hash the script again for every call.
    redis.defineCommand('loaTakeSendTokens', { numberOfKeys: 1, lua: TAKE_TOKENS });
  }

  /** Milliseconds until this send's turn; the token is already taken. */
  reserve(accountId: string, perSecond: number): Promise<number> {
    return this.batcher.submit(`${accountId}|${perSecond}`, perSecond);
  }

  /** `reserve` for a send whose caller waits for its ledger row meanwhile: its request may wait to join others. */
  reserveWhileWriting(accountId: string, perSecond: number): Promise<number> {
    return this.gathering.submit(`${accountId}|${perSecond}`, perSecond);
  }

  private async take(key: string, rates: number[]): Promise<number[]> {
    await redisReady(this.redis);
    const [accountId] = key.split('|');
    const [perSecond = 1] = rates;
    const burst = Math.max(1, perSecond);
    const takeTokens = (this.redis as unknown as { loaTakeSendTokens: TakeTokens }).loaTakeSendTokens;
    const waits = await takeTokens.call(this.redis, `send-rate:${accountId}`, perSecond, burst, rates.length);
    return waits.map(Number);
  }
}
