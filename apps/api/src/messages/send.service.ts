import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { advertisingRequestCount, isSent, nextVietnamMidnight, type SendOutcome } from '@loa/connectors';
import type { Redis } from 'ioredis';
import { DataSource, type EntityManager } from 'typeorm';
import { CHANNEL_KIND_SPECS } from '../channels/channel-kinds';
import { ChannelAccountsService } from '../channels/channel-accounts.service';
import { LOA_CONFIG, type LoaConfig } from '../config/loa-config';
import { REDIS_CLIENT } from '../redis/redis.module';
import { redisReady } from '../redis/redis-ready';
import { factsOf, lookupOf, recipientFacts, type RecipientFacts } from './guard-contact';
import { MessageLedger, type Admission, type VersionedRow } from './message-ledger';
import { recordedResult, type LedgerRow } from './message-row';
import { ProviderConnectors } from './provider-connectors';
import { ledgerAddress } from './recipient-address';
import { inFlightError, interruptedSend, SendError, transientError, TRANSIENT_CLASSES } from './send-errors';
import { capsFor, contactBlock, timeDeferral } from './send-guards';
import { CHANNEL_OF_CONTENT, type SendMessageInput, type SendResult } from './send-message.types';
import { SendRateLimiter } from './send-rate-limiter';
import { settledPool } from './settled-pool';
import { SendingAccounts, type SendingAccount } from './sending-accounts';
import { UnsubscribeTokens } from './unsubscribe/unsubscribe-tokens';
import { ZaloAccess } from '../channels/zalo/zalo-access.service';
import { ReceiptProcessing } from '../webhooks/receipt-processing.service';
import { WebhookUrls } from '../webhooks/webhook-urls';
import type { ZaloTokenSource } from './zalo-token-source';

/** A `sending` row untouched this long was left by a crash (a send never takes longer: connector timeout 15 s). */
export const STALE_SENDING_MS = 60_000;
/**
 * The longest a send waits for its send-rate turn inside the call: the journey's send activity has one minute. A turn
 * further away defers the send (`send_rate`) until it comes; the turn stays reserved for the call made then.
 */
export const MAX_RATE_WAIT_MS = 20_000;
/** A send coming back for its reserved turn later than this takes a new turn (a backlog must not go out at once). */
const RESERVED_TURN_GRACE_MS = 5_000;
/** Zalo answers consultation messages only within 7 days of the user's last interaction (-230 beyond). */
const OA_WINDOW_MS = 7 * 86_400_000;
/** Statuses a frequency cap counts: messages that went, or may have gone, out. */
const COUNTED = `('sending', 'sent', 'delivered', 'seen', 'unknown')`;

/**
 * Sends any message, effectively once (DESIGN §6): the ledger row is written under its idempotency key before the
 * provider is called and the outcome after; a repeated key answers the recorded outcome. Guards run before every
 * send and their reason is recorded on the row. Expected outcomes are values (the engine's vocabulary); transient
 * failures are thrown as `SendError`s named with the engine's activity error types.
 */
@Injectable()
export class SendService implements OnApplicationShutdown {
  private readonly logger = new Logger(SendService.name);
  private readonly connectors: ProviderConnectors;
  readonly ledger: MessageLedger;
  private readonly limiter: SendRateLimiter;
  readonly sendingAccounts: SendingAccounts;
  /** The clock the time guards read (quiet hours, the SMS window); tests set it to a chosen moment. */
  clock: () => number = Date.now;
  /** See MAX_RATE_WAIT_MS; tests shorten it. */
  maxRateWaitMs = MAX_RATE_WAIT_MS;

  constructor(
    private readonly db: DataSource,
    accounts: ChannelAccountsService,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    private readonly unsubscribeTokens: UnsubscribeTokens,
    @Inject(ZaloAccess) zaloTokens: ZaloTokenSource,
    webhookUrls: WebhookUrls,
    private readonly receipts: ReceiptProcessing,
    @Inject(LOA_CONFIG) config: Pick<LoaConfig, 'database'>,
  ) {
    this.connectors = new ProviderConnectors(zaloTokens);
    this.ledger = new MessageLedger(
      db,
      config.database.kind === 'postgres' && config.database.preparedStatements !== false,
    );
    this.limiter = new SendRateLimiter(redis);
    this.sendingAccounts = new SendingAccounts(accounts, webhookUrls);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connectors.close();
    await this.ledger.close();
  }

