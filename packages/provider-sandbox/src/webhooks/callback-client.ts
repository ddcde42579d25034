import { Agent, request } from 'undici';

export type CallbackResult = { ok: true; status: number } | { ok: false; error: string };

/**
 * Outbound calls to the tenant's webhook and callback URLs. A dead or slow receiver is a normal outcome,
 * returned as a value; it never throws.
 */
export class CallbackClient {
  private readonly agent = new Agent({ keepAliveTimeout: 1000, connections: 16 });

  async send(input: {
    method: 'GET' | 'POST';
    url: string;
    headers?: Record<string, string>;
    body?: string;
    /** Aborts the call when the sandbox resets or closes. */
    signal?: AbortSignal;
  }): Promise<CallbackResult> {
    try {
      const response = await request(input.url, {
        method: input.method,
        headers: input.headers,
        body: input.body,
        dispatcher: this.agent,
        signal: input.signal,
        headersTimeout: 2000,
        bodyTimeout: 2000,
      });
      await response.body.dump();
      return { ok: true, status: response.statusCode };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}
