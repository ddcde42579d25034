import type { Liquid } from 'liquidjs';
import { createLoaLiquid } from './render-liquid';

/** Why a text is not valid Liquid, and where (1-based), when liquidjs can tell. */
export interface LiquidSyntaxError {
  message: string;
  line?: number;
  column?: number;
}

let engine: Liquid | undefined;

/**
 * Parses a Liquid text with Loa's filters (a misspelt filter is a syntax error) without rendering it; undefined
 * when it parses. Used where a text is saved, so that a broken placeholder is refused before any send.
 */
export function findLiquidSyntaxError(text: string): LiquidSyntaxError | undefined {
  engine ??= createLoaLiquid('UTC');
  try {
    engine.parse(text);
    return undefined;
  } catch (error) {
    if (error instanceof RangeError) return { message: 'it is nested too deeply' };
    return describe(error);
  }
}

function describe(error: unknown): LiquidSyntaxError {
  const raw = error instanceof Error ? error.message : String(error);
  const position = /, line:(\d+), col:(\d+)$/.exec(raw);
  const message = (position ? raw.slice(0, position.index) : raw).slice(0, 200);
  return position ? { message, line: Number(position[1]), column: Number(position[2]) } : { message };
}
