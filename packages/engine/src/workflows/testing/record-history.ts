import type { WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where replay fixtures live: one `{ workflowId, history }` JSON file per recorded run. The history is protobufjs's
 * object form (enum names, int64 and bytes as strings), which round-trips through `History.fromObject`; the SDK's
 * proto3-JSON helpers (historyToJSON / historyFromJSON) do not work in this install, where @temporalio/common and
 * @temporalio/proto carry separate protobufjs copies.
 */
export const HISTORY_FIXTURES_DIR = join(__dirname, '..', '__fixtures__', 'histories');

/** Set to 1 to (re)write the replay fixtures from the tests that call recordHistory. */
export const RECORD_HISTORIES_ENV = 'LOA_RECORD_HISTORIES';

/**
 * Saves the history of the handle's latest run as a replay fixture, when LOA_RECORD_HISTORIES=1. Identities and
 * stack traces (which name this machine and its paths) are blanked: replay does not use them.
 */
export async function recordHistory(handle: WorkflowHandle, name: string): Promise<void> {
  if (process.env[RECORD_HISTORIES_ENV] !== '1') return;
  const { History } = temporal.api.history.v1;
  const history = History.toObject(
    (await handle.fetchHistory()) as temporal.api.history.v1.History,
    HISTORY_OBJECT_OPTIONS,
  );
  mkdirSync(HISTORY_FIXTURES_DIR, { recursive: true });
  const fixture = { workflowId: handle.workflowId, history: scrub(history) };
  writeFileSync(join(HISTORY_FIXTURES_DIR, `${name}.json`), `${JSON.stringify(fixture, null, 2)}\n`);
}

const HISTORY_OBJECT_OPTIONS = { longs: String, enums: String, bytes: String } as const;

/** A recorded fixture's history as the proto message the replay worker takes. */
export function historyOfFixture(history: unknown): temporal.api.history.v1.History {
  return temporal.api.history.v1.History.fromObject(history as Record<string, unknown>);
}

function scrub(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(scrub);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => {
      if (key === 'identity' && typeof item === 'string') return [key, 'loa-test'];
      if (key === 'stackTrace' && typeof item === 'string') return [key, ''];
      return [key, scrub(item)];
    }),
  );
}
