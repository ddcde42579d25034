import { readPath } from '@loa/engine';
import type { ContactWrite } from '../../contacts/contact-input';

const CONTACT_FIELDS = new Set(['name', 'phone', 'email', 'externalId']);

/**
 * The contact change an HTTP step's response mapping asks for: each target (a contact field or attribute) takes
 * the value at its dotted path in the JSON response; paths the response lacks change nothing.
 */
export function contactWriteOfResponse(
  response: unknown,
  mapping: Record<string, string>,
): ContactWrite | undefined {
  const write: Record<string, unknown> = {};
  const attributes: Record<string, unknown> = {};
  for (const [target, path] of Object.entries(mapping)) {
    const value = readPath(response, path);
    if (value === undefined) continue;
    const attribute = target.startsWith('attributes.') ? target.slice('attributes.'.length) : target;
    if (CONTACT_FIELDS.has(target)) write[target] = value === null ? null : String(value);
    else attributes[attribute] = value;
  }
  if (Object.keys(attributes).length > 0) write.attributes = attributes;
  return Object.keys(write).length > 0 ? (write as ContactWrite) : undefined;
}
