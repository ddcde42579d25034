/** The contact as templates see it. */
export interface PersonalisationContact {
  id: string;
  attributes: Record<string, unknown>;
  tags: string[];
  phone?: string;
  email?: string;
  zaloUserId?: string;
}

export interface PersonalisationCampaign {
  id: string;
  name: string;
  version?: number;
}

/**
 * What message templates see: `contact` (attributes at the top level, plus id, phone, email, zaloUserId, tags and
 * the attributes object itself), `event` (the entry event's properties) and `campaign` (id, name, version).
 */
export function personalisationScope(input: {
  contact: PersonalisationContact;
  event?: Record<string, unknown>;
  campaign?: PersonalisationCampaign;
}): object {
  const { id, phone, email, zaloUserId, tags, attributes } = input.contact;
  return {
    contact: { ...attributes, attributes, id, phone, email, zaloUserId, tags },
    event: input.event ?? {},
    campaign: input.campaign ?? {},
  };
}
