import { Liquid, type Template } from 'liquidjs';
import { vietnameseFilters } from './vietnamese-filters';

const CACHE_LIMIT = 2000;

interface LiquidEngine {
  liquid: Liquid;
  parsed: Map<string, Template[]>;
}

const engines = new Map<string, LiquidEngine>();

export type LiquidRender = { ok: true; text: string } | { ok: false; error: string };

export interface RenderLiquidOptions {
  /** IANA zone for the `date`, `date_vn` and `datetime_vn` filters. */
  timezone: string;
  /** When true a variable that is not in the scope is an error instead of empty text. */
  strictVariables?: boolean;
  /** HTML-escapes every output (e-mail HTML); a template opts a value out with `| raw`. */
  escapeHtml?: boolean;
}

/**
 * Limits that keep one template (written by a marketer, filled with data from anyone who can send events) from
 * holding the process: characters parsed, milliseconds of rendering, and objects created while rendering.
 */
export const LIQUID_LIMITS = { parseLimit: 1_000_000, renderLimit: 250, memoryLimit: 10_000_000 } as const;

/**
 * Renders one Liquid text with Loa's filters. Filters are always strict (a misspelt filter is an error);
 * variables are lenient unless `strictVariables`. Errors are values, never thrown.
 */
export function renderLiquid(text: string, scope: object, options: RenderLiquidOptions): LiquidRender {
  try {
    const engine = engineFor(options.timezone, options.strictVariables ?? false, options.escapeHtml ?? false);
    return { ok: true, text: String(engine.liquid.renderSync(templatesOf(engine, text), scope)) };
  } catch (error) {
    return { ok: false, error: describeRenderError(error) };
  }
}

/** A Liquid engine with Loa's filters, for parsing and static analysis. */
export function createLoaLiquid(timezone: string, strictVariables = false, escapeHtml = false): Liquid {
  // lenientIf keeps `{% if contact.voucher %}` and `| default` usable for optional fields under strict variables.
  const liquid = new Liquid({
    strictFilters: true,
    strictVariables,
    lenientIf: true,
    timezoneOffset: timezone,
    ...(escapeHtml ? { outputEscape: 'escape' as const } : {}),
    ...LIQUID_LIMITS,
  });
  for (const [name, filter] of Object.entries(vietnameseFilters(timezone)))
    liquid.registerFilter(name, filter);
  return liquid;
}

function engineFor(timezone: string, strictVariables: boolean, escapeHtml: boolean): LiquidEngine {
  const key = `${timezone}|${strictVariables}|${escapeHtml}`;
  let engine = engines.get(key);
  if (!engine) {
    engine = { liquid: createLoaLiquid(timezone, strictVariables, escapeHtml), parsed: new Map() };
    engines.set(key, engine);
  }
  return engine;
}

function templatesOf(engine: LiquidEngine, text: string): Template[] {
  const cached = engine.parsed.get(text);
  if (cached) return cached;
  const templates = engine.liquid.parse(text);
  if (engine.parsed.size >= CACHE_LIMIT) engine.parsed.clear();
  engine.parsed.set(text, templates);
  return templates;
}

function describeRenderError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/, line:(\d+), col:(\d+)$/, ' (line $1, column $2)');
}