  async send(input: SendMessageInput): Promise<SendResult> {
    const admitted = await this.admitToSend(input);
    if ('result' in admitted) return admitted.result;
    return this.deliver(admitted.row, input, admitted.account, admitted.turn);
  }

  /**
   * Sends a batch of messages, `concurrency` at a time, each with the outcome `send` would give it. eSMS advertising
   * SMS, which eSMS takes only to 30 numbers or more at once, go to the provider together: one request per text.
   */
  async sendMany(
    inputs: SendMessageInput[],
    concurrency: number,
  ): Promise<PromiseSettledResult<SendResult>[]> {
    const grouped = new Map<string, { account: SendingAccount; entries: BatchEntry[] }>();
    const results = await settledPool(inputs, concurrency, async (input, index) => {
      const account = await this.sendingAccounts.get(input.workspaceId, input.accountId);
      if (!ProviderConnectors.sendsInBatches(account.row.kind, account.config, input))
        return this.send(input);
      const admitted = await this.admitToSend(input);
      if ('result' in admitted) return admitted.result;
      const group = grouped.get(account.row.id) ?? { account, entries: [] };
      group.entries.push({ index, input, row: admitted.row });
      grouped.set(account.row.id, group);
      return undefined;
    });
    for (const { account, entries } of grouped.values()) {
      const settled = await this.deliverEsmsAdvertising(entries, account);
      entries.forEach(({ index }, at) => (results[index] = settled[at]!));
    }
    return results as PromiseSettledResult<SendResult>[];
  }

