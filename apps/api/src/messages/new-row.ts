import type { Admission } from './message-ledger';
import type { LedgerRow } from './message-row';
import { CHANNEL_OF_CONTENT, type SendMessageInput } from './send-message.types';

/** The columns a new ledger row is written with, with their PostgreSQL types, in the order of `NewRow`. */
export const NEW_ROW_COLUMNS = [
  ['workspace_id', 'uuid'],
  ['idempotency_key', 'text'],
  ['channel', 'text'],
  ['purpose', 'text'],
  ['account_id', 'uuid'],
  ['contact_id', 'uuid'],
  ['campaign_id', 'uuid'],
  ['campaign_version', 'int'],
  ['step_id', 'text'],
  ['recipient', 'text'],
  ['template_ref', 'text'],
  ['status', 'text'],
  ['reason', 'text'],
  ['retry_at', 'timestamptz'],
  ['error_class', 'text'],
  ['error_code', 'text'],
  ['error_message', 'text'],
  ['request', 'jsonb'],
] as const;

type NewRowColumn = (typeof NEW_ROW_COLUMNS)[number][0];

const COLUMN_INDEX = Object.fromEntries(NEW_ROW_COLUMNS.map(([name], index) => [name, index])) as Record<
  NewRowColumn,
  number
>;

/**
 * The values to insert for the rows of `alias`: a contact id that names no contact is not kept (a send for it finds no
 * recipient), so that one wrong id cannot fail the other rows of the statement.
 */
export function insertedValues(alias: string): string {
  return NEW_ROW_COLUMNS.map(([name]) =>
    name === 'contact_id'
      ? `(SELECT c.id FROM contacts c WHERE c.id = ${alias}.contact_id AND c.workspace_id = ${alias}.workspace_id)`
      : `${alias}.${name}`,
  ).join(', ');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A contact id as the ledger can hold it: anything that is not a UUID names no contact. */
export function contactIdOf(contactId: string | undefined): string | null {
  return contactId !== undefined && UUID.test(contactId) ? contactId.toLowerCase() : null;
}

/** One row to insert: the values of NEW_ROW_COLUMNS, in order. */
export type NewRow = unknown[];

export function newRow(input: SendMessageInput, recipient: string | null, admission: Admission): NewRow {
  return [
    input.workspaceId,
    input.idempotencyKey,
    CHANNEL_OF_CONTENT[input.content.channel],
    input.purpose,
    input.accountId,
    contactIdOf(input.contactId),
    input.campaign?.id ?? null,
    input.campaign?.version ?? null,
    input.campaign?.stepId ?? null,
    recipient,
    input.content.channel === 'zns' ? input.content.templateId : null,
    ...admissionFields(admission),
    admission.status === 'sending' ? JSON.stringify(input) : null,
  ];
}

/** The row as the send service reads it back, from what was inserted (no need to have PostgreSQL answer it). */
export function ledgerRowOf(id: string, row: NewRow): LedgerRow {
  const value = (column: NewRowColumn) => row[COLUMN_INDEX[column]] as never;
  return {
    id,
    workspace_id: value('workspace_id'),
    idempotency_key: value('idempotency_key'),
    channel: value('channel'),
    purpose: value('purpose'),
    account_id: value('account_id'),
    recipient: value('recipient'),
    provider_message_id: null,
    status: value('status'),
    reason: value('reason'),
    retry_at: value('retry_at'),
    error_class: value('error_class'),
    error_code: value('error_code'),
    error_message: value('error_message'),
  };
}

export function admissionFields(admission: Admission): unknown[] {
  switch (admission.status) {
    case 'sending':
      return ['sending', null, null, null, null, null];
    case 'blocked':
      return ['blocked', admission.reason, null, null, null, null];
    case 'deferred':
      return ['deferred', admission.reason, admission.retryAt, null, null, null];
    case 'failed':
      return ['failed', null, null, 'permanent', admission.errorCode, admission.errorMessage];
  }
}
