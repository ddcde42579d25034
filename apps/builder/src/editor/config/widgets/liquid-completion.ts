/** One variable a Liquid text can read, as completion offers it. */
export interface LiquidVariable {
  /** What goes between the braces: contact.name, event.orderId, event["mã-giảm"]. */
  path: string;
  label: string;
  group: string;
}

export interface CompletionQuery {
  /** Where the "{{" being completed starts. */
  start: number;
  query: string;
}

/** The placeholder being typed just before the caret ("Chào {{ cont" -> start 5, query "cont"), if any. */
export function completionAt(text: string, caret: number): CompletionQuery | undefined {
  const before = text.slice(0, caret);
  const match = /\{\{\s*([\w.[\]"-]*)$/.exec(before);
  if (!match) return undefined;
  return { start: match.index, query: match[1] ?? '' };
}

export function matchingVariables(variables: LiquidVariable[], query: string, limit = 12): LiquidVariable[] {
  const needle = query.toLowerCase();
  const scored = variables
    .map((variable) => {
      const path = variable.path.toLowerCase();
      const label = variable.label.toLowerCase();
      const rank = path.startsWith(needle) ? 0 : path.includes(needle) ? 1 : label.includes(needle) ? 2 : -1;
      return { variable, rank };
    })
    .filter((entry) => entry.rank >= 0)
    .sort((a, b) => a.rank - b.rank);
  return scored.slice(0, limit).map((entry) => entry.variable);
}

/** The text range to replace and the placeholder to put there, swallowing a "}}" already after the caret. */
export function completionEdit(
  text: string,
  caret: number,
  at: CompletionQuery,
  variable: LiquidVariable,
): { from: number; to: number; insert: string } {
  const closing = /^\s*\}\}/.exec(text.slice(caret));
  return { from: at.start, to: caret + (closing ? closing[0].length : 0), insert: `{{ ${variable.path} }}` };
}
