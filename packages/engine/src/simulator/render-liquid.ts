import { Liquid, type Template } from 'liquidjs';

/** Strict filters (a misspelt filter is an error), lenient variables (a missing field renders empty). */
const liquid = new Liquid({ strictFilters: true, strictVariables: false });
const parsed = new Map<string, Template[]>();
const CACHE_LIMIT = 2000;

export type LiquidRender = { ok: true; text: string } | { ok: false; error: string };

/** Renders one Liquid text with the given scope; errors are values, never thrown. */
export function renderLiquid(text: string, scope: object): LiquidRender {
  try {
    return { ok: true, text: String(liquid.renderSync(templatesOf(text), scope)) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

function templatesOf(text: string): Template[] {
  const cached = parsed.get(text);
  if (cached) return cached;
  const templates = liquid.parse(text);
  if (parsed.size >= CACHE_LIMIT) parsed.clear();
  parsed.set(text, templates);
  return templates;
}
