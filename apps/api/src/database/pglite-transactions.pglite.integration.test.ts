import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

describe('transactions on embedded PGlite (one session for the whole process)', () => {
  let db: DataSource;

  beforeAll(async () => {
    db = new DataSource(dataSourceOptions({ kind: 'pglite', dataDir: 'memory://' }));
    await db.initialize();
    await db.query('CREATE TABLE tally (id int PRIMARY KEY, n int NOT NULL)');
    await db.query('INSERT INTO tally VALUES (1, 0)');
  });

  afterAll(async () => {
    await db?.destroy();
  });

  it('runs overlapping transactions (with savepoints) and queries outside them one after the other', async () => {
    const transaction = (rollback: boolean) =>
      db.transaction(async (manager) => {
        await manager.query('SAVEPOINT step');
        await manager.query('UPDATE tally SET n = n + 1 WHERE id = 1');
        await new Promise((resolve) => setTimeout(resolve, 5));
        await manager.query('RELEASE SAVEPOINT step');
        if (rollback) throw new Error('rolled back on purpose');
      });
    const outside = () => db.query('UPDATE tally SET n = n + 100 WHERE id = 1');
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) => (i % 3 === 2 ? outside() : transaction(i % 3 === 1))),
    );
    const failures = results.flatMap((result) => (result.status === 'rejected' ? [String(result.reason)] : []));
    expect(failures).toEqual(Array(10).fill('Error: rolled back on purpose'));
    const [row] = (await db.query('SELECT n FROM tally WHERE id = 1')) as Array<{ n: number }>;
    // 10 committed transactions add 1 each, 10 statements outside add 100 each; the 10 rolled back add nothing.
    expect(row?.n).toBe(1010);
  });
});
