const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** How a template reads `key` under `root`: `contact.city`, or `event["order-id"]` for keys that are not names. */
export function liquidPath(root: string, key: string): string {
  return IDENTIFIER.test(key) ? `${root}.${key}` : `${root}[${JSON.stringify(key)}]`;
}

/** The placeholder to put in a template param: `{{ contact.city }}`. */
export function liquidPlaceholder(path: string): string {
  return `{{ ${path} }}`;
}
