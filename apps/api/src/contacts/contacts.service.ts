import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type FieldError, ProblemException, problems } from '../http/problem';
import { runAfterCommit } from './after-commit';
import type { AttributeDefinitions } from './attributes/attribute-definition';
import { type ContactChangeCause, ContactChanges } from './contact-changes';
import type { ContactIdentityKeys, ContactWrite } from './contact-input';
import { loadDefinitions, workspaceTimezone } from './contact-store';
import { normalizeUpsert } from './normalize-write';
import { upsertContact } from './upsert/upsert-contact';
import type { UpsertMode, UpsertResult } from './upsert/upsert-result';
import { withOneRetry } from './upsert/with-retry';

export interface UpsertInput {
  workspaceId: string;
  match: ContactIdentityKeys;
  write: ContactWrite;
  mode: UpsertMode;
  cause: ContactChangeCause;
  /** Joins the caller's transaction (the upsert runs in a savepoint of it). */
  manager?: EntityManager;
  /** Default true: `ContactChanges.changed` once the (outermost) transaction has committed. */
  notify?: boolean;
}

export interface UpsertManyInput {
  workspaceId: string;
  rows: Array<{ match: ContactIdentityKeys; write: ContactWrite }>;
  mode: UpsertMode;
  cause: ContactChangeCause;
  manager?: EntityManager;
  notify?: boolean;
}

/** One row of `upsertMany`: its result, or the problem (422 field errors, 409 taken identifier) that refused it. */
export type UpsertManyRow =
  { ok: true; result: UpsertResult } | { ok: false; status: number; detail: string; errors: FieldError[] };

interface WorkspaceContext {
  definitions: AttributeDefinitions;
  timezone: string;
}

/** Creates and updates contacts by any identity, merging contacts an identity shows to be one person. */
@Injectable()
export class ContactsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changes: ContactChanges,
  ) {}

  /**
   * Finds the contact the match keys name (creating it when `mode` allows), merges contacts the keys show to be
   * one person (README "Merge rule") and applies the write. Throws a 422 `ProblemException` naming each bad field
   * (`phone`, `email`, `attributes.birthday`, `match.phone`), a 409 when the write takes another contact's
   * identifier.
   */
  async upsert(input: UpsertInput): Promise<UpsertResult> {
    const manager = input.manager ?? this.dataSource.manager;
    const result = await withOneRetry(() =>
      manager.transaction(async (transaction) => {
        const context = await this.context(transaction, input.workspaceId);
        return this.upsertOne(transaction, input, context);
      }),
    );
    if (input.notify ?? true) this.notify(manager, input, contactIdsOf([result]));
    return result;
  }

  /**
   * Upserts rows in one transaction, each in its own savepoint: a row that is refused (bad value, taken
   * identifier) is reported in its place and the others are kept.
   */
  async upsertMany(input: UpsertManyInput): Promise<UpsertManyRow[]> {
    const manager = input.manager ?? this.dataSource.manager;
    const outcomes = await manager.transaction(async (transaction) => {
      const context = await this.context(transaction, input.workspaceId);
      const rows: UpsertManyRow[] = [];
      for (const row of input.rows) {
        try {
          const result = await withOneRetry(() =>
            transaction.transaction((savepoint) => this.upsertOne(savepoint, { ...input, ...row }, context)),
          );
          rows.push({ ok: true, result });
        } catch (error) {
          if (!(error instanceof ProblemException)) throw error;
          rows.push({
            ok: false,
            status: error.getStatus(),
            detail: error.detail,
            errors: error.extra.errors ?? [],
          });
        }
      }
      return rows;
    });
    const results = outcomes.flatMap((row) => (row.ok ? [row.result] : []));
    if (input.notify ?? true) this.notify(manager, input, contactIdsOf(results));
    return outcomes;
  }

  private async upsertOne(
    manager: EntityManager,
    input: Pick<UpsertInput, 'workspaceId' | 'match' | 'write' | 'mode'>,
    context: WorkspaceContext,
  ): Promise<UpsertResult> {
    const normalized = normalizeUpsert({ match: input.match, write: input.write, ...context });
    if (!normalized.ok) throw problems.validation(normalized.errors);
    const { match } = normalized.value;
    const hasKey = match.externalId ?? match.phone ?? match.email ?? match.zalo;
    if (!hasKey && input.mode !== 'create')
      throw problems.field('body', 'match', 'must name at least one of externalId, phone, email, zalo');
    return upsertContact(manager, {
      workspaceId: input.workspaceId,
      upsert: normalized.value,
      mode: input.mode,
    });
  }

  private async context(manager: EntityManager, workspaceId: string): Promise<WorkspaceContext> {
    const timezone = await workspaceTimezone(manager, workspaceId);
    if (timezone === null) throw problems.notFound('Workspace');
    return { definitions: await loadDefinitions(manager, workspaceId), timezone };
  }

  private notify(
    manager: EntityManager,
    input: { workspaceId: string; cause: ContactChangeCause },
    contactIds: string[],
  ): void {
    if (contactIds.length === 0) return;
    runAfterCommit(manager, () =>
      this.changes.changed({ workspaceId: input.workspaceId, contactIds, cause: input.cause }),
    );
  }
}

/** Contacts whose state a result changed: the survivor and those merged into it. */
function contactIdsOf(results: UpsertResult[]): string[] {
  const ids = results.flatMap((result) =>
    result.contact && result.outcome !== 'unchanged' && result.outcome !== 'skipped'
      ? [result.contact.id, ...(result.mergedContactIds ?? [])]
      : [],
  );
  return [...new Set(ids)];
}
