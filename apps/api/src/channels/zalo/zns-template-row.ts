import type { ZnsTemplateDetail } from '@loa/connectors';
import { z } from 'zod';

export interface ZnsTemplateRow {
  account_id: string;
  template_id: string;
  name: string;
  status: string;
  quality: string | null;
  tag: string | null;
  price: string | null;
  params: ZnsTemplateDetail['listParams'];
  detail: ZnsTemplateDetail;
  synced_at: Date;
}

export const znsTemplateSchema = z.object({
  accountId: z.uuid(),
  templateId: z.string(),
  name: z.string(),
  status: z.string().describe('ENABLE, PENDING_REVIEW, REJECT, DISABLE or DELETE, as Zalo reports it'),
  quality: z.string().nullable().describe('HIGH, MEDIUM, LOW or UNDEFINED'),
  tag: z.string().nullable().describe('TRANSACTION, CUSTOMER_CARE, PROMOTION or OTP'),
  price: z.number().nullable().describe('VND per message'),
  params: z.array(
    z.object({
      name: z.string(),
      type: z.string(),
      require: z.boolean(),
      maxLength: z.number(),
      minLength: z.number(),
      acceptNull: z.boolean(),
    }),
  ),
  detail: z.record(z.string(), z.unknown()).describe("Zalo's template detail as read"),
  syncedAt: z.string(),
});
export type ZnsTemplateView = z.infer<typeof znsTemplateSchema>;

export function toZnsTemplateView(row: ZnsTemplateRow): ZnsTemplateView {
  return {
    accountId: row.account_id,
    templateId: row.template_id,
    name: row.name,
    status: row.status,
    quality: row.quality,
    tag: row.tag,
    price: row.price === null ? null : Number(row.price),
    params: row.params,
    detail: row.detail as unknown as Record<string, unknown>,
    syncedAt: row.synced_at.toISOString(),
  };
}

export const ZNS_TEMPLATE_COLUMNS = `account_id, template_id, name, status, quality, tag, price, params, detail, synced_at`;
