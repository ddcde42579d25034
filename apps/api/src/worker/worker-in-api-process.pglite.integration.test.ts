import { DataSource } from 'typeorm';
import { createApp } from '../create-app';
import { testConfig } from '../testing/test-config';
import { createWorkerApp } from './create-worker-app';

describe('the worker inside the API process on the embedded database (LOA_API_RUNS_WORKER)', () => {
  it("uses the API's database and leaves it open when the worker stops", async () => {
    const config = testConfig({ DATABASE_URL: '', LOA_PGLITE_DIR: 'memory://' });
    const api = await createApp(config);
    await api.init();
    try {
      const db = api.get(DataSource);
      await db.query("INSERT INTO workspaces (slug, name) VALUES ('in-process', 'In process')");
      const worker = await createWorkerApp(config, db);
      expect(worker.get(DataSource)).toBe(db);
      await worker.close();
      expect(await db.query("SELECT name FROM workspaces WHERE slug = 'in-process'")).toEqual([
        { name: 'In process' },
      ]);
    } finally {
      await api.close();
    }
  });
});