  /** The recorded outcome of a message, or its `sending` row to deliver (the provider not called yet). */
  private async admitToSend(
    input: SendMessageInput,
  ): Promise<{ result: SendResult } | { row: LedgerRow; account: SendingAccount; turn?: Promise<number> }> {
    const account = await this.sendingAccounts.get(input.workspaceId, input.accountId);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      // A new key (the usual case) is inserted straight away; the insert finds out when the key is not new.
      const existing =
        attempt === 0 ? undefined : await this.ledger.find(input.workspaceId, input.idempotencyKey);
      let recovery: 'resent' | undefined;
      if (existing) {
        const recorded = recordedResult(existing);
        if (recorded) return { result: recorded };
        if (existing.status === 'sending') {
          if (Date.now() - existing.updated_at.getTime() < STALE_SENDING_MS) throw inFlightError();
          if (existing.purpose === 'marketing') {
            const row = await this.ledger.markUnknown(this.db.manager, existing.id);
            if (!row) continue;
            return { result: outcomeOf(row) };
          }
          recovery = 'resent';
        } else if (
          existing.status === 'deferred' &&
          existing.retry_at &&
          existing.retry_at.getTime() > Date.now()
        ) {
          return { result: deferredResult(existing) };
        } else if (
          existing.status === 'failed' &&
          !TRANSIENT_CLASSES.includes(existing.error_class as never)
        ) {
          return { result: outcomeOf(existing) };
        } else if (existing.status === 'failed' && existing.error_class === 'outcome_unknown') {
          recovery = 'resent';
        }
      }
      // A new message that no cap counts takes its turn under the send-rate limit while its row is written; a token
      // taken by a message a guard then stops is simply not used. A message deferred for its turn has it now.
      const turn = hasReservedTurn(existing)
        ? Promise.resolve(0)
        : !existing && input.purpose !== 'marketing'
          ? this.limiter.reserveWhileWriting(account.row.id, account.ratePerSecond)
          : undefined;
      turn?.catch(() => undefined);
      const row = await this.admit(input, account, existing, recovery);
      if (!row) continue;
      if (row.status !== 'sending') return { result: outcomeOf(row) };
      return { row, account, ...(turn && { turn }) };
    }
    throw inFlightError();
  }

  /** Sends a row already admitted (`sending`) and records the outcome. */
  async deliver(
    row: LedgerRow,
    input: SendMessageInput,
    account: SendingAccount,
    turn?: Promise<number>,
  ): Promise<SendResult> {
    let unsubscribeToken: string | undefined;
    try {
      const wait = await (turn ?? this.limiter.reserve(account.row.id, account.ratePerSecond));
      // Too far away to wait for here: the row waits (deferred) for the turn, which stays this message's.
      if (wait > this.maxRateWaitMs) {
        const retryAt = new Date(Date.now() + wait);
        return outcomeOf(
          await this.ledger.settle(row.id, row.recipient, {
            status: 'deferred',
            reason: 'send_rate',
            retryAt,
          }),
        );
      }
      // Waiting for the limit is not a failure.
      if (wait > 0) await this.waitForTurn(row.id, wait);
      unsubscribeToken =
        input.content.channel === 'email' && input.purpose === 'marketing' && input.contactId
          ? await this.unsubscribeTokens.tokenFor(input.workspaceId, input.contactId)
          : undefined;
    } catch (error) {
      // Nothing reached the provider yet: trying again cannot send the message twice.
      this.logger.error(`send ${row.id} failed unexpectedly: ${(error as Error).message}`);
      await this.ledger.recordFailed(row.id, {
        recipient: row.recipient,
        class: 'retryable',
        code: 'loa_internal',
        message: 'The send failed unexpectedly; it will be retried',
      });
      throw error;
    }
    let outcome: SendOutcome | { unavailable: string };
    try {
      outcome = await this.connectors.send({
        accountId: account.row.id,
        kind: account.row.kind,
        config: account.config,
        to: row.recipient ?? '',
        content: input.content,
        purpose: input.purpose,
        idempotencyKey: input.idempotencyKey,
        ...(unsubscribeToken !== undefined && { unsubscribeToken }),
      });
    } catch (error) {
      // The request may have reached the provider: settled as an unreadable answer is.
      this.logger.error(`send ${row.id} was interrupted: ${(error as Error).message}`);
      outcome = interruptedSend();
    }
    if ('unavailable' in outcome) {
      await this.ledger.recordFailed(row.id, {
        recipient: row.recipient,
        class: 'permanent',
        code: outcome.unavailable,
        message: 'This channel cannot send from this account yet',
      });
      return {
        status: 'failed',
        errorCode: outcome.unavailable,
        errorMessage: 'This channel cannot send from this account yet',
        messageId: row.id,
      };
    }
    const result = await this.settleOutcome(row, input, account, outcome);
    if (isSent(outcome))
      await this.applyEarlyReceipts(account.row.id, [outcome.providerMessageId, outcome.correlationId]);
    return result;
  }

  /**
   * eSMS advertising rows admitted (`sending`) for one account: one send-rate turn per request, then the provider's
   * batch send, each row settled with its request's outcome as `deliver` settles one.
   */
  private async deliverEsmsAdvertising(
    entries: BatchEntry[],
    account: SendingAccount,
  ): Promise<PromiseSettledResult<SendResult>[]> {
    const texts = entries.map(({ input }) => (input.content.channel === 'sms' ? input.content.text : ''));
    let wait: number;
    try {
      const turns = Array.from({ length: advertisingRequestCount(texts) }, () =>
        this.limiter.reserve(account.row.id, account.ratePerSecond),
      );
      wait = Math.max(0, ...(await Promise.all(turns)));
    } catch (error) {
      this.logger.error(`an eSMS advertising batch failed unexpectedly: ${(error as Error).message}`);
      return Promise.all(
        entries.map(async ({ row }) => {
          // Nothing reached the provider: each row may be tried again (a row left `sending` is settled by policy).
          await this.ledger
            .recordFailed(row.id, {
              recipient: row.recipient,
              class: 'retryable',
              code: 'loa_internal',
              message: 'The send failed unexpectedly; it will be retried',
            })
            .catch(() => undefined);
          return { status: 'rejected' as const, reason: error };
        }),
      );
    }
    if (wait > this.maxRateWaitMs) {
      const retryAt = new Date(Date.now() + wait);
      return Promise.allSettled(
        entries.map(async ({ row }) =>
          outcomeOf(
            await this.ledger.settle(row.id, row.recipient, {
              status: 'deferred',
              reason: 'send_rate',
              retryAt,
            }),
          ),
        ),
      );
    }
    // Shorter than STALE_SENDING_MS: the rows need no touch meanwhile.
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    let outcomes: SendOutcome[];
    try {
      outcomes = await this.connectors.sendEsmsAdvertising({
        config: account.config,
        batchKey: account.row.id,
        items: entries.map(({ row, input }, at) => ({
          to: row.recipient ?? '',
          text: texts[at]!,
          idempotencyKey: input.idempotencyKey,
        })),
      });
    } catch (error) {
      this.logger.error(`an eSMS advertising batch was interrupted: ${(error as Error).message}`);
      outcomes = entries.map(() => interruptedSend());
    }
    const settled = await Promise.allSettled(
      entries.map(({ row, input }, at) =>
        this.settleOutcome(row, input, account, refusedOrUnknown(outcomes[at]!)),
      ),
    );
    for (const outcome of new Set(outcomes))
      if (isSent(outcome))
        await this.applyEarlyReceipts(account.row.id, [outcome.providerMessageId, outcome.correlationId]);
    return settled;
  }

  /** Records a provider's answer on the row: its result, or the transient failure thrown for a retry. */
  private async settleOutcome(
    row: LedgerRow,
    input: SendMessageInput,
    account: SendingAccount,
    outcome: SendOutcome,
  ): Promise<SendResult> {
    if (isSent(outcome)) {
      const sent = await this.ledger.recordSent(row, outcome);
      if (row.channel === 'zns' && outcome.quotaRemaining === 0)
        await this.holdZnsQuota(account.row.id, Date.parse(nextVietnamMidnight(Date.now())));
      return outcomeOf(sent);
    }
    // The provider's answer could not be read, or never came: the message may have gone. Settled as a crash would be.
    if (outcome.class === 'outcome_unknown' && input.purpose === 'marketing') {
      const settled = await this.ledger.markUnknown(this.db.manager, row.id, {
        code: outcome.code,
        message: `${outcome.message.replace(/\.$/, '')}; marketing messages are not sent again`,
      });
      if (settled) return outcomeOf(settled);
    }
    const transient = transientError(outcome, Date.now());
    await this.ledger.recordFailed(row.id, {
      recipient: row.recipient,
      class: outcome.class,
      code: outcome.code,
      message: outcome.message,
      ...(outcome.correlationId !== '' && { correlationId: outcome.correlationId }),
      ...(transient?.retryAtMs !== undefined && { retryAt: new Date(transient.retryAtMs) }),
    });
    if (outcome.class === 'quota_exhausted' && row.channel === 'zns' && transient?.retryAtMs)
      await this.holdZnsQuota(account.row.id, transient.retryAtMs);
    if (transient) throw transient;
    return { status: 'failed', errorCode: outcome.code, errorMessage: outcome.message, messageId: row.id };
  }

  /** Receipts that reached the API before the provider ids were recorded (webhooks/receipt-processing.service.ts). */
  private async applyEarlyReceipts(accountId: string, ids: Array<string | undefined>): Promise<void> {
    try {
      await this.receipts.applyWaiting({
        accountId,
        ids: ids.filter((id): id is string => id !== undefined),
      });
    } catch (error) {
      // The receipt sweeper applies them later.
      this.logger.warn('Could not apply early receipts', {
        accountId,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }

  /**
   * Waits for the send-rate turn, touching the row meanwhile: a `sending` row untouched for STALE_SENDING_MS is taken
   * for one a crash left, and would be sent a second time.
   */
  private async waitForTurn(id: string, waitMs: number): Promise<void> {
    const until = Date.now() + waitMs;
    for (let left = waitMs; left > 0; left = until - Date.now()) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(left, STALE_SENDING_MS / 3)));
      if (until - Date.now() > 0) await this.ledger.touch(id);
    }
  }

  /** The guards, then the row: one contact's admissions are serialised so that its caps count every send. */
  private async admit(
    input: SendMessageInput,
    account: SendingAccount,
    existing: VersionedRow | undefined,
    recovery?: 'resent',
  ): Promise<LedgerRow | undefined> {
    const query = {
      workspaceId: input.workspaceId,
      channel: CHANNEL_OF_CONTENT[input.content.channel],
      ...(input.contactId !== undefined && { contactId: input.contactId }),
      ...(input.to !== undefined && { to: input.to }),
      ...(typeof account.config.oaId === 'string' && { oaId: account.config.oaId }),
    };
    const admit = async (manager: EntityManager, facts: RecipientFacts) => {
      const recipient = ledgerAddress(query.channel, input.to) ?? facts.contact?.address ?? null;
      const admission = await this.decide(manager, input, account, facts, recipient, existing?.id);
      return { recipient, admission };
    };
    // Marketing is capped: its count and its row are written under one lock, in one transaction.
    if (input.purpose === 'marketing' || existing)
      return this.db.transaction(async (manager) => {
        const { recipient, admission } = await admit(manager, await recipientFacts(manager, query));
        return existing
          ? this.ledger.readmit(manager, existing, input, recipient, admission, recovery)
          : this.ledger.insert(manager, input, recipient, admission);
      });
    // Other messages are not counted: the row is written and the recipient read by one statement that concurrent
    // sends share. A guard that then stops the message settles the row (nothing was sent).
    const refusal = accountRefusal(input, account);
    const to = ledgerAddress(query.channel, input.to) ?? null;
    const { row, facts } = await this.ledger.admitBatched(
      input,
      to,
      refusal ?? { status: 'sending' },
      refusal ? undefined : lookupOf(query),
    );
    if (!row || refusal) return row;
    const { recipient, admission } = await admit(this.db.manager, factsOf(query.channel, facts));
    if (admission.status !== 'sending') return this.ledger.settle(row.id, recipient, admission);
    return { ...row, recipient };
  }

  private async decide(
    manager: EntityManager,
    input: SendMessageInput,
    account: SendingAccount,
    facts: RecipientFacts,
    recipient: string | null,
    existingId: string | undefined,
  ): Promise<Admission> {
    const channel = CHANNEL_OF_CONTENT[input.content.channel];
    const { row } = account;
    const refusal = accountRefusal(input, account);
    if (refusal) return refusal;
    const block = contactBlock({
      contact: facts.contact,
      channel,
      purpose: input.purpose,
      to: recipient ?? undefined,
    });
    if (block) return { status: 'blocked', reason: block };
    if (channel === 'zalo_oa' && facts.contact && input.purpose === 'marketing') {
      const last = facts.contact.zaloLastInteractionAt;
      if (!last || Date.now() - last.getTime() > OA_WINDOW_MS)
        return { status: 'blocked', reason: 'outside_oa_window' };
    }
    if (input.purpose !== 'marketing') return { status: 'sending' };
    const nowMs = this.clock();
    const time = timeDeferral({ nowMs, channel, purpose: input.purpose, settings: input.settings });
    if (time) return { status: 'deferred', reason: time.reason, retryAt: new Date(time.retryAtMs) };
    const cap = await this.capReached(manager, input, recipient ?? '', existingId);
    if (cap) return { status: 'deferred', reason: 'frequency_cap', retryAt: cap };
    if (channel === 'zns') {
      await redisReady(this.redis);
      const until = Number(await this.redis.get(`zns-quota:${row.id}`));
      if (until > Date.now()) return { status: 'deferred', reason: 'zns_quota', retryAt: new Date(until) };
    }
    return { status: 'sending' };
  }

  /**
   * When a cap lets the next marketing message go; else undefined. Decree 91 caps each phone number or address, so
   * the ledger is counted by recipient address; a message for a contact also counts what that contact got at another
   * address (the engine's caps are per contact). Each key is locked, in one order, until the row is written.
   */
  private async capReached(
    manager: EntityManager,
    input: SendMessageInput,
    recipient: string,
    existingId: string | undefined,
  ): Promise<Date | undefined> {
    const channel = CHANNEL_OF_CONTENT[input.content.channel];
    const caps = capsFor(channel, input.settings);
    if (caps.length === 0) return undefined;
    const keys = [`address:${recipient}`, ...(input.contactId ? [`contact:${input.contactId}`] : [])];
    for (const key of keys.sort())
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
        `messages-cap:${input.workspaceId}:${key}`,
      ]);
    let until: Date | undefined;
    for (const cap of caps) {
      const [row] = (await manager.query(
        // A message counts from when it went out (or was admitted, while in flight), not from its first try.
        `SELECT coalesce(sent_at, updated_at) AS at FROM messages
          WHERE workspace_id = $1 AND (recipient = $2 OR contact_id = $7) AND channel = $3 AND purpose = 'marketing'
            AND status IN ${COUNTED}
            AND coalesce(sent_at, updated_at) > now() - make_interval(secs => $4) AND id IS DISTINCT FROM $6
          ORDER BY at DESC OFFSET $5 LIMIT 1`,
        [
          input.workspaceId,
          recipient,
          channel,
          cap.perMs / 1000,
          cap.max - 1,
          existingId ?? null,
          input.contactId ?? null,
        ],
      )) as Array<{ at: Date }>;
      if (!row) continue;
      const opens = new Date(row.at.getTime() + cap.perMs);
      if (!until || opens > until) until = opens;
    }
    return until;
  }

  private async holdZnsQuota(accountId: string, untilMs: number): Promise<void> {
    const ttl = untilMs - Date.now();
    if (ttl > 0) await this.redis.set(`zns-quota:${accountId}`, String(untilMs), 'PX', ttl);
  }
}

