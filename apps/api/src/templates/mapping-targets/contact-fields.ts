/** A contact field every workspace has, as templates read it (see personalisation-contact.ts). */
export interface BuiltInContactField {
  key: string;
  label: string;
  type: 'string' | 'number' | 'tags';
}

export const BUILT_IN_CONTACT_FIELDS: readonly BuiltInContactField[] = [
  { key: 'name', label: 'Name', type: 'string' },
  { key: 'phone', label: 'Phone (84xxxxxxxxx)', type: 'string' },
  { key: 'email', label: 'E-mail', type: 'string' },
  { key: 'externalId', label: 'External id (your customer code)', type: 'string' },
  { key: 'zaloUserId', label: 'Zalo user id', type: 'string' },
  { key: 'score', label: 'Score', type: 'number' },
  { key: 'tags', label: 'Tags', type: 'tags' },
  { key: 'id', label: 'Loa contact id', type: 'string' },
];
