import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type FieldError, ProblemException, problems } from '../http/problem';
import { type AuditEntry, AuditService } from '../audit/audit.service';
import { runAfterCommit } from './after-commit';
import { coerceAttribute } from './attributes/coerce-attribute';
import type { AttributeDefinitions } from './attributes/attribute-definition';
import { type ContactChangeCause, ContactChanges } from './contact-changes';
import type { ContactIdentityKeys, ContactWrite } from './contact-input';
import {
  identitiesOf,
  loadDefinitions,
  lockDefinitions,
  selectRows,
  workspaceTimezone,
} from './contact-store';
import { toContactView, type ContactRow, type ContactView } from './contact-view';
import { eraseContact } from './erase/erase-contact';
import { liveOrMissing } from './reads/contact-lookup';
import { contactSegments, type ContactSegment } from './reads/contact-segments';
import { decodeCursor } from './reads/contact-cursor';
import {
  type AttributeFilter,
  type ContactListQuery,
  type ContactPage,
  listContacts,
} from './reads/list-contacts';
import { type NormalizedUpsert, normalizeUpsert } from './normalize-write';
import { patchContact } from './upsert/patch-contact';
import type { BatchRow } from './upsert/plan-batch';
import { upsertBatchRound } from './upsert/upsert-batch';
import { upsertContact, viewOf } from './upsert/upsert-contact';
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
    private readonly audit: AuditService,
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
    if (input.notify ?? true) await this.notify(manager, input, [result]);
    return result;
  }

  /**
   * Upserts rows in one transaction with the results `upsert` would give them one after the other: a row that is
   * refused (bad value, taken identifier) is reported in its place and the others are kept. Rows that need no merge
   * are written together, in rounds of rows that share no identity with an earlier row (upsert-batch.ts); the others
   * one by one, each in its own savepoint.
   */
  async upsertMany(input: UpsertManyInput): Promise<UpsertManyRow[]> {
    const manager = input.manager ?? this.dataSource.manager;
    const outcomes = await manager.transaction(async (transaction) => {
      const context = await this.context(transaction, input.workspaceId);
      const rows = new Array<UpsertManyRow | undefined>(input.rows.length);
      const batch: BatchRow[] = [];
      for (const [index, row] of input.rows.entries()) {
        try {
          batch.push({ index, upsert: normalizeRow({ ...row, mode: input.mode }, context) });
        } catch (error) {
          rows[index] = refusal(error);
        }
      }
      const upsertAlone = async (row: BatchRow) => {
        try {
          const result = await withOneRetry(() =>
            transaction.transaction((savepoint) =>
              this.upsertOne(savepoint, { ...input, ...input.rows[row.index] }, context),
            ),
          );
          rows[row.index] = { ok: true, result };
        } catch (error) {
          rows[row.index] = refusal(error);
        }
      };
      // Each round writes the rows that share nothing with an earlier row still to be written (the first always).
      for (let pending = batch; pending.length > 0;) {
        const { workspaceId, mode } = input;
        const round = await upsertBatchRound(transaction, { workspaceId, mode, rows: pending });
        for (const [index, result] of round.written) rows[index] = { ok: true, result };
        for (const row of round.single) await upsertAlone(row);
        pending = round.deferred;
      }
      return rows as UpsertManyRow[];
    });
    const results = outcomes.flatMap((row) => (row.ok ? [row.result] : []));
    if (input.notify ?? true) await this.notify(manager, input, results);
    return outcomes;
  }

  /** The live contact with this id; a 404 problem otherwise (naming `mergedInto` for a merged contact). */
  async get(workspaceId: string, contactId: string): Promise<ContactView> {
    const manager = this.dataSource.manager;
    const [row] = await selectRows<ContactRow>(
      manager,
      'SELECT * FROM contacts WHERE workspace_id = $1 AND id = $2',
      [workspaceId, contactId],
    );
    return viewOf(manager, workspaceId, liveOrMissing(row));
  }

  /** The live contacts among these ids (erased, merged and unknown ones are left out), by id. */
  async getMany(workspaceId: string, contactIds: string[]): Promise<Map<string, ContactView>> {
    const manager = this.dataSource.manager;
    const rows = await selectRows<ContactRow>(
      manager,
      `SELECT * FROM contacts
        WHERE workspace_id = $1 AND id = ANY($2::uuid[]) AND erased_at IS NULL AND merged_into IS NULL`,
      [workspaceId, contactIds],
    );
    const identities = await identitiesOf(
      manager,
      workspaceId,
      rows.map((row) => row.id),
    );
    const identitiesByContact = new Map<string, typeof identities>();
    for (const identity of identities)
      identitiesByContact.set(identity.contact_id, [
        ...(identitiesByContact.get(identity.contact_id) ?? []),
        identity,
      ]);
    return new Map(rows.map((row) => [row.id, toContactView(row, identitiesByContact.get(row.id) ?? [])]));
  }

  /** The segments the contact is a member of now (404 when it is not a live contact of the workspace). */
  async segments(workspaceId: string, contactId: string): Promise<ContactSegment[]> {
    return contactSegments(this.dataSource.manager, workspaceId, contactId);
  }

  /** Applies a write to the contact with this id (same checks as `upsert`); `manager` joins the caller's transaction. */
  async patch(input: {
    workspaceId: string;
    contactId: string;
    write: ContactWrite;
    manager?: EntityManager;
  }): Promise<UpsertResult> {
    const outer = input.manager ?? this.dataSource.manager;
    const result = await withOneRetry(() =>
      outer.transaction(async (manager) => {
        const context = await this.context(manager, input.workspaceId);
        const normalized = normalizeUpsert({ match: {}, write: input.write, ...context });
        if (!normalized.ok) throw problems.validation(normalized.errors);
        return patchContact(manager, { ...input, upsert: normalized.value });
      }),
    );
    await this.notify(outer, { ...input, cause: 'contact' }, [result]);
    return result;
  }

  /** Erases the contact's personal data, keeping anonymous counts (see erase-contact.ts); audited. */
  async erase(input: { workspaceId: string; contactId: string; actor: AuditEntry['actor'] }): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await eraseContact(manager, input);
      await this.audit.record(
        {
          workspaceId: input.workspaceId,
          actor: input.actor,
          action: 'contact.erased',
          targetKind: 'contact',
          targetId: input.contactId,
        },
        manager,
      );
    });
    await runAfterCommit(this.dataSource.manager, () =>
      this.changes.changed({ workspaceId: input.workspaceId, contactIds: [input.contactId], cause: 'erase' }),
    );
  }

  /**
   * A page of live contacts. `attributes` filters compare with the value as the attribute's definition types it
   * (a 422 naming `attr.<key>` when it cannot be), or as text for attributes without a definition.
   */
  async list(
    query: Omit<ContactListQuery, 'attributes' | 'cursor'> & {
      attributes?: Record<string, string>;
      cursor?: string;
    },
  ): Promise<ContactPage> {
    const manager = this.dataSource.manager;
    const cursor = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    if (cursor === null || (cursor && (cursor.sort !== query.sort || cursor.order !== query.order)))
      throw problems.field('query', 'cursor', 'is not a cursor of this listing (same sort and order)');
    const attributes: AttributeFilter[] = [];
    if (query.attributes && Object.keys(query.attributes).length > 0) {
      const definitions = await loadDefinitions(manager, query.workspaceId);
      const timezone = (await workspaceTimezone(manager, query.workspaceId)) ?? 'UTC';
      const errors: FieldError[] = [];
      for (const [key, text] of Object.entries(query.attributes)) {
        const definition = definitions.get(key);
        if (!definition) {
          attributes.push({ key, value: text, typed: false });
          continue;
        }
        const coerced = coerceAttribute(text, definition, timezone);
        if (coerced.ok) attributes.push({ key, value: coerced.value, typed: true });
        else errors.push({ in: 'query', field: `attr.${key}`, message: coerced.message });
      }
      if (errors.length > 0) throw problems.validation(errors);
    }
    return listContacts(manager, { ...query, attributes, cursor });
  }

  private async upsertOne(
    manager: EntityManager,
    input: Pick<UpsertInput, 'workspaceId' | 'match' | 'write' | 'mode'>,
    context: WorkspaceContext,
  ): Promise<UpsertResult> {
    return upsertContact(manager, {
      workspaceId: input.workspaceId,
      upsert: normalizeRow(input, context),
      mode: input.mode,
    });
  }

  private async context(manager: EntityManager, workspaceId: string): Promise<WorkspaceContext> {
    const timezone = await workspaceTimezone(manager, workspaceId);
    if (timezone === null) throw problems.notFound('Workspace');
    await lockDefinitions(manager, workspaceId, 'shared');
    return { definitions: await loadDefinitions(manager, workspaceId), timezone };
  }

  /**
   * Tells `ContactChanges` which contacts changed, after commit: merges (survivor and losers) with cause `merge`,
   * other changes with the caller's cause. Awaited when the upsert owned its transaction.
   */
  private async notify(
    manager: EntityManager,
    input: { workspaceId: string; cause: ContactChangeCause },
    results: UpsertResult[],
  ): Promise<void> {
    const changes = changedContacts(results, input.cause).map((change) => ({
      ...change,
      workspaceId: input.workspaceId,
    }));
    if (changes.length === 0) return;
    await runAfterCommit(manager, async () => {
      for (const change of changes) await this.changes.changed(change);
    });
  }
}