/** eSMS refusals that say the request was not taken: the sending limit (120) and HTTP 429. */
const NOT_TAKEN = new Set(['120', 'http_429']);

/**
 * A batch request's failure as its messages must be settled. A retried message joins whatever batch comes next, so
 * its request (and RequestId, derived from the request's messages) may differ and eSMS cannot recognise a resend:
 * a failure that may have followed eSMS taking the request is settled as unknown (marketing: not sent again).
 */
function refusedOrUnknown(outcome: SendOutcome): SendOutcome {
  if (isSent(outcome) || outcome.class !== 'retryable' || NOT_TAKEN.has(outcome.code)) return outcome;
  return { ...outcome, class: 'outcome_unknown' };
}

/** An admitted message of a batch, by its place in the batch. */
interface BatchEntry {
  index: number;
  input: SendMessageInput;
  row: LedgerRow;
}

function failed(errorCode: string, errorMessage: string): Admission {
  return { status: 'failed', errorCode, errorMessage };
}

/** An account that cannot send this message: nothing is sent, and the row says why. */
function accountRefusal(input: SendMessageInput, account: SendingAccount): Admission | undefined {
  const channel = CHANNEL_OF_CONTENT[input.content.channel];
  const { row } = account;
  if (!CHANNEL_KIND_SPECS[row.kind].channels.includes(channel))
    return failed('loa_channel_not_supported', `A ${row.kind} account does not send ${channel} messages`);
  if (row.disabled) return failed('loa_account_disabled', 'The channel account is disabled');
  if (row.status !== 'connected')
    return failed('loa_account_not_connected', 'The channel account is not connected');
  return undefined;
}

/** A row deferred for its send-rate turn, called again when the turn came (not long after). */
function hasReservedTurn(row: VersionedRow | undefined): boolean {
  return (
    row?.status === 'deferred' &&
    row.reason === 'send_rate' &&
    row.retry_at !== null &&
    Date.now() - row.retry_at.getTime() <= RESERVED_TURN_GRACE_MS
  );
}

/** The outcome a row records; a row still to be attempted again answers its deferral. */
function outcomeOf(row: LedgerRow): SendResult {
  return recordedResult(row) ?? deferredResult(row);
}

function deferredResult(row: LedgerRow): SendResult {
  return {
    status: 'deferred',
    reason: row.reason as never,
    retryAtMs: row.retry_at?.getTime() ?? Date.now(),
    messageId: row.id,
  };
}

export { SendError };
