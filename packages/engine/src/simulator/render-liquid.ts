import { Liquid, type Template } from 'liquidjs';

const CACHE_LIMIT = 2000;

interface LiquidEngine {
  liquid: Liquid;
  parsed: Map<string, Template[]>;
}

const engines = new Map<string, LiquidEngine>();

export type LiquidRender = { ok: true; text: string } | { ok: false; error: string };

/**
 * Renders one Liquid text with strict filters (a misspelt filter is an error) and lenient variables (a missing
 * field renders empty); the `date` filter works in `timezone`. Errors are values, never thrown.
 */
export function renderLiquid(text: string, scope: object, timezone: string): LiquidRender {
  try {
    const engine = engineFor(timezone);
    return { ok: true, text: String(engine.liquid.renderSync(templatesOf(engine, text), scope)) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

function engineFor(timezone: string): LiquidEngine {
  let engine = engines.get(timezone);
  if (!engine) {
    engine = {
      liquid: new Liquid({ strictFilters: true, strictVariables: false, timezoneOffset: timezone }),
      parsed: new Map(),
    };
    engines.set(timezone, engine);
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
