import type { EntityManager } from 'typeorm';
import { applyWrite, sameState } from '../contact-state';
import {
  identityLockValues,
  lockContacts,
  lockIdentityValues,
  updateContact,
  upsertZaloIdentity,
} from '../contact-store';
import { stateOf } from '../contact-view';
import type { NormalizedUpsert } from '../normalize-write';
import { liveOrMissing } from '../reads/contact-lookup';
import { assertIdentifiersFree, assertZaloFree, viewOf } from './upsert-contact';
import type { UpsertResult } from './upsert-result';

/** Applies a write to the contact with this id (a 404 problem when it is not a live contact of the workspace). */
export async function patchContact(
  manager: EntityManager,
  input: { workspaceId: string; contactId: string; upsert: Pick<NormalizedUpsert, 'write' | 'zalo'> },
): Promise<UpsertResult> {
  const { workspaceId, contactId, upsert } = input;
  const { write, zalo } = upsert;
  await lockIdentityValues(
    manager,
    workspaceId,
    identityLockValues(
      {
        externalId: write.externalId ?? undefined,
        phone: write.phone ?? undefined,
        email: write.email ?? undefined,
      },
      zalo,
    ),
  );
  const [row] = await lockContacts(manager, workspaceId, [contactId]);
  liveOrMissing(row);
  const before = stateOf(row);
  const state = applyWrite(before, write);
  await assertIdentifiersFree(manager, workspaceId, state, contactId);
  await assertZaloFree(manager, workspaceId, zalo, contactId);
  const changed = !sameState(before, state);
  const updated = changed ? await updateContact(manager, workspaceId, contactId, state) : row;
  let identitiesChanged = false;
  for (const identity of zalo)
    identitiesChanged =
      (await upsertZaloIdentity(manager, workspaceId, contactId, identity)) || identitiesChanged;
  return {
    outcome: changed || identitiesChanged ? 'updated' : 'unchanged',
    contact: await viewOf(manager, workspaceId, updated),
  };
}
