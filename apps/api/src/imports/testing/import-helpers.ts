import { waitFor } from '@loa/testing';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TestCaller } from '../../testing/test-workspace';
import type { ColumnMapping } from '../import-mapping';

export interface UploadAnswer {
  id: string;
  fileName: string;
  size: number;
  delimiter: string;
  header: string[];
  sampleRows: string[][];
  proposedMapping: ColumnMapping[];
}

export interface ImportAnswer {
  id: string;
  status: string;
  dryRun: boolean;
  mode: string | null;
  mapping: ColumnMapping[];
  progress: {
    rowsRead: number;
    created: number;
    updated: number;
    unchanged: number;
    skipped: number;
    failed: number;
  };
  failure: string | null;
}

export function uploadCsv(caller: TestCaller, content: string | Buffer, fileName = 'contacts.csv') {
  return caller
    .post('/imports')
    .attach('file', Buffer.isBuffer(content) ? content : Buffer.from(content), fileName);
}

export async function uploaded(caller: TestCaller, content: string | Buffer): Promise<UploadAnswer> {
  const response = await uploadCsv(caller, content);
  if (response.status !== 201)
    throw new Error(`upload answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body as UploadAnswer;
}

/** Polls GET /imports/:id until the import has finished (completed, failed or cancelled). */
export async function finished(caller: TestCaller, id: string): Promise<ImportAnswer> {
  return waitFor(
    `import ${id} to finish`,
    async () => {
      const response = await caller.get(`/imports/${id}`).expect(200);
      const body = response.body as ImportAnswer;
      if (!['completed', 'failed', 'cancelled'].includes(body.status))
        throw new Error(`still ${body.status}`);
      return body;
    },
    60_000,
    100,
  );
}

export async function contactsOf(app: INestApplication, workspaceId: string) {
  return (await app.get(DataSource).query(
    `SELECT name, phone, email, external_id, attributes, tags, do_not_contact FROM contacts
       WHERE workspace_id = $1 AND merged_into IS NULL ORDER BY phone, email`,
    [workspaceId],
  )) as Array<{
    name: string | null;
    phone: string | null;
    email: string | null;
    external_id: string | null;
    attributes: Record<string, unknown>;
    tags: string[];
    do_not_contact: boolean;
  }>;
}

/** A CSV of `count` contacts with distinct valid mobile numbers (0912000000, 0912000001, …). */
export function contactsCsv(count: number, { from = 0 } = {}): string {
  const lines = ['Họ tên,Số điện thoại,Thành phố'];
  for (let index = from; index < from + count; index += 1)
    lines.push(`Khách ${index},0912${String(index).padStart(6, '0')},Hà Nội`);
  return `${lines.join('\n')}\n`;
}
