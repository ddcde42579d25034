import { Logger } from '@nestjs/common';
import type {
  EntityManager,
  EntitySubscriberInterface,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';

type Task = () => Promise<void> | void;
const PENDING = 'loaAfterCommit';
const logger = new Logger('AfterCommit');

function start(task: Task): void {
  void Promise.resolve()
    .then(task)
    .catch((error: unknown) => logger.error(`after-commit task failed: ${String(error)}`));
}

/**
 * Runs `task` once the transaction `manager` belongs to has committed, so that work triggered by a write (segment
 * re-evaluation) sees the write; dropped if that transaction rolls back. Outside a transaction the task runs at
 * once and is awaited. Needs `AfterCommitSubscriber` registered on the data source.
 */
export async function runAfterCommit(manager: EntityManager, task: Task): Promise<void> {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) {
    await Promise.resolve()
      .then(task)
      .catch((error: unknown) => logger.error(`after-commit task failed: ${String(error)}`));
    return;
  }
  const data = runner.data as Record<string, Task[] | undefined>;
  (data[PENDING] ??= []).push(task);
}

/** Fires the tasks `runAfterCommit` queued when the outermost transaction commits. */
export class AfterCommitSubscriber implements EntitySubscriberInterface {
  afterTransactionCommit(event: TransactionCommitEvent): void {
    if (event.queryRunner.isTransactionActive) return;
    for (const task of takePending(event.queryRunner.data)) start(task);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) takePending(event.queryRunner.data);
  }
}

function takePending(data: unknown): Task[] {
  const record = data as Record<string, Task[] | undefined>;
  const tasks = record[PENDING] ?? [];
  record[PENDING] = [];
  return tasks;
}
