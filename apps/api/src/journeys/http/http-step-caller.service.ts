import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { type JourneyActivities, SEND_ERROR_TYPES } from '@loa/engine';
import { ApplicationFailure } from '@temporalio/activity';
import { Agent, request } from 'undici';
import { LOA_CONFIG, type LoaConfig } from '../../config/loa-config';
import { ContactsService } from '../../contacts/contacts.service';
import { ProblemException } from '../../http/problem';
import { WorkspaceSecrets } from '../../secrets/workspace-secrets';
import { JourneyScopes } from '../journey-scope';
import { guardedConnector, RefusedAddressError } from './guarded-connector';
import { OutboundAddressPolicy } from './outbound-address-policy';
import { type RenderedHttpRequest, renderHttpRequest } from './render-http-request';
import { contactWriteOfResponse } from './response-mapping';

type CallHttp = JourneyActivities['callHttp'];
export type HttpStepCall = Parameters<CallHttp>[0];
export type HttpStepResult = Awaited<ReturnType<CallHttp>>;

/** The most of a response body read for the response mapping; the rest is discarded. */
const MAX_RESPONSE_BYTES = 1024 * 1024;
/** Statuses that say "later" rather than "no": retried like 5xx. */
const RETRYABLE_CLIENT_STATUSES = new Set([408, 425, 429]);

/**
 * Performs journeys' HTTP steps (DESIGN §6): the request rendered for the contact, secrets filled in, only public
 * addresses (or configured private ones) reached, redirects not followed, the step's timeout for the whole call,
 * and the journey's idempotency key as `Idempotency-Key`. 2xx is success (and the response mapping updates the
 * contact); 3xx and 4xx are failures; 5xx, 408/425/429, timeouts and network errors throw a retryable failure so
 * that Temporal retries with the provider retry policy, after which the step takes its failure handle.
 */
@Injectable()
export class HttpStepCaller implements OnApplicationShutdown {
  private readonly agent: Agent;

  constructor(
    @Inject(LOA_CONFIG) config: LoaConfig,
    private readonly scopes: JourneyScopes,
    private readonly secrets: WorkspaceSecrets,
    private readonly contacts: ContactsService,
  ) {
    const policy = new OutboundAddressPolicy(config.httpSteps.allowedHosts);
    this.agent = new Agent({ connect: guardedConnector(policy, { connectTimeoutMs: 10_000 }) });
  }

  /** After the worker stopped (LoaWorkerHost.onModuleDestroy), so no call is in flight any more. */
  async onApplicationShutdown(): Promise<void> {
    await this.agent.destroy();
  }

  /** `cancelled`: the activity's cancellation (worker shutdown), which aborts the request in flight. */
  async call(
    { journey, step, idempotencyKey }: HttpStepCall,
    cancelled?: AbortSignal,
  ): Promise<HttpStepResult> {
    const loaded = await this.scopes.of(journey);
    if ('missing' in loaded) return { success: false, error: 'contact_not_found' };
    const { scope, timezone, contactId } = loaded;
    const rendered = await renderHttpRequest(step.request, {
      scope,
      timezone,
      revealSecret: (name) => this.secrets.reveal(journey.workspaceId, name),
    });
    if (!rendered.ok) return { success: false, error: rendered.error };
    const timeout = AbortSignal.timeout(step.request.timeoutSeconds * 1000);
    const signal = cancelled ? AbortSignal.any([timeout, cancelled]) : timeout;
    const answer = await this.send(
      rendered.request,
      idempotencyKey,
      step.request.timeoutSeconds * 1000,
      signal,
    );
    if ('refused' in answer) return { success: false, error: answer.refused };
    const { status, json } = answer;
    if (status >= 500 || RETRYABLE_CLIENT_STATUSES.has(status))
      throw ApplicationFailure.retryable(`HTTP ${status}`, SEND_ERROR_TYPES.retryable);
    if (status >= 300 && status < 400)
      return { success: false, status, error: `HTTP ${status}: redirects are not followed` };
    if (status >= 400) return { success: false, status };
    // The contact the request was rendered for: after a merge, the survivor (as updateContact writes it).
    const mapped = await this.mapResponse(journey.workspaceId, contactId, json, step.request.responseMapping);
    return { success: true, status, ...(mapped && { error: mapped }) };
  }

  private async send(
    outgoing: RenderedHttpRequest,
    idempotencyKey: string,
    timeoutMs: number,
    signal: AbortSignal,
  ): Promise<{ status: number; json: unknown } | { refused: string }> {
    try {
      const response = await request(outgoing.url, {
        dispatcher: this.agent,
        method: outgoing.method,
        headers: { 'user-agent': 'Loa-Journeys', ...outgoing.headers, 'idempotency-key': idempotencyKey },
        body: outgoing.body,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        signal,
      });
      const text = await readLimited(response.body);
      return { status: response.statusCode, json: parseJson(text) };
    } catch (error) {
      const refused = refusal(error);
      if (refused) return { refused: refused.message };
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      throw ApplicationFailure.retryable(
        `${outgoing.method} ${outgoing.url.origin} failed: ${reason}`,
        SEND_ERROR_TYPES.retryable,
      );
    }
  }

  /** Applies the response mapping; answers a note when it could not (the call itself succeeded). */
  private async mapResponse(
    workspaceId: string,
    contactId: string,
    json: unknown,
    mapping: Record<string, string>,
  ): Promise<string | undefined> {
    if (Object.keys(mapping).length === 0) return undefined;
    if (json === undefined) return 'response_mapping_skipped: the response is not JSON';
    const write = contactWriteOfResponse(json, mapping);
    if (!write) return undefined;
    try {
      await this.contacts.patch({ workspaceId, contactId, write });
      return undefined;
    } catch (error) {
      if (error instanceof ProblemException && error.getStatus() < 500)
        return `response_mapping_failed: ${error.message}`;
      throw error;
    }
  }
}

function refusal(error: unknown): RefusedAddressError | undefined {
  for (let cause = error; cause instanceof Error; cause = cause.cause)
    if (cause instanceof RefusedAddressError) return cause;
  return undefined;
}

async function readLimited(body: AsyncIterable<Buffer> & { destroy(): unknown }): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= MAX_RESPONSE_BYTES) {
      body.destroy();
      break;
    }
  }
  return Buffer.concat(chunks).subarray(0, MAX_RESPONSE_BYTES).toString('utf8');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