/** The write checked and normalised; a 422 problem naming each bad field, or `match` when it names no key. */
function normalizeRow(
  input: Pick<UpsertInput, 'match' | 'write' | 'mode'>,
  context: WorkspaceContext,
): NormalizedUpsert {
  const normalized = normalizeUpsert({ match: input.match, write: input.write, ...context });
  if (!normalized.ok) throw problems.validation(normalized.errors);
  const { match } = normalized.value;
  const hasKey = match.externalId ?? match.phone ?? match.email ?? match.zalo;
  if (!hasKey && input.mode !== 'create')
    throw problems.field('body', 'match', 'must name at least one of externalId, phone, email, zalo');
  return normalized.value;
}

/** A refused row of `upsertMany` in its place; anything but a problem is not the row's fault and is thrown. */
function refusal(error: unknown): UpsertManyRow {
  if (!(error instanceof ProblemException)) throw error;
  return { ok: false, status: error.getStatus(), detail: error.detail, errors: error.extra.errors ?? [] };
}

/** The contacts results changed, grouped by cause: merges as `merge` (survivor and losers), the rest as `cause`. */
function changedContacts(
  results: UpsertResult[],
  cause: ContactChangeCause,
): { contactIds: string[]; cause: ContactChangeCause }[] {
  const merged = new Set<string>();
  const changed = new Set<string>();
  for (const result of results) {
    if (!result.contact) continue;
    if (result.outcome === 'merged')
      for (const id of [result.contact.id, ...(result.mergedContactIds ?? [])]) merged.add(id);
    else if (result.outcome === 'created' || result.outcome === 'updated') changed.add(result.contact.id);
  }
  for (const id of merged) changed.delete(id);
  return [
    { contactIds: [...changed], cause },
    { contactIds: [...merged], cause: 'merge' as const },
  ].filter((change) => change.contactIds.length > 0);
}
