/** How one template param is filled: a mapped field, fixed text, or a Liquid expression the marketer wrote. */
export type ParamMapping =
  | { kind: 'field'; path: string }
  | { kind: 'literal'; text: string }
  | { kind: 'liquid'; expression: string };

const SINGLE_OUTPUT = /^\{\{\s*([A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*|\["[^"\\]*"\])*)\s*\}\}$/;
const LIQUID_MARKUP = /\{\{|\{%|\}\}|%\}/;

/** Reads the Liquid text stored in the node's params back into the mapping the form shows. */
export function mappingFromLiquid(value: string, knownPaths: ReadonlySet<string>): ParamMapping {
  const output = SINGLE_OUTPUT.exec(value.trim());
  const path = output?.[1];
  if (path !== undefined && knownPaths.has(path)) return { kind: 'field', path };
  const raw = /^\{% raw %\}([\s\S]*)\{% endraw %\}$/.exec(value);
  const rawText = raw?.[1];
  if (rawText !== undefined && !rawText.includes('{% endraw %}')) return { kind: 'literal', text: rawText };
  if (!LIQUID_MARKUP.test(value)) return { kind: 'literal', text: value };
  return { kind: 'liquid', expression: value };
}

/** The Liquid text the engine renders for a mapping; literal text that looks like Liquid is kept verbatim. */
export function liquidFromMapping(mapping: ParamMapping): string {
  switch (mapping.kind) {
    case 'field':
      return `{{ ${mapping.path} }}`;
    case 'literal':
      return LIQUID_MARKUP.test(mapping.text) ? `{% raw %}${mapping.text}{% endraw %}` : mapping.text;
    case 'liquid':
      return mapping.expression;
  }
}
