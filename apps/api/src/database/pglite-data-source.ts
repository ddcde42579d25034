import { DataSource, EntityManager, type QueryRunner } from 'typeorm';
import { inTransactionScope } from './transaction-scope';

type Work<T> = (manager: EntityManager) => Promise<T>;
type IsolationLevel = Parameters<EntityManager['transaction']>[0];

/** Runs each transaction in a scope of its own (transaction-scope.ts), for the PGlite session pool. */
class ScopedEntityManager extends EntityManager {
  override transaction<T>(work: Work<T>): Promise<T>;
  override transaction<T>(isolationLevel: IsolationLevel, work: Work<T>): Promise<T>;
  override transaction<T>(first: IsolationLevel | Work<T>, second?: Work<T>): Promise<T> {
    return inTransactionScope(() =>
      typeof first === 'function' ? super.transaction(first) : super.transaction(first, second as Work<T>),
    );
  }
}

/** The DataSource of the embedded database: its managers' transactions run in scopes of their own. */
export class PgliteDataSource extends DataSource {
  override createEntityManager(queryRunner?: QueryRunner): EntityManager {
    return new ScopedEntityManager(this, queryRunner);
  }
}
