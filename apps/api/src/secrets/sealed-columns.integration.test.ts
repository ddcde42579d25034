import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createApp } from '../create-app';
import { testConfig } from '../testing/test-config';
import { SEALED_COLUMNS } from './sealed-columns';

describe('every column of sealed secrets is known to re-encryption', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createApp(testConfig());
    await app.init();
  });

  afterAll(async () => {
    await app.close();
  });

  it('lists each `*_key_id` column of the schema in SEALED_COLUMNS', async () => {
    const columns: Array<{ table_name: string; column_name: string }> = await app.get(DataSource).query(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND column_name LIKE '%key_id' ORDER BY 1, 2`,
    );
    const sealed = columns.map((column) => `${column.table_name}.${column.column_name}`);
    expect(sealed.length).toBeGreaterThan(0);
    expect(sealed.sort()).toEqual(
      SEALED_COLUMNS.map((column) => `${column.table}.${column.keyIdColumn}`).sort(),
    );
  });
});
