import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { z } from 'zod';
import { AttributeDefinitionsService } from '../../contacts/attributes/attribute-definitions.service';
import { BUILT_IN_CONTACT_FIELDS } from './contact-fields';
import { liquidPath, liquidPlaceholder } from './liquid-path';
import type { mappingTargetsSchema } from './mapping-targets.schemas';
import { recentEventProperties } from './recent-event-properties';

type MappingTargets = z.infer<typeof mappingTargetsSchema>;

const CAMPAIGN_FIELDS = [
  { key: 'name', label: 'Campaign name' },
  { key: 'id', label: 'Campaign id' },
  { key: 'version', label: 'Campaign version' },
];

function target(root: string, key: string, label: string) {
  const path = liquidPath(root, key);
  return { key, path, liquid: liquidPlaceholder(path), label };
}

/** What a template param can be mapped to in the builder: contact fields, typed attributes, recent event data. */
@Injectable()
export class MappingTargetsService {
  constructor(
    private readonly db: DataSource,
    private readonly definitions: AttributeDefinitionsService,
  ) {}

  async list(workspaceId: string, query: { eventName?: string; days: number }): Promise<MappingTargets> {
    const builtIn = new Set(BUILT_IN_CONTACT_FIELDS.map((field) => field.key));
    const [definitions, events] = await Promise.all([
      this.definitions.list(workspaceId),
      recentEventProperties(this.db.manager, { workspaceId, ...query }),
    ]);
    return {
      contact: BUILT_IN_CONTACT_FIELDS.map((field) => ({
        ...target('contact', field.key, field.label),
        type: field.type,
      })),
      // An attribute named like a built-in field is shadowed by it (personalisation-contact.ts).
      attributes: definitions
        .filter((definition) => !builtIn.has(definition.key))
        .map((definition) => ({
          ...target('contact', definition.key, definition.label),
          type: definition.type,
          enumValues: definition.enumValues,
        })),
      events: events.map((event) => ({
        name: event.name,
        lastSeenAt: event.lastSeenAt,
        properties: event.properties.map((property) => ({
          ...target('event', property.key, property.key),
          types: property.types,
          seen: property.seen,
        })),
      })),
      campaign: CAMPAIGN_FIELDS.map((field) => target('campaign', field.key, field.label)),
    };
  }
}
