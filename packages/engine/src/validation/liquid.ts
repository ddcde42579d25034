import type { Liquid } from 'liquidjs';
import { createLoaLiquid } from '../personalisation/render-liquid';

export interface LiquidAnalysis {
  /** The parse error, when the text is not valid Liquid. */
  error?: string;
  /** Paths under `contact` the text reads, e.g. "attributes.city" for {{ contact.attributes.city }}. */
  contactPaths: string[];
}

const CACHE_LIMIT = 5000;
const cache = new Map<string, LiquidAnalysis>();
let engine: Liquid | undefined;

/** Texts with no Liquid markup: constants. */
export function hasLiquidMarkup(text: string): boolean {
  return text.includes('{{') || text.includes('{%');
}

/**
 * Parses a Liquid text and lists the contact fields it reads. Memoised by text: the builder validates on every
 * edit and most texts do not change between two runs.
 */
export function analyzeLiquid(text: string): LiquidAnalysis {
  if (!hasLiquidMarkup(text) && !text.includes('}}') && !text.includes('%}')) return { contactPaths: [] };
  const cached = cache.get(text);
  if (cached !== undefined) return cached;
  const analysis = analyze(text);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, analysis);
  return analysis;
}

function analyze(text: string): LiquidAnalysis {
  engine ??= createLoaLiquid('Asia/Ho_Chi_Minh');
  let templates;
  try {
    templates = engine.parse(text);
  } catch (error) {
    return { error: describeError(error), contactPaths: [] };
  }
  const contactPaths = new Set<string>();
  try {
    for (const segments of engine.globalVariableSegmentsSync(templates, { partials: false })) {
      if (segments[0] !== 'contact') continue;
      const names: string[] = [];
      for (let i = 1; i < segments.length; i++) {
        const segment = segments[i];
        if (typeof segment !== 'string') break;
        names.push(segment);
      }
      if (names.length > 0) contactPaths.add(names.join('.'));
    }
  } catch {
    // Static analysis is a help, not a check: a text it cannot follow is still valid Liquid.
  }
  return { contactPaths: [...contactPaths] };
}

function describeError(error: unknown): string {
  if (error instanceof RangeError) return 'it is nested too deeply';
  const message = error instanceof Error ? error.message : String(error);
  const clipped = message.length > 200 ? `${message.slice(0, 199)}…` : message;
  return clipped.replace(/, line:(\d+), col:(\d+)$/, ' (line $1, column $2)');
}
