import { rm } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getQueueToken } from '@nestjs/bull';
import type { INestApplication } from '@nestjs/common';
import type { Queue } from 'bull';
import { parse } from 'csv-parse/sync';
import { createApp } from '../create-app';
import { testConfig } from '../testing/test-config';
import { seedTestWorkspace, type TestWorkspace } from '../testing/test-workspace';
import { CONTACT_IMPORT_QUEUE, type ContactImportJob } from './import-queue';
import { ImportInterrupted, ImportRunner } from './import-runner';
import { importFilePath } from './import-file-path';
import { ImportsService } from './imports.service';
import { contactsCsv, contactsOf, finished, uploaded } from './testing/import-helpers';

describe('the import job: cancel, crash and resume', () => {
  let app: INestApplication;
  let dataDir: string;
  let ws: TestWorkspace;
  let runner: ImportRunner;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'loa-import-runs-'));
    app = await createApp(testConfig({ LOA_DATA_DIR: dataDir }));
    await app.init();
    runner = app.get(ImportRunner);
  });

  beforeEach(async () => {
    ws = await seedTestWorkspace(app);
  });

  afterAll(async () => {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  /** Uploads `csv` and saves its proposed mapping without queueing a job, so the test runs the job itself. */
  async function prepared(csv: string): Promise<string> {
    const { id, proposedMapping } = await uploaded(ws.as.marketer, csv);
    await app
      .get(ImportsService)
      .prepare(ws.workspaceId, id, { mapping: proposedMapping, mode: 'both', dryRun: false });
    return id;
  }

  it('stops at the next batch boundary when cancelled and keeps what it counted', async () => {
    const id = await prepared(contactsCsv(1000));
    await runner.run(ws.workspaceId, id, {
      rowsPerBatch: 100,
      afterBatch: async (committed) => {
        if (committed === 300) await ws.as.marketer.post(`/imports/${id}/cancel`).expect(202);
      },
    });
    const state = await ws.as.marketer.get(`/imports/${id}`).expect(200);
    expect(state.body).toMatchObject({ status: 'cancelled', cancelRequested: true });
    expect(state.body.progress).toEqual({
      rowsRead: 300,
      created: 300,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      failed: 0,
    });
    expect(await contactsOf(app, ws.workspaceId)).toHaveLength(300);
    await ws.as.marketer.post(`/imports/${id}/cancel`).expect(409);
  });

  it('cancels an import that has not started at once', async () => {
    const { id, proposedMapping } = await uploaded(ws.as.marketer, contactsCsv(3));
    const cancelled = await ws.as.marketer.post(`/imports/${id}/cancel`).expect(202);
    expect(cancelled.body).toMatchObject({ status: 'cancelled' });
    await ws.as.marketer.post(`/imports/${id}/start`).send({ mapping: proposedMapping }).expect(409);
    expect(await contactsOf(app, ws.workspaceId)).toEqual([]);
  });

  it('resumes after a crash exactly after the last committed batch, without duplicating a contact', async () => {
    const repeated = contactsCsv(50).split('\n').slice(1).join('\n');
    const invalid = 'Khách X,12345,Huế\nKhách Y,,Huế\nKhách Z,0912,Huế\n';
    const id = await prepared(contactsCsv(400) + repeated + invalid);
    const crash = new Error('simulated worker crash');
    await expect(
      runner.run(ws.workspaceId, id, {
        rowsPerBatch: 100,
        afterBatch: (committed) => {
          if (committed === 200) throw crash;
        },
      }),
    ).rejects.toBe(crash);
    const crashed = await ws.as.marketer.get(`/imports/${id}`).expect(200);
    expect(crashed.body).toMatchObject({ status: 'running' });
    expect(crashed.body.progress).toMatchObject({ rowsRead: 200, created: 200 });

    // Bull gives the job to a worker again (as after a stalled or failed attempt): it picks up at row 201.
    await app
      .get<Queue<ContactImportJob>>(getQueueToken(CONTACT_IMPORT_QUEUE))
      .add({ importId: id, workspaceId: ws.workspaceId });
    const done = await finished(ws.as.marketer, id);
    expect(done.status).toBe('completed');
    expect(done.progress).toEqual({
      rowsRead: 453,
      created: 400,
      updated: 0,
      unchanged: 50,
      skipped: 0,
      failed: 3,
    });
    expect(await contactsOf(app, ws.workspaceId)).toHaveLength(400);
    const errors = await ws.as.marketer.get(`/imports/${id}/errors.csv`).expect(200);
    expect(parse(errors.text, { bom: true })).toEqual([
      ['row', 'column', 'reason'],
      ['452', 'Số điện thoại', 'is not a valid Vietnamese phone number'],
      ['453', 'Số điện thoại', 'is empty; it identifies the contact'],
      ['454', 'Số điện thoại', 'is not a valid Vietnamese phone number'],
    ]);
  });

  it('ends as cancelled when cancelled while no attempt was running (after a crash, before the retry)', async () => {
    const id = await prepared(contactsCsv(300));
    const crash = new Error('simulated worker crash');
    await expect(
      runner.run(ws.workspaceId, id, {
        rowsPerBatch: 100,
        afterBatch: (committed) => {
          if (committed === 100) throw crash;
        },
      }),
    ).rejects.toBe(crash);
    await ws.as.marketer.post(`/imports/${id}/cancel`).expect(202);

    await runner.run(ws.workspaceId, id, { rowsPerBatch: 100 });
    const state = await ws.as.marketer.get(`/imports/${id}`).expect(200);
    expect(state.body).toMatchObject({ status: 'cancelled', progress: { rowsRead: 100, created: 100 } });
    expect(state.body.finishedAt).not.toBeNull();
    expect(await contactsOf(app, ws.workspaceId)).toHaveLength(100);
  });

  it('stops between batches when its process shuts down, and another process resumes', async () => {
    const id = await prepared(contactsCsv(300));
    const stopping = await createApp(testConfig({ LOA_DATA_DIR: dataDir }));
    await stopping.init();
    try {
      const stoppingRunner = stopping.get(ImportRunner);
      await expect(
        stoppingRunner.run(ws.workspaceId, id, {
          rowsPerBatch: 100,
          afterBatch: () => stoppingRunner.beforeApplicationShutdown(),
        }),
      ).rejects.toBeInstanceOf(ImportInterrupted);
    } finally {
      await stopping.close();
    }
    expect((await ws.as.marketer.get(`/imports/${id}`).expect(200)).body.progress.rowsRead).toBe(100);
    await runner.run(ws.workspaceId, id, { rowsPerBatch: 100 });
    const state = await ws.as.marketer.get(`/imports/${id}`).expect(200);
    expect(state.body).toMatchObject({ status: 'completed' });
    expect(state.body.progress).toEqual({
      rowsRead: 300,
      created: 300,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      failed: 0,
    });
    expect(await contactsOf(app, ws.workspaceId)).toHaveLength(300);
  });

  it('counts each batch once when two workers run the same import at the same time', async () => {
    const id = await prepared(contactsCsv(600));
    await Promise.all([
      runner.run(ws.workspaceId, id, { rowsPerBatch: 50 }),
      runner.run(ws.workspaceId, id, { rowsPerBatch: 50 }),
    ]);
    const state = await ws.as.marketer.get(`/imports/${id}`).expect(200);
    expect(state.body.status).toBe('completed');
    expect(state.body.progress).toEqual({
      rowsRead: 600,
      created: 600,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      failed: 0,
    });
    expect(await contactsOf(app, ws.workspaceId)).toHaveLength(600);
  });

  it('fails, saying why, when the stored file is gone', async () => {
    const { id, proposedMapping } = await uploaded(ws.as.marketer, contactsCsv(3));
    await rm(importFilePath(dataDir, ws.workspaceId, id));
    await ws.as.marketer.post(`/imports/${id}/start`).send({ mapping: proposedMapping }).expect(202);
    const done = await finished(ws.as.marketer, id);
    expect(done).toMatchObject({ status: 'failed', failure: 'the uploaded file cannot be read (ENOENT)' });
  });
});
