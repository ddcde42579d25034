import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The async context of one `EntityManager.transaction` call on the embedded database: its callback, and everything
 * the callback starts, runs in it (or in a scope nested in it). The PGlite session pool uses it to tell a statement
 * issued from inside a transaction (through the DataSource rather than the transaction's manager) from another
 * caller's statement.
 */
export class TransactionScope {
  constructor(readonly parent: TransactionScope | undefined) {}

  /** Whether this scope is `other` or nested in it. */
  within(other: TransactionScope): boolean {
    return this === other || (this.parent?.within(other) ?? false);
  }
}

// Entered with `run` only: on Node 20 `enterWith` called after an await also changes the store concurrent, unrelated
// callers see.
const scopes = new AsyncLocalStorage<TransactionScope>();

/** Runs `work` in a new scope nested in the current one. */
export function inTransactionScope<T>(work: () => T): T {
  return scopes.run(new TransactionScope(scopes.getStore()), work);
}

export function currentTransactionScope(): TransactionScope | undefined {
  return scopes.getStore();
}
