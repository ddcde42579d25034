import { personalisationScope, renderLiquid, type LiquidRender } from '@loa/engine/browser';

export interface SampleContact {
  id: string;
  attributes: Record<string, unknown>;
  tags: string[];
  phone?: string;
  email?: string;
  zaloUserId?: string;
  entryEvent?: { name: string; properties: Record<string, unknown> };
}

/**
 * Sample contacts (with the event that started their journey) to preview messages with: one with every usual
 * field, one from the south with a large order, one with few fields (to show what empty values render as).
 */
export const previewContacts: SampleContact[] = [
  {
    id: 'preview-1',
    attributes: { name: 'Nguyễn Thị Lan', city: 'Hà Nội', birthday: '1995-05-20' },
    tags: ['newsletter'],
    phone: '84912345678',
    email: 'lan.nguyen@example.vn',
    zaloUserId: '2512004185711739851',
    entryEvent: {
      name: 'cart.abandoned',
      properties: { orderId: 'DH10245', total: 459000, firstItem: 'Son kem lì Loa 03' },
    },
  },
  {
    id: 'preview-2',
    attributes: { name: 'Trần Văn Minh', city: 'TP. Hồ Chí Minh', birthday: '1990-11-02' },
    tags: ['newsletter', 'purchased'],
    phone: '84987654321',
    email: 'minh.tran@example.vn',
    entryEvent: {
      name: 'order_completed',
      properties: { orderId: 'DH10246', total: 1250000, firstItem: 'Bộ dưỡng da ban đêm' },
    },
  },
  {
    id: 'preview-3',
    attributes: { name: 'Lê Hoàng Anh' },
    tags: [],
    phone: '84905111222',
  },
];

/** The sample contact at an index (the first when out of range). */
export function previewContactAt(index: number): SampleContact {
  return previewContacts[index] ?? (previewContacts[0] as SampleContact);
}

export function previewName(contact: SampleContact): string {
  return String(contact.attributes.name ?? contact.id);
}

export interface PreviewRenderOptions {
  timezone?: string;
  /** HTML-escapes what the data inserts, as a send does for an e-mail's HTML body. */
  escapeHtml?: boolean;
  /** A variable the contact does not have is an error instead of empty text (to tell the marketer which). */
  strictVariables?: boolean;
}

/** Renders a Liquid text the way a send would for this sample contact, in the browser. */
export function renderForPreview(
  text: string,
  contact: SampleContact,
  options: PreviewRenderOptions = {},
): LiquidRender {
  const scope = personalisationScope({
    contact,
    event: contact.entryEvent?.properties ?? {},
    campaign: { id: 'preview', name: 'Preview' },
  });
  return renderLiquid(text, scope, { ...options, timezone: options.timezone ?? 'Asia/Ho_Chi_Minh' });
}
