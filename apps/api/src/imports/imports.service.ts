import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bull';
import { stringify } from 'csv-stringify';
import type { Request } from 'express';
import type { DataSource } from 'typeorm';
import { LOA_CONFIG, type LoaConfig } from '../config/loa-config';
import { AttributeDefinitionsService } from '../contacts/attributes/attribute-definitions.service';
import { ProblemException, problems } from '../http/problem';
import { detectDelimiter } from './detect-delimiter';
import { importFilePath } from './import-file-path';
import type { StartImport } from './import-mapping';
import { CONTACT_IMPORT_JOB_OPTIONS, CONTACT_IMPORT_QUEUE, type ContactImportJob } from './import-queue';
import type { ImportRecord } from './import-record';
import { ImportsStore } from './imports.store';
import { checkMappedAttributes, type MissingAttribute } from './mapped-attributes';
import { proposeMapping } from './propose-mapping';
import { readPreview } from './read-preview';
import { receiveCsvUpload } from './receive-upload';
import { resolveMapping } from './resolve-mapping';

const ERROR_PAGE = 1000;

/** An uploaded import starts; a dry run that has finished may start again (as a dry run or for real). */
function assertStartable(current: ImportRecord): void {
  const finishedDryRun = current.dryRun && ['completed', 'failed', 'cancelled'].includes(current.status);
  if (current.status !== 'uploaded' && !finishedDryRun)
    throw problems.conflict(`The import is ${current.status}; upload the file again to import it again`);
}

/** CSV imports of contacts: upload and preview, start (or dry run), progress, cancel and the error rows. */
@Injectable()
export class ImportsService {
  constructor(
    @Inject(LOA_CONFIG) private readonly config: LoaConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(CONTACT_IMPORT_QUEUE) private readonly queue: Queue<ContactImportJob>,
    private readonly store: ImportsStore,
    private readonly attributeDefinitions: AttributeDefinitionsService,
  ) {}

  /** Stores the uploaded file and answers its shape: delimiter, header, sample rows and a proposed mapping. */
  async upload(workspaceId: string, req: Request) {
    const id = randomUUID();
    const path = importFilePath(this.config.dataDir, workspaceId, id);
    const file = await receiveCsvUpload(req, { path, maxBytes: this.config.imports.maxBytes });
    try {
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
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    }
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
    const current = await this.get(workspaceId, id);
    assertStartable(current);
    const resolved = resolveMapping(current.header, start);
    if (!resolved.ok) throw problems.validation(resolved.errors);
    const attributes = await checkMappedAttributes(this.dataSource.manager, workspaceId, start.mapping);
    if (attributes.errors.length > 0) throw problems.validation(attributes.errors);
    if (!start.dryRun) for (const attribute of attributes.missing) await this.define(workspaceId, attribute);
    return this.dataSource.transaction(async (manager) => {
      const locked = await this.store.find(workspaceId, id, manager, { lock: true });
      if (!locked) throw problems.notFound('Import');
      assertStartable(locked);
      return this.store.queue(manager, { workspaceId, id, start });
    });
  }

  /**
   * Declares an attribute the import writes through the contacts module, which converts the values contacts
   * already hold or refuses (then a 422 naming the mapping's type); one declared meanwhile with the same type is fine.
   */
  private async define(workspaceId: string, attribute: MissingAttribute): Promise<void> {
    try {
      await this.attributeDefinitions.create(workspaceId, attribute);
    } catch (error) {
      if (!(error instanceof ProblemException) || error.getStatus() !== 409) throw error;
      const mapping = [
        { column: '', target: { kind: 'attribute' as const, key: attribute.key, type: attribute.type } },
      ];
      const now = await checkMappedAttributes(this.dataSource.manager, workspaceId, mapping);
      if (now.errors.length === 0 && now.missing.length === 0) return;
      throw problems.field(
        'body',
        `mapping.${attribute.position}.target.type`,
        `cannot define ${attribute.key}: ${error.detail}`,
      );
    }
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
