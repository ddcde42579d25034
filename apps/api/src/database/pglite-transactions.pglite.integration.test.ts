import type { DataSource } from 'typeorm';
import { createDataSource, dataSourceOptions } from './data-source-options';

/** `work`, or a failure once `ms` passed: a statement waiting for its own transaction must fail the test, not hang it. */
async function withDeadline<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('transactions on embedded PGlite (one session for the whole process)', () => {
  let db: DataSource;

  const tally = async (id: number) => {
    const [row] = (await db.query('SELECT n FROM tally WHERE id = $1', [id])) as Array<{ n: number }>;
    return row?.n;
  };

  beforeAll(async () => {
    db = await createDataSource(dataSourceOptions({ kind: 'pglite', dataDir: 'memory://' })).initialize();
    await db.query('CREATE TABLE tally (id int PRIMARY KEY, n int NOT NULL)');
    await db.query('INSERT INTO tally VALUES (1, 0), (2, 0), (3, 0), (4, 0)');
  });

  afterAll(async () => {
    await db?.destroy();
  });

  it('runs overlapping transactions (with savepoints) and queries outside them one after the other', async () => {
    const transaction = (rollback: boolean) =>
      db.transaction(async (manager) => {
        await manager.query('SAVEPOINT step');
        await manager.query('UPDATE tally SET n = n + 1 WHERE id = 1');
        await pause();
        await manager.query('RELEASE SAVEPOINT step');
        if (rollback) throw new Error('rolled back on purpose');
      });
    const outside = () => db.query('UPDATE tally SET n = n + 100 WHERE id = 1');
    const results = await withDeadline(
      20_000,
      Promise.allSettled(
        Array.from({ length: 30 }, (_, i) => (i % 3 === 2 ? outside() : transaction(i % 3 === 1))),
      ),
    );
    const failures = results.flatMap((result) =>
      result.status === 'rejected' ? [String(result.reason)] : [],
    );
    expect(failures).toEqual(Array(10).fill('Error: rolled back on purpose'));
    // 10 committed transactions add 1 each, 10 statements outside add 100 each; the 10 rolled back add nothing.
    expect(await tally(1)).toBe(1010);
  });

  it('runs statements that code inside a transaction issues through the DataSource, in that transaction', async () => {
    const seenInside = await withDeadline(
      5_000,
      db.transaction(async (manager) => {
        await manager.query('SELECT n FROM tally WHERE id = 2 FOR UPDATE');
        await manager.query('UPDATE tally SET n = n + 1 WHERE id = 2');
        // Deeper in the call tree and after other awaits, as the event router's journey starts are.
        await Promise.all(
          [1, 2, 3].map(async () => pause().then(() => db.query('UPDATE tally SET n = n + 10 WHERE id = 2'))),
        );
        await expect(db.query('SELECT * FROM no_such_table')).rejects.toThrow('no_such_table');
        const inner = await db.transaction(async (nested) => {
          await nested.query('UPDATE tally SET n = n + 100 WHERE id = 2');
          return tally(2);
        });
        await expect(
          db.transaction(async (nested) => {
            await nested.query('UPDATE tally SET n = n + 1000 WHERE id = 2');
            throw new Error('nested rolled back on purpose');
          }),
        ).rejects.toThrow('nested rolled back on purpose');
        await manager.query('UPDATE tally SET n = n + 10000 WHERE id = 2');
        return inner;
      }),
    );
    // The failed statement and the rolled-back inner transaction left the transaction usable and took nothing with them.
    expect(seenInside).toBe(131);
    expect(await tally(2)).toBe(10131);
  });

  it('keeps other callers out while code inside a transaction queries through the DataSource', async () => {
    let insideDone = false;
    let outsiderSawInsideDone: boolean | undefined;
    const inside = db.transaction(async (manager) => {
      await manager.query('UPDATE tally SET n = 1 WHERE id = 3');
      for (let i = 0; i < 5; i += 1) {
        await pause();
        await db.query('UPDATE tally SET n = n + 1 WHERE id = 3');
      }
      insideDone = true;
      throw new Error('rolled back on purpose');
    });
    const outsider = (async () => {
      await pause();
      await db.query('UPDATE tally SET n = n + 1 WHERE id = 4');
      outsiderSawInsideDone = insideDone;
    })();
    await withDeadline(5_000, Promise.allSettled([inside, outsider]));
    await expect(inside).rejects.toThrow('rolled back on purpose');
    // The outsider waited for the transaction; the rollback took the statements issued inside it along.
    expect(outsiderSawInsideDone).toBe(true);
    expect(await tally(3)).toBe(0);
    expect(await tally(4)).toBe(1);
  });

  it('lets timers and sockets run while statements follow one another', async () => {
    let statementsDone = false;
    let timerSawStatementsDone: boolean | undefined;
    setTimeout(() => (timerSawStatementsDone = statementsDone), 0);
    // PGlite answers through promises alone: without turns of the event loop the timer would wait for all of them.
    for (let i = 0; i < 2000 && timerSawStatementsDone === undefined; i += 1) await db.query('SELECT 1');
    statementsDone = true;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(timerSawStatementsDone).toBe(false);
  });
});
