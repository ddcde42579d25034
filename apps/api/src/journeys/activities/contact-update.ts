import { renderLiquid, type JourneyRef, type UpdateContactStep } from '@loa/engine';
import type { DataSource, EntityManager } from 'typeorm';
import type { ContactWrite } from '../../contacts/contact-input';
import type { ContactsService } from '../../contacts/contacts.service';
import { ProblemException } from '../../http/problem';
import { contactNotFound, invalidUpdate } from './contact-activity-errors';

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface ContactUpdateInput {
  journey: JourneyRef;
  /** The live contact the update applies to (the journey's, or the one it was merged into). */
  contactId: string;
  idempotencyKey: string;
  step: UpdateContactStep;
  /** The Liquid scope and timezone string values render with (as in messages). */
  scope: object;
  timezone: string;
}

/**
 * Applies a contact.update step once per idempotency key: the key is recorded in `journey_contact_updates` in the
 * transaction that changes the contact, so a retried activity finds it and changes nothing again (a score delta is
 * not added twice). Attribute values go through the contacts module (coerced and checked by the workspace's
 * attribute definitions; segment membership follows); dotted paths write inside an object attribute. Answers
 * whether this call applied it.
 */
export async function applyContactUpdate(
  db: DataSource,
  contacts: Pick<ContactsService, 'patch'>,
  input: ContactUpdateInput,
): Promise<boolean> {
  const { journey, contactId, step } = input;
  const values = renderedValues(step.set, input.scope, input.timezone);
  try {
    return await db.transaction(async (manager) => {
      const [marker] = (await manager.query(
        `INSERT INTO journey_contact_updates (workspace_id, idempotency_key, contact_id)
         SELECT $1::uuid, $2::text, id FROM contacts WHERE workspace_id = $1 AND id = $3
         ON CONFLICT (workspace_id, idempotency_key) DO NOTHING RETURNING contact_id`,
        [journey.workspaceId, input.idempotencyKey, contactId],
      )) as Array<{ contact_id: string }>;
      if (!marker) {
        if (await alreadyApplied(manager, journey.workspaceId, input.idempotencyKey)) return false;
        throw contactNotFound(contactId);
      }
      const write = await contactWrite(manager, journey.workspaceId, contactId, step, values);
      if (write) await contacts.patch({ workspaceId: journey.workspaceId, contactId, write, manager });
      if (step.scoreDelta !== 0)
        await manager.query(
          `UPDATE contacts SET score = score + $3, updated_at = now() WHERE workspace_id = $1 AND id = $2`,
          [journey.workspaceId, contactId, step.scoreDelta],
        );
      return true;
    });
  } catch (error) {
    if (error instanceof ProblemException && error.getStatus() === 404) throw contactNotFound(contactId);
    if (error instanceof ProblemException)
      throw invalidUpdate(`The contact update was refused: ${error.detail}`);
    throw error;
  }
}

async function alreadyApplied(manager: EntityManager, workspaceId: string, key: string): Promise<boolean> {
  const rows = (await manager.query(
    `SELECT 1 FROM journey_contact_updates WHERE workspace_id = $1 AND idempotency_key = $2`,
    [workspaceId, key],
  )) as unknown[];
  return rows.length > 0;
}

/** String values are Liquid over the journey's scope; a value that does not render is a failure, not a write. */
function renderedValues(
  set: UpdateContactStep['set'],
  scope: object,
  timezone: string,
): Array<[path: string, value: string | number | boolean | null]> {
  return Object.entries(set).map(([path, value]) => {
    if (typeof value !== 'string') return [path, value];
    const rendered = renderLiquid(value, scope, { timezone });
    if (!rendered.ok) throw invalidUpdate(`${path}: ${rendered.error}`);
    return [path, rendered.text];
  });
}

/**
 * The contacts module's write for the step: attributes by top-level key (a dotted path changes a copy of the object
 * the contact holds now, read under the row lock), tags (a tag both added and removed ends up added, as the
 * simulator applies it), do-not-contact. Undefined when the step changes none of them.
 */
async function contactWrite(
  manager: EntityManager,
  workspaceId: string,
  contactId: string,
  step: UpdateContactStep,
  values: Array<[string, string | number | boolean | null]>,
): Promise<ContactWrite | undefined> {
  const write: ContactWrite = {};
  if (values.length > 0) {
    // Only a dotted path needs the object the contact holds now (and the row lock that keeps it so).
    const [row] = values.some(([path]) => path.includes('.'))
      ? ((await manager.query(
          `SELECT attributes FROM contacts WHERE workspace_id = $1 AND id = $2 FOR UPDATE`,
          [workspaceId, contactId],
        )) as Array<{ attributes: Record<string, unknown> }>)
      : [];
    const attributes: Record<string, unknown> = {};
    for (const [path, value] of values) {
      const [key, ...rest] = path.split('.') as [string, ...string[]];
      if (UNSAFE_KEYS.has(key) || rest.some((part) => UNSAFE_KEYS.has(part))) continue;
      if (rest.length === 0) {
        attributes[key] = value;
        continue;
      }
      const current = key in attributes ? attributes[key] : row?.attributes[key];
      attributes[key] = withPath(current, rest, value);
    }
    write.attributes = attributes;
  }
  const removed = step.removeTags.filter((tag) => !step.addTags.includes(tag));
  if (step.addTags.length > 0 || removed.length > 0)
    write.tags = {
      ...(step.addTags.length > 0 && { add: step.addTags }),
      ...(removed.length > 0 && { remove: removed }),
    };
  if (step.doNotContact) write.doNotContact = step.doNotContact === 'add';
  return Object.keys(write).length > 0 ? write : undefined;
}

/** A copy of `target` (an object, or a new one) with `value` at `path`. */
function withPath(target: unknown, path: string[], value: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = isObject(target) ? structuredClone(target) : {};
  const parents = path.slice(0, -1);
  const last = path.slice(-1).join('');
  let node = copy;
  for (const key of parents) {
    const child = node[key];
    node[key] = isObject(child) ? child : {};
    node = node[key] as Record<string, unknown>;
  }
  node[last] = value;
  return copy;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
