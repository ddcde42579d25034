import { z } from 'zod';

type Json = Record<string, unknown>;

/** Dotted paths of the fields a connector's account schema marks `secret` in its metadata, e.g. `auth.pass`. */
export function secretPaths(schema: z.ZodType, prefix = ''): string[] {
  const inner = unwrap(schema);
  if (!(inner instanceof z.ZodObject)) return [];
  return Object.entries(inner.shape as Record<string, z.ZodType>).flatMap(([key, field]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return isSecret(field) ? [path] : secretPaths(field, path);
  });
}

/** Splits a configuration into what may be shown and the secrets, keyed by path; the secrets leave `shown`. */
export function splitSecrets(
  config: Json,
  paths: readonly string[],
): { shown: Json; secrets: Record<string, string> } {
  const shown = structuredClone(config);
  const secrets: Record<string, string> = {};
  for (const path of paths) {
    const keys = path.split('.');
    const last = keys.pop() as string;
    const parent = keys.reduce<Json | undefined>((node, key) => asObject(node?.[key]), shown);
    if (parent && typeof parent[last] === 'string') {
      secrets[path] = parent[last];
      delete parent[last];
    }
  }
  return { shown, secrets };
}

/**
 * Puts stored secrets back at their paths, under parents the configuration still has: a secret given anew wins, and
 * a group the configuration leaves out (say SMTP `auth`) drops its secrets with it.
 */
export function mergeSecrets(config: Json, secrets: Record<string, string>): Json {
  const merged = structuredClone(config);
  for (const [path, value] of Object.entries(secrets)) {
    const keys = path.split('.');
    const last = keys.pop() as string;
    const parent = keys.reduce<Json | undefined>((node, key) => asObject(node?.[key]), merged);
    if (parent && parent[last] === undefined) parent[last] = value;
  }
  return merged;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  for (let depth = 0; depth < 10; depth += 1) {
    const def = current._zod.def as { innerType?: z.ZodType; in?: z.ZodType };
    const next = def.innerType ?? def.in;
    if (!next) return current;
    current = next;
  }
  return current;
}

function isSecret(schema: z.ZodType): boolean {
  for (let current: z.ZodType | undefined = schema, depth = 0; current && depth < 10; depth += 1) {
    if ((current.meta() as { secret?: unknown } | undefined)?.secret === true) return true;
    const def = current._zod.def as { innerType?: z.ZodType; in?: z.ZodType };
    current = def.innerType ?? def.in;
  }
  return false;
}

function asObject(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}
