import { createReadStream } from 'node:fs';
import { type BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CsvError, parse } from 'csv-parse';
import type { DataSource } from 'typeorm';
import { LOA_CONFIG, type LoaConfig } from '../config/loa-config';
import { workspaceTimezone } from '../contacts/contact-store';
import { ContactsService } from '../contacts/contacts.service';
import { tallyBatch } from './tally-batch';
import type { ImportRecord } from './import-record';
import { ImportsStore } from './imports.store';
import { importFilePath } from './import-file-path';
import { enumValuesOf } from './mapped-attributes';
import { type RecordContext, recordToContact } from './record-to-contact';
import { resolveMapping } from './resolve-mapping';

export const IMPORT_BATCH_ROWS = 500;

/** A failure that running again cannot fix (unreadable CSV, missing file): the import fails at once. */
export class PermanentImportFailure extends Error {}

/** The process is shutting down: the attempt stops between batches and a later attempt resumes. */
export class ImportInterrupted extends Error {}

export interface RunHooks {
  /** Called after each committed batch with the rows committed so far (tests simulate a crash here). */
  afterBatch?: (committedRows: number) => void | Promise<void>;
  rowsPerBatch?: number;
}

interface NumberedRecord {
  rowNumber: number;
  record: string[];
}

type BatchOutcome = 'committed' | 'cancelled' | 'superseded';

/**
 * Runs one import: streams its file with csv-parse, skips the rows an earlier attempt committed, and writes each
 * batch of rows (contacts, error rows, counts and the resume point) in one transaction, so a crash at any moment
 * resumes exactly after the last committed batch. Stops at a batch boundary when cancelled. A dry run rolls the
 * contact writes of each batch back and keeps only the counts and errors.
 */
@Injectable()
export class ImportRunner implements BeforeApplicationShutdown {
  private readonly logger = new Logger(ImportRunner.name);
  private stopping = false;

  constructor(
    @Inject(LOA_CONFIG) private readonly config: LoaConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: ImportsStore,
    private readonly contacts: ContactsService,
  ) {}

  /** Lets a running job stop at its next batch boundary, so the queue can close without waiting for the file. */
  beforeApplicationShutdown(): void {
    this.stopping = true;
  }

  async run(workspaceId: string, importId: string, hooks: RunHooks = {}): Promise<void> {
    const current = await this.store.find(workspaceId, importId);
    if (!current) return;
    if (!(await this.store.markRunning(importId))) {
      // Cancelled while no attempt ran (between a failed attempt and its retry, or after a crash): no batch
      // boundary will ever see the request, so the import ends here.
      await this.store.finishIfCancelRequested(importId);
      return;
    }
    const resolved = resolveMapping(current.header, {
      mapping: current.mapping,
      identityKey: current.identityKey ?? undefined,
    });
    if (!resolved.ok) throw new PermanentImportFailure('the saved mapping no longer fits the file');
    const attributeKeys = resolved.plan.columns.flatMap((column) =>
      column.target.kind === 'attribute' ? [column.target.key] : [],
    );
    const context: RecordContext = {
      plan: resolved.plan,
      headerLength: current.header.length,
      timezone: (await workspaceTimezone(this.dataSource.manager, workspaceId)) ?? 'Asia/Ho_Chi_Minh',
      enumValues: await enumValuesOf(this.dataSource.manager, workspaceId, attributeKeys),
    };
    const outcome = await this.readBatches(current, context, hooks);
    if (outcome === 'committed') await this.store.finish(importId, 'completed');
    this.logger.log({ msg: 'import finished', workspaceId, importId, outcome });
  }

  private async readBatches(
    current: ImportRecord,
    context: RecordContext,
    hooks: RunHooks,
  ): Promise<BatchOutcome> {
    const rowsPerBatch = hooks.rowsPerBatch ?? IMPORT_BATCH_ROWS;
    let committed = current.committedRows;
    let dataRows = -1; // the header is row 0
    let batch: NumberedRecord[] = [];
    const flush = async (): Promise<BatchOutcome> => {
      if (this.stopping)
        throw new ImportInterrupted('the process is shutting down; the next attempt resumes');
      const outcome = await this.writeBatch(current, context, committed, batch);
      if (outcome !== 'committed') return outcome;
      committed += batch.length;
      batch = [];
      await hooks.afterBatch?.(committed);
      return outcome;
    };
    const parser = this.openFile(current);
    try {
      for await (const parsed of parser) {
        const { record, info } = parsed as { record: string[]; info: { empty_lines: number } };
        dataRows += 1;
        if (dataRows === 0 || dataRows <= committed) continue;
        // Row numbers as a spreadsheet shows the file: skipped empty lines are rows too.
        batch.push({ rowNumber: dataRows + 1 + info.empty_lines, record });
        if (batch.length < rowsPerBatch) continue;
        const outcome = await flush();
        if (outcome !== 'committed') return outcome;
      }
    } catch (error) {
      if (error instanceof CsvError)
        throw new PermanentImportFailure(`the file is not valid CSV: ${error.message}`);
      throw error;
    } finally {
      parser.destroy();
    }
    return batch.length > 0 ? flush() : this.writeBatch(current, context, committed, []);
  }

  private openFile(current: ImportRecord) {
    const path = importFilePath(this.config.dataDir, current.workspaceId, current.id);
    const file = createReadStream(path);
    const parser = parse({
      delimiter: current.delimiter,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    });
    file.on('error', (error) =>
      parser.destroy(
        new PermanentImportFailure(
          `the uploaded file cannot be read (${(error as NodeJS.ErrnoException).code})`,
        ),
      ),
    );
    return file.pipe(parser);
  }

  /**
   * One batch in one transaction, under a lock on the import row: stops if the import was cancelled or another
   * worker already moved past `committed` (a stalled job picked up twice), else upserts the rows and records
   * errors, counts and the new resume point. An empty batch only checks for cancellation.
   */
  private async writeBatch(
    current: ImportRecord,
    context: RecordContext,
    committed: number,
    batch: NumberedRecord[],
  ): Promise<BatchOutcome> {
    const converted = batch.map(({ rowNumber, record }) => ({
      rowNumber,
      converted: recordToContact(record, context),
    }));
    return this.dataSource.transaction(async (manager) => {
      const state = await this.store.lockForBatch(manager, current.id);
      if (!state || state.status !== 'running') return 'superseded';
      if (state.cancel_requested) {
        await this.store.finish(current.id, 'cancelled', null, manager);
        return 'cancelled';
      }
      if (state.committed_rows !== committed) return 'superseded';
      if (batch.length === 0) return 'committed';
      const valid = converted.flatMap((entry) =>
        entry.converted.ok ? [{ ...entry, row: entry.converted.row }] : [],
      );
      if (current.dryRun) await manager.query('SAVEPOINT import_dry_run');
      const results =
        valid.length === 0
          ? []
          : await this.contacts.upsertMany({
              workspaceId: current.workspaceId,
              rows: valid.map((entry) => entry.row),
              mode: current.mode ?? 'both',
              cause: 'import',
              manager,
              notify: !current.dryRun,
            });
      if (current.dryRun) await manager.query('ROLLBACK TO SAVEPOINT import_dry_run');
      const { counts, errors } = tallyBatch({ plan: context.plan, converted, valid, results });
      await this.store.commitBatch(manager, { id: current.id, counts, errors });
      return 'committed';
    });
  }
}
