import { KNOWN_DEPENDENCIES, type DependencyCheck, type HealthReport, type Status } from './health';

export type ParseHealthResult = { ok: true; report: HealthReport } | { ok: false; reason: string };

/** Validates a decoded GET /health body against the API contract; the reason names the first problem found. */
export function parseHealth(body: unknown): ParseHealthResult {
  try {
    return { ok: true, report: readReport(body) };
  } catch (error) {
    if (error instanceof ShapeError) return { ok: false, reason: error.message };
    throw error;
  }
}

class ShapeError extends Error {}

function fail(path: string, expected: string, value: unknown): never {
  throw new ShapeError(`${path} should be ${expected}, got ${describe(value)}`);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readStatus(value: unknown, path: string): Status {
  if (value === 'up' || value === 'down') return value;
  return fail(path, '"up" or "down"', value);
}

function readOptionalText(value: unknown, path: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  return fail(path, 'a string', value);
}

function readCheck(value: unknown, path: string): DependencyCheck {
  if (!isObject(value)) return fail(path, 'an object', value);
  const latencyMs = value['latencyMs'];
  if (typeof latencyMs !== 'number' || !Number.isFinite(latencyMs) || latencyMs < 0) {
    fail(`${path}.latencyMs`, 'a non-negative number', latencyMs);
  }
  const check: DependencyCheck = { status: readStatus(value['status'], `${path}.status`), latencyMs };
  const detail = readOptionalText(value['detail'], `${path}.detail`);
  const error = readOptionalText(value['error'], `${path}.error`);
  if (detail !== undefined) check.detail = detail;
  if (error !== undefined) check.error = error;
  return check;
}

function readReport(body: unknown): HealthReport {
  if (!isObject(body)) return fail('the body', 'a JSON object', body);
  const status = readStatus(body['status'], 'status');
  const checkedAt = body['checkedAt'];
  if (typeof checkedAt !== 'string' || Number.isNaN(Date.parse(checkedAt))) {
    fail('checkedAt', 'an ISO date-time', checkedAt);
  }
  const rawChecks = body['checks'];
  if (!isObject(rawChecks)) return fail('checks', 'an object', rawChecks);
  for (const key of KNOWN_DEPENDENCIES) {
    if (!(key in rawChecks)) throw new ShapeError(`checks.${key} is missing`);
  }
  const checks: Record<string, DependencyCheck> = {};
  for (const [key, value] of Object.entries(rawChecks)) {
    checks[key] = readCheck(value, `checks.${key}`);
  }
  return { status, checkedAt, checks };
}
