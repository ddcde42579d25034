/**
 * The provider sandbox's public contract: how tests, the demo stack and benchmarks start it and what it seeds.
 * Everything here is written from shared/providers.md.
 */

export type ZnsTemplateStatus = 'ENABLE' | 'PENDING_REVIEW' | 'REJECT' | 'DISABLE' | 'DELETE';

export interface ZnsTemplateParamSeed {
  name: string;
  /** Zalo's param type, as template detail returns it (e.g. "STRING"). */
  type: string;
  require: boolean;
  maxLength: number;
  minLength: number;
  acceptNull: boolean;
}

export interface ZnsTemplateSeed {
  templateId: string;
  templateName: string;
  status: ZnsTemplateStatus;
  params: ZnsTemplateParamSeed[];
  /** VND, as strings like Zalo returns them. */
  price: string;
  templateTag: 'TRANSACTION' | 'CUSTOMER_CARE' | 'PROMOTION' | 'OTP';
}

export interface ZaloFollowerSeed {
  userId: string;
  displayName: string;
  phone?: string;
  follower: boolean;
  /** Epoch ms of the user's last interaction with the OA (drives the 48 h / 7 day / 1 year windows). */
  lastInteractionAt: number;
}

export interface ZaloOaSeed {
  oaId: string;
  name: string;
  /** Phones (84…) of the OA's admins: the only recipients in ZNS development mode. */
  adminPhones: string[];
  dailyQuota: number;
  /** The pair valid at start; the sandbox rotates it on refresh. */
  accessToken: string;
  refreshToken: string;
  /** Seconds the seeded access token lives (default 90000). */
  accessTokenTtlSeconds?: number;
  templates: ZnsTemplateSeed[];
  followers: ZaloFollowerSeed[];
}

export interface ZaloAppSeed {
  appId: string;
  /** App Secret: the `secret_key` header of the OAuth token endpoint. */
  secretKey: string;
  /** OA Secret Key used to sign webhooks (providers.md §3.6). */
  webhookSecret: string;
  redirectUri: string;
  /** Where receipts, seen, follow and template events are POSTed, signed. */
  webhookUrl?: string;
  oas: ZaloOaSeed[];
}

export interface EsmsAccountSeed {
  apiKey: string;
  secretKey: string;
  brandnames: string[];
  /** VND. */
  balance: number;
  /** Phones (84…) the gateway refuses with CodeResult 99. */
  blockedPhones?: string[];
}

export interface SpeedSmsAccountSeed {
  accessToken: string;
  senders: string[];
  balance: number;
  /** Shown by GET /user/info. */
  email?: string;
}

export interface TwilioAccountSeed {
  accountSid: string;
  authToken: string;
  /** E.164 numbers or alphanumeric sender ids this account may send from. */
  senders: string[];
  messagingServiceSids: string[];
  /** E.164 numbers that replied STOP: sends answer 21610. */
  unsubscribed?: string[];
  /** E.164 numbers Twilio cannot route: sends answer 21612. */
  unroutable?: string[];
}

export interface SmtpUserSeed {
  user: string;
  pass: string;
}

export interface SandboxSeed {
  zalo: ZaloAppSeed[];
  /** Phones (84…) that have no Zalo account: ZNS answers -118. */
  phonesNotOnZalo: string[];
  esms: EsmsAccountSeed[];
  speedsms: SpeedSmsAccountSeed[];
  twilio: TwilioAccountSeed[];
  smtp: SmtpUserSeed[];
}

