import { LRUCache } from 'lru-cache';
import type { HttpClient } from '../../http/http-client';
import type { ZaloOaAccount } from '../account/zalo-account.schema';
import { withZaloToken, type ZaloTokenCallFailure } from '../shared/with-zalo-token';
import type { ZaloTokenManager } from '../tokens/token-manager';
import { ZnsClient } from './zns.client';
import { ZNS_TOKEN_REJECTED } from './zns.errors';
import type { ZnsTemplateDetail } from './zns.types';

export type ZnsTemplateLookup =
  { ok: true; template: ZnsTemplateDetail } | { ok: false; failure: ZaloTokenCallFailure };

export interface ZnsTemplateCatalogOptions {
  http: HttpClient;
  tokens: ZaloTokenManager;
  /** How long a template's detail is trusted before it is read again (default 10 minutes). */
  ttlMs?: number;
  /** Templates kept at most, across all OAs (default 5,000). */
  maxTemplates?: number;
}

/**
 * Template details read from Zalo and kept for a while, so that every send can be checked against its template's
 * params (and priced) without a detail request per send. One reading per template at a time; keyed by ZNS origin,
 * OA and template id; holds no credentials.
 */
export class ZnsTemplateCatalog {
  private readonly client: ZnsClient;
  private readonly cache: LRUCache<string, ZnsTemplateDetail>;
  private readonly inflight = new Map<string, Promise<ZnsTemplateLookup>>();

  constructor(private readonly options: ZnsTemplateCatalogOptions) {
    this.client = new ZnsClient(options.http);
    this.cache = new LRUCache({ max: options.maxTemplates ?? 5000, ttl: options.ttlMs ?? 10 * 60_000 });
  }

  get(account: ZaloOaAccount, templateId: string, signal?: AbortSignal): Promise<ZnsTemplateLookup> {
    const key = keyOf(account, templateId);
    const cached = this.cache.get(key);
    if (cached) return Promise.resolve({ ok: true, template: cached });
    let running = this.inflight.get(key);
    if (!running) {
      running = this.read(account, templateId, key, signal).finally(() => this.inflight.delete(key));
      this.inflight.set(key, running);
    }
    return running;
  }

  /** Drops what is known of a template (or of all the OA's templates), e.g. on a `change_template_status` event. */
  forget(account: Pick<ZaloOaAccount, 'oaId' | 'baseUrls'>, templateId?: string): void {
    if (templateId !== undefined) {
      this.cache.delete(keyOf(account, templateId));
      return;
    }
    const prefix = keyOf(account, '');
    for (const key of [...this.cache.keys()]) if (key.startsWith(prefix)) this.cache.delete(key);
  }

  private async read(
    account: ZaloOaAccount,
    templateId: string,
    key: string,
    signal: AbortSignal | undefined,
  ): Promise<ZnsTemplateLookup> {
    const result = await withZaloToken({
      tokens: this.options.tokens,
      account,
      rejectedCodes: ZNS_TOKEN_REJECTED,
      call: (accessToken) => this.client.templateDetail({ account, accessToken, templateId, signal }),
    });
    if (!result.ok) return { ok: false, failure: result };
    this.cache.set(key, result.data);
    return { ok: true, template: result.data };
  }
}

function keyOf(account: Pick<ZaloOaAccount, 'oaId' | 'baseUrls'>, templateId: string): string {
  return `${account.baseUrls.zns}\u0000${account.oaId}\u0000${templateId}`;
}
