import { type HttpStep, renderLiquid } from '@loa/engine';

export interface RenderedHttpRequest {
  method: HttpStep['request']['method'];
  url: URL;
  headers: Record<string, string>;
  body: string | undefined;
}

export type HttpRequestRendering = { ok: true; request: RenderedHttpRequest } | { ok: false; error: string };

/**
 * An HTTP step's request for one journey: URL, header values and body rendered with the engine's personalisation,
 * secret headers filled from the workspace's secrets (by reference; their values appear nowhere else).
 */
export async function renderHttpRequest(
  request: HttpStep['request'],
  context: { scope: object; timezone: string; revealSecret: (name: string) => Promise<string | undefined> },
): Promise<HttpRequestRendering> {
  const render = (text: string) => renderLiquid(text, context.scope, { timezone: context.timezone });
  const url = render(request.url);
  if (!url.ok) return { ok: false, error: `render_error: url: ${url.error}` };
  const parsed = URL.canParse(url.text.trim()) ? new URL(url.text.trim()) : undefined;
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:'))
    return { ok: false, error: 'invalid_url: the rendered URL is not an http(s) URL' };
  const headers: Record<string, string> = {};
  for (const header of request.headers) {
    if (header.kind === 'secret') {
      const value = await context.revealSecret(header.secretRef);
      if (value === undefined) return { ok: false, error: `missing_secret: ${header.secretRef}` };
      headers[header.name.toLowerCase()] = value;
    } else {
      const value = render(header.value);
      if (!value.ok) return { ok: false, error: `render_error: header ${header.name}: ${value.error}` };
      headers[header.name.toLowerCase()] = value.text;
    }
  }
  let body: string | undefined;
  if (request.body !== undefined) {
    const rendered = render(request.body);
    if (!rendered.ok) return { ok: false, error: `render_error: body: ${rendered.error}` };
    body = rendered.text;
    headers['content-type'] ??= isJson(body) ? 'application/json' : 'text/plain; charset=utf-8';
  }
  return { ok: true, request: { method: request.method, url: parsed, headers, body } };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
