/** The contact as a simulation holds it: a sample contact plus what contact.update steps changed. */
export interface SimulatedContactState {
  id: string;
  attributes: Record<string, unknown>;
  tags: string[];
  phone?: string;
  email?: string;
  zaloUserId?: string;
  doNotContact: boolean;
}

/**
 * What message templates see: `contact` (attributes at the top level, plus id, phone, email, zaloUserId, tags and
 * the attributes object itself) and `event` (the entry event's properties).
 */
export function liquidScope(
  contact: SimulatedContactState,
  eventProperties: Record<string, unknown>,
): object {
  const { id, phone, email, zaloUserId, tags, attributes } = contact;
  return {
    contact: { ...attributes, attributes, id, phone, email, zaloUserId, tags },
    event: eventProperties,
  };
}