export interface SandboxOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** HTTP port; 0 (default) picks a free one. */
  port?: number;
  /** SMTP port; 0 (default) picks a free one. */
  smtpPort?: number;
  /** Defaults to `defaultSeed()`. */
  seed?: SandboxSeed;
  /** The sandbox's clock (epoch ms); defaults to Date.now. Night windows are judged in Vietnam time. */
  now?: () => number;
  /** Delay before delivery receipts are posted (ms, default 20). */
  receiptDelayMs?: number;
  /** One JSON log line per request (tokens and keys redacted). Default false; the standalone CLI turns it on. */
  logRequests?: boolean;
  /** ZNS refuses sends 22:00–06:00 Vietnam time with -133 (providers.md ⚠). Default true. */
  znsNightWindow?: boolean;
  /** How webhooks are signed (providers.md §3.6 ⚠): first term app id (default) or OA id, optional `mac=` prefix. */
  zaloWebhookSignature?: { firstTerm?: 'appId' | 'oaId'; macPrefix?: boolean };
  /** Whether a refresh revokes the previous access token (providers.md §1 ⚠). Default true. */
  zaloRevokeOldAccessToken?: boolean;
  /** Code for a reused or unknown refresh token (providers.md §1 ⚠). Default -14014. */
  zaloRefreshReuseCode?: number;
  /** After an OA message's receipt, also post `user_seen_message`. Default true. */
  zaloOaSeenEvents?: boolean;
  /** SpeedSMS rate limit per access token. Default 60 requests per 60 000 ms. */
  speedsmsRateLimit?: { limit: number; windowMs: number };
  /** Refuse SMTP mail from sessions that did not authenticate. Default false (AUTH optional). */
  smtpRequireAuth?: boolean;
  /** Inbox entries kept (oldest dropped beyond it). Default 200 000. */
  inboxLimit?: number;
  /**
   * What the access and refresh tokens the sandbox mints begin with (`<prefix>-at-…`, `<prefix>-rt-…`). Default
   * `sandbox`. A test that watches for leaked secrets sets its secrets' mark here, so a minted token that leaks is seen.
   */
  zaloTokenPrefix?: string;
}

/** The base URL that replaces each provider's real origin (the connectors' `baseUrl` settings). */
export interface SandboxUrls {
  /** Replaces https://oauth.zaloapp.com/v4 (…/oa/access_token, …/oa/permission). */
  zaloOauth: string;
  /** Replaces https://business.openapi.zalo.me (…/message/template). */
  zns: string;
  /** Replaces https://openapi.zalo.me (…/v3.0/oa/message/cs). */
  zaloOa: string;
  /** Replaces https://rest.esms.vn/MainService.svc/json. */
  esms: string;
  /** Replaces https://api.speedsms.vn/index.php. */
  speedsms: string;
  /** Replaces https://api.twilio.com (…/2010-04-01/Accounts/{sid}/Messages.json). */
  twilio: string;
  /** smtp://host:port */
  smtp: string;
  inbox: string;
  control: string;
}

export type SandboxChannel = 'zns' | 'zalo_oa' | 'esms' | 'speedsms' | 'twilio' | 'smtp';

/** One message the sandbox accepted and delivered. */
export interface InboxMessage {
  id: string;
  channel: SandboxChannel;
  /** Account that sent it: OA id, eSMS ApiKey, SpeedSMS token owner, Twilio AccountSid, SMTP user or envelope sender. */
  account: string;
  /** 84… phone, Zalo user id, E.164 number or email address. */
  recipient: string;
  /** The provider message id the sandbox answered with. */
  providerMessageId: string;
  /** tracking_id, RequestId or Message-ID, when the request carried one. */
  correlationId?: string;
  /** The request as the provider would see it (ZNS template_data, SMS text, raw email headers and text…). */
  content: Record<string, unknown>;
  acceptedAt: string;
}

export interface FaultRule {
  /** Which provider surface it applies to; omitted = all. */
  channel?: SandboxChannel | 'zalo_oauth';
  /** Only for these recipients (84… phones, user ids, emails); omitted = everyone. */
  recipients?: string[];
  latencyMs?: number;
  /** 0..1: share of matching requests answered with `code` (or a 5xx when no code is given). */
  errorRate?: number;
  /**
   * Provider error code to answer with, e.g. -124, "103", 21211, 503 for an HTTP status, "unreadable" for a 200
   * whose body is not the provider's answer (the message may or may not have gone out), or "reset": the request is
   * handled as usual (the message is sent), then the connection is dropped instead of answered.
   */
  code?: number | string;
  /** Outage window (epoch ms, sandbox clock): requests inside it get HTTP 503 / a dropped SMTP connection. */
  outage?: { from: number; to: number };
}

export interface RunningSandbox {
  urls: SandboxUrls;
  seed: SandboxSeed;
  /** Messages delivered so far (same data as GET {inbox}/messages). */
  inbox(filter?: { channel?: SandboxChannel; recipient?: string }): InboxMessage[];
  /** How many requests reached a path (e.g. "/zalo-oauth/v4/oa/access_token"), counting rejected ones. */
  requestCount(pathname: string): number;
  addFault(rule: FaultRule): string;
  clearFaults(): void;
  /** Makes every access token of the OA (all OAs when omitted) expire now. */
  expireTokens(oaId?: string): void;
  setNow(now: () => number): void;
  reset(): void;
  close(): Promise<void>;
}
