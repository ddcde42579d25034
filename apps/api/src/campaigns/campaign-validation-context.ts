import type { ValidationContext } from '@loa/engine';
import type { EntityManager } from 'typeorm';
import { CHANNEL_KIND_SPECS, type ChannelKind, type MessageChannel } from '../channels/channel-kinds';

type EngineChannel = 'zns' | 'oa' | 'sms' | 'email';

const ENGINE_CHANNEL: Record<MessageChannel, EngineChannel> = {
  zns: 'zns',
  zalo_oa: 'oa',
  sms: 'sms',
  email: 'email',
};

/**
 * Contact columns beside the attributes that campaigns read at run time, besides the engine's built-in fields (id,
 * phone, email, tags, zaloUserId): templates and rules see name, externalId and score beside the attributes
 * (personalisationContactOf); readContactAttributes also answers doNotContact, createdAt and updatedAt
 * (readContactFields).
 */
const CONTACT_COLUMNS = ['name', 'externalId', 'score', 'doNotContact', 'createdAt', 'updatedAt'];

/**
 * What validateGraph checks a draft against: the workspace's channel accounts (published = connected and
 * enabled), its approved (ENABLE) ZNS templates with their params, its attribute definitions, segments and the
 * event names it has received.
 */
export async function loadValidationContext(
  manager: EntityManager,
  workspaceId: string,
): Promise<ValidationContext> {
  // One after another: a transaction's queries share one connection.
  const accounts = (await manager.query(
    `SELECT id, kind, name, status, disabled, settings FROM channel_accounts WHERE workspace_id = $1`,
    [workspaceId],
  )) as Array<{
    id: string;
    kind: ChannelKind;
    name: string;
    status: string;
    disabled: boolean;
    settings: Record<string, unknown>;
  }>;
  const templates = (await manager.query(
    `SELECT template_id, name, params FROM zns_templates WHERE workspace_id = $1 AND status = 'ENABLE'`,
    [workspaceId],
  )) as Array<{
    template_id: string;
    name: string;
    params: Array<{ name: string; require: boolean; maxLength: number }>;
  }>;
  const attributes = (await manager.query(`SELECT key FROM attribute_definitions WHERE workspace_id = $1`, [
    workspaceId,
  ])) as Array<{ key: string }>;
  const segments = (await manager.query(`SELECT id FROM segments WHERE workspace_id = $1`, [
    workspaceId,
  ])) as Array<{ id: string }>;
  const events = await eventNamesSeen(manager, workspaceId);
  return {
    accounts: Object.fromEntries(
      accounts.map((account) => [
        account.id,
        {
          channel: CHANNEL_KIND_SPECS[account.kind].channels.map((channel) => ENGINE_CHANNEL[channel]),
          name: account.name,
          published: account.status === 'connected' && !account.disabled,
          purposes: CHANNEL_KIND_SPECS[account.kind].journeyPurposes?.(account.settings),
        },
      ]),
    ),
    znsTemplates: Object.fromEntries(
      templates.map((template) => [
        template.template_id,
        {
          name: template.name,
          params: (template.params ?? []).map((param) => ({
            name: param.name,
            required: param.require,
            maxLength: param.maxLength,
          })),
        },
      ]),
    ),
    // Templates read an attribute as contact.city or contact.attributes.city; rules name it city.
    contactFields: [...CONTACT_COLUMNS, ...attributes.flatMap(({ key }) => [key, `attributes.${key}`])],
    segmentIds: segments.map(({ id }) => id),
    eventNames: events,
  };
}

/** Distinct track event names, by a skip scan over events_workspace_name_idx (one probe per name). */
async function eventNamesSeen(manager: EntityManager, workspaceId: string): Promise<string[]> {
  const rows: Array<{ name: string }> = await manager.query(
    `WITH RECURSIVE seen(name) AS (
       (SELECT name FROM events WHERE workspace_id = $1 AND type = 'track' AND name IS NOT NULL
         ORDER BY name LIMIT 1)
       UNION ALL
       SELECT (SELECT e.name FROM events e
                WHERE e.workspace_id = $1 AND e.type = 'track' AND e.name > seen.name
                ORDER BY e.name LIMIT 1)
         FROM seen WHERE seen.name IS NOT NULL
     )
     SELECT name FROM seen WHERE name IS NOT NULL LIMIT 10000`,
    [workspaceId],
  );
  return rows.map(({ name }) => name);
}
