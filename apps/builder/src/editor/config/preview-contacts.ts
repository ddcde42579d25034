import sampleContacts from '@loa/engine/examples/contacts.sample.json';
import { personalisationScope, renderLiquid, type LiquidRender } from '@loa/engine/browser';

interface SampleContact {
  id: string;
  attributes: Record<string, unknown>;
  tags: string[];
  phone?: string;
  email?: string;
  zaloUserId?: string;
  entryEvent?: { name: string; properties: Record<string, unknown> };
}

/** The engine's sample contacts (with the event that started their journey), to preview messages with. */
export const previewContacts = sampleContacts as SampleContact[];

export function previewName(contact: SampleContact): string {
  return String(contact.attributes.name ?? contact.id);
}

/** Renders a Liquid text the way a send would for this sample contact, in the browser. */
export function renderForPreview(
  text: string,
  contact: SampleContact,
  timezone = 'Asia/Ho_Chi_Minh',
): LiquidRender {
  const scope = personalisationScope({
    contact,
    event: contact.entryEvent?.properties ?? {},
    campaign: { id: 'preview', name: 'Preview' },
  });
  return renderLiquid(text, scope, { timezone });
}
