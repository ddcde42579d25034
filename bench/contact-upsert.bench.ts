// Contacts upserted per second by ContactsService.upsertMany in 500-row batches (the CSV import's batch size) on
// PostgreSQL: new contacts, then the same contacts updated, then updated again with every fifth row repeating the
// previous row's phone (targets: >= 2,000 rows/s created, >= 1,000 updated).
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AuditService } from '../apps/api/src/audit/audit.service';
import { AfterCommitSubscriber } from '../apps/api/src/contacts/after-commit';
import { ContactChanges } from '../apps/api/src/contacts/contact-changes';
import type { ContactWrite } from '../apps/api/src/contacts/contact-input';
import { ContactsService, type UpsertManyInput } from '../apps/api/src/contacts/contacts.service';
import { dataSourceOptions } from '../apps/api/src/database/data-source-options';
import { round } from './support/measure';

const ADMIN_URL = process.env.LOA_TEST_DATABASE_ADMIN_URL ?? 'postgres://loa:loa@127.0.0.1:5432/postgres';
const BATCH = 500;
const BATCHES = Number(process.env.LOA_BENCH_BATCHES ?? 10);
const CREATE_TARGET = 2000;
const UPDATE_TARGET = 1000;

/** An import-like row: phone and e-mail as a CSV holds them, a name, typed attributes and a tag. */
function row(batch: number, index: number, version: number): UpsertManyInput['rows'][number] {
  const n = batch * BATCH + index;
  const phone = `09${String(10_000_000 + n).padStart(8, '0')}`;
  const write: ContactWrite = {
    name: `Khách ${n} v${version}`,
    email: `khach.${n}@example.vn`,
    attributes: { plan: version === 0 ? 'basic' : 'pro', orders: String((n % 17) + version), city: 'Hà Nội' },
    tags: { add: [`import-${version}`] },
  };
  return { match: { phone }, write };
}

async function main(): Promise<void> {
  const database = `loa_bench_${Date.now().toString(36)}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  const dataSource = new DataSource(dataSourceOptions({ kind: 'postgres', url: url.toString() }));
  try {
    await dataSource.initialize();
    dataSource.subscribers.push(new AfterCommitSubscriber());
    const contacts = new ContactsService(dataSource, new ContactChanges(), new AuditService(dataSource));
    const [{ id: workspaceId }] = (await dataSource.query(
      'INSERT INTO workspaces (slug, name) VALUES ($1, $1) RETURNING id',
      [`bench-${randomUUID().slice(0, 8)}`],
    )) as { id: string }[];
    await dataSource.query(
      `INSERT INTO attribute_definitions (workspace_id, key, label, type, enum_values)
       VALUES ($1, 'plan', 'Plan', 'enum', '{basic,pro}'), ($1, 'orders', 'Orders', 'number', NULL)`,
      [workspaceId],
    );

    const runBatches = async (
      makeRow: (batch: number, index: number) => UpsertManyInput['rows'][number],
      expected: string,
    ) => {
      const rates: number[] = [];
      for (let batch = 0; batch < BATCHES; batch += 1) {
        const rows = Array.from({ length: BATCH }, (_, index) => makeRow(batch, index));
        const started = performance.now();
        const results = await contacts.upsertMany({ workspaceId, rows, mode: 'both', cause: 'import' });
        const seconds = (performance.now() - started) / 1000;
        const wrong = results.filter((result) => !result.ok || result.result.outcome !== expected);
        if (wrong.length > 0) throw new Error(`batch ${batch}: ${JSON.stringify(wrong[0])}`);
        rates.push(BATCH / seconds);
      }
      return rates;
    };
    // Warm-up: one batch of other contacts, so connections and plans are ready.
    await contacts.upsertMany({
      workspaceId,
      rows: Array.from({ length: BATCH }, (_, index) => row(BATCHES + 1, index, 0)),
      mode: 'both',
      cause: 'import',
    });
    const created = await runBatches((batch, index) => row(batch, index, 0), 'created');
    const updated = await runBatches((batch, index) => row(batch, index, 1), 'updated');
    // Every fifth row names the previous row's phone again, so the batch needs a second round.
    const repeated = await runBatches(
      (batch, index) =>
        index % 5 === 4
          ? { match: row(batch, index - 1, 2).match, write: { tags: { add: ['repeated'] } } }
          : row(batch, index, 2),
      'updated',
    );
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const figures = {
      batchSize: BATCH,
      batches: BATCHES,
      createdRowsPerSecond: created.map((rate) => round(rate, 0)),
      updatedRowsPerSecond: updated.map((rate) => round(rate, 0)),
      updatedWithRepeatsRowsPerSecond: repeated.map((rate) => round(rate, 0)),
      createdMedian: round(median(created), 0),
      updatedMedian: round(median(updated), 0),
      updatedWithRepeatsMedian: round(median(repeated), 0),
    };
    console.log(JSON.stringify(figures, null, 2));
    console.log(
      `ratio created median / ${CREATE_TARGET}: ${round(figures.createdMedian / CREATE_TARGET)} (target >= 1); ` +
        `updated median / ${UPDATE_TARGET}: ${round(figures.updatedMedian / UPDATE_TARGET)} (target >= 1)`,
    );
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${database}`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
