import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bull';
import { stringify } from 'csv-stringify';
import type { Request } from 'express';
import type { DataSource } from 'typeorm';
import { LOA_CONFIG, type LoaConfig } from '../config/loa-config';
import { ProblemException, problems } from '../http/problem';
import { detectDelimiter } from './detect-delimiter';
import type { StartImport } from './import-mapping';
import { CONTACT_IMPORT_JOB_OPTIONS, CONTACT_IMPORT_QUEUE, type ContactImportJob } from './import-queue';
import type { ImportRecord } from './import-record';
import { ImportsStore } from './imports.store';
import { checkMappedAttributes, defineAttributes } from './mapped-attributes';
import { proposeMapping } from './propose-mapping';
import { readPreview } from './read-preview';
import { receiveCsvUpload } from './receive-upload';
import { resolveMapping } from './resolve-mapping';

const ERROR_PAGE = 1000;

/** Where an import's file is kept while the import exists. */
export function importFilePath(dataDir: string, workspaceId: string, id: string): string {
  return join(dataDir, 'imports', workspaceId, `${id}.csv`);
}

/** CSV imports of contacts: upload and preview, start (or dry run), progress, cancel and the error rows. */
@Injectable()
export class ImportsService {
  constructor(
    @Inject(LOA_CONFIG) private readonly config: LoaConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(CONTACT_IMPORT_QUEUE) private readonly queue: Queue<ContactImportJob>,
    private readonly store: ImportsStore,
  ) {}

  /** Stores the uploaded file and answers its shape: delimiter, header, sample rows and a proposed mapping. */
  async upload(workspaceId: string, req: Request) {
    const id = randomUUID();
    const path = importFilePath(this.config.dataDir, workspaceId, id);
    const file = await receiveCsvUpload(req, { path, maxBytes: this.config.imports.maxBytes });
    const delimiter = detectDelimiter({ sample: file.sample, truncated: file.truncated });
    const { header, sampleRows } = await readPreview(path, delimiter);
    const proposedMapping = proposeMapping(header, sampleRows);
    await this.store.insert({
      id,
      workspaceId,
      fileName: file.fileName,
      size: file.size,
      delimiter,
      header,
      mapping: proposedMapping,
    });
    return { id, fileName: file.fileName, size: file.size, delimiter, header, sampleRows, proposedMapping };
  }

  async get(workspaceId: string, id: string): Promise<ImportRecord> {
    const found = await this.store.find(workspaceId, id);
    if (!found) throw problems.notFound('Import');
    return found;
  }

  list(workspaceId: string, limit: number): Promise<ImportRecord[]> {
    return this.store.list(workspaceId, limit);
  }

  /**
   * Checks the mapping against the file and the workspace's attributes, saves it (defining new attributes unless
   * this is a dry run) and queues the job. An uploaded import starts; a finished dry run may start again.
   */
  async start(workspaceId: string, id: string, start: StartImport): Promise<ImportRecord> {
    const queued = await this.prepare(workspaceId, id, start);
    try {
      await this.queue.add({ importId: id, workspaceId }, CONTACT_IMPORT_JOB_OPTIONS);
    } catch (error) {
      await this.store.unqueue(id);
      throw new ProblemException(503, `The import could not be queued: ${String(error)}`);
    }
    return queued;
  }

  /** Everything `start` does but queueing the job (which the job runner, or a test, then runs). */
  async prepare(workspaceId: string, id: string, start: StartImport): Promise<ImportRecord> {
    return this.dataSource.transaction(async (manager) => {
      const current = await manager.query(
        `SELECT status, dry_run, header FROM imports WHERE workspace_id = $1 AND id = $2 FOR UPDATE`,
        [workspaceId, id],
      );
      const row = (current as Array<{ status: string; dry_run: boolean; header: string[] }>)[0];
      if (!row) throw problems.notFound('Import');
      const restartable =
        row.status === 'uploaded' || (row.dry_run && row.status !== 'queued' && row.status !== 'running');
      if (!restartable)
        throw problems.conflict(`The import is ${row.status}; upload the file again to import it again`);
      const resolved = resolveMapping(row.header, start);
      if (!resolved.ok) throw problems.validation(resolved.errors);
      const attributes = await checkMappedAttributes(manager, workspaceId, start.mapping);
      if (attributes.errors.length > 0) throw problems.validation(attributes.errors);
      if (!start.dryRun) await defineAttributes(manager, workspaceId, attributes.missing);
      return this.store.queue(manager, { workspaceId, id, start });
    });
  }

  async cancel(workspaceId: string, id: string): Promise<ImportRecord> {
    const cancelled = await this.store.requestCancel(workspaceId, id);
    if (cancelled) return cancelled;
    const current = await this.get(workspaceId, id);
    throw problems.conflict(`The import is ${current.status} and cannot be cancelled`);
  }

  /** The import's error rows as CSV (row, column, reason), streamed page by page from the database. */
  async errorsCsv(workspaceId: string, id: string): Promise<Readable> {
    await this.get(workspaceId, id);
    const store = this.store;
    async function* rows() {
      let afterId = '0';
      for (;;) {
        const page = await store.errorsPage(id, afterId, ERROR_PAGE);
        for (const error of page) yield [error.row_number, error.column_name, error.reason];
        if (page.length < ERROR_PAGE) return;
        afterId = page[page.length - 1].id;
      }
    }
    return Readable.from(rows()).pipe(
      stringify({ bom: true, header: true, columns: ['row', 'column', 'reason'] }),
    );
  }
}
