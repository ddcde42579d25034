import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { HttpClient } from '../../http/http-client';
import type { ZaloOaAccount } from '../account/zalo-account.schema';
import { callZaloApi, type ZaloCallResult } from '../shared/zalo-call';
import { lenient, zaloId, zaloNumber } from '../shared/zalo-schemas';
import type { ZnsTemplateDetail, ZnsTemplateStatus } from './zns.types';
import { znsSendDataSchema, type ZnsSendData } from './zns.send-answer';

type ZnsAccount = Pick<ZaloOaAccount, 'baseUrls'>;

const orElse =
  <T>(fallback: T) =>
  (value: T | undefined): T =>
    value ?? fallback;

const templateListSchema = z.array(
  z.object({
    templateId: zaloId,
    templateName: lenient(z.string()).transform(orElse('')),
    createdTime: lenient(zaloId),
    status: z.string(),
    templateQuality: lenient(z.string()),
  }),
);
export type ZnsTemplateSummary = z.output<typeof templateListSchema>[number];

/**
 * A template's detail: its id, status and params (names and maximum lengths) are what sends are checked against;
 * everything else is read leniently, so a field Zalo leaves null or changes does not make the template unusable.
 */
export const znsTemplateDetailSchema = z.object({
  templateId: zaloId,
  templateName: lenient(z.string()).transform(orElse('')),
  status: z.string(),
  listParams: z
    .array(
      z.object({
        name: z.string().min(1),
        require: lenient(z.boolean()).transform(orElse(false)),
        type: lenient(z.string()).transform(orElse('STRING')),
        maxLength: zaloNumber,
        minLength: lenient(zaloNumber).transform(orElse(0)),
        acceptNull: lenient(z.boolean()).transform(orElse(false)),
      }),
    )
    .default([]),
  listButtons: lenient(
    z.array(z.object({ type: zaloNumber, title: z.string(), content: z.string() })),
  ).transform((buttons) => buttons ?? []),
  timeout: lenient(zaloNumber),
  previewUrl: lenient(z.string()),
  templateQuality: lenient(z.string()),
  templateTag: lenient(z.string()),
  price: lenient(zaloNumber),
  price_sdt: lenient(zaloNumber),
  price_uid: lenient(zaloNumber),
}) satisfies z.ZodType<ZnsTemplateDetail, unknown>;

const quotaSchema = z.object({
  dailyQuota: zaloNumber,
  remainingQuota: zaloNumber,
  dailyQuotaPromotion: lenient(zaloNumber),
  remainingQuotaPromotion: lenient(zaloNumber),
  monthlyPromotionQuota: lenient(zaloNumber),
  remainingMonthlyPromotionQuota: lenient(zaloNumber),
  estimatedNextMonthPromotionQuota: lenient(zaloNumber),
});
export type ZnsQuota = z.output<typeof quotaSchema>;

const statusSchema = z.object({
  delivery_time: lenient(zaloId),
  message: lenient(z.string()),
  /** -1 no such message, 0 pushed and not yet delivered, 1 delivered. */
  status: zaloNumber,
});
export type ZnsMessageStatus = z.output<typeof statusSchema>;

const qualityLevel = z.enum(['HIGH', 'MEDIUM', 'LOW', 'UNDEFINED']);
const qualitySchema = z.object({ oaCurrentQuality: qualityLevel, oa7dayQuality: qualityLevel });
export type ZnsQuality = z.output<typeof qualitySchema>;

/** Template list filter: Zalo wants the status as a number (a string answers -132). */
const TEMPLATE_STATUS_FILTER: Record<Exclude<ZnsTemplateStatus, 'DELETE'>, number> = {
  ENABLE: 1,
  PENDING_REVIEW: 2,
  REJECT: 3,
  DISABLE: 4,
};

/** SHA-256 hex of a normalised 84… phone, as the hash-phone send expects. */
export function hashPhone(phone84: string): string {
  return createHash('sha256').update(phone84, 'utf8').digest('hex');
}

interface Authorised {
  account: ZnsAccount;
  accessToken: string;
  signal?: AbortSignal;
}

/** The ZNS endpoints on business.openapi.zalo.me (providers.md §2). The token comes with every call. */
export class ZnsClient {
  constructor(private readonly http: HttpClient) {}

  sendByPhone(
    input: Authorised & {
      phone: string;
      templateId: string;
      templateData: Record<string, string>;
      trackingId: string;
      mode?: 'development';
    },
  ): Promise<ZaloCallResult<ZnsSendData>> {
    return this.post(input, '/message/template', {
      phone: input.phone,
      template_id: input.templateId,
      template_data: input.templateData,
      tracking_id: input.trackingId,
      ...(input.mode ? { mode: input.mode } : {}),
    });
  }

  sendByHashPhone(
    input: Authorised & {
      hashPhone: string;
      templateId: string;
      templateData: Record<string, string>;
      trackingId: string;
    },
  ): Promise<ZaloCallResult<ZnsSendData>> {
    return this.post(input, '/message/template/hashphone', {
      hash_phone: input.hashPhone,
      template_id: input.templateId,
      template_data: input.templateData,
      tracking_id: input.trackingId,
    });
  }

  async listTemplates(
    input: Authorised & { offset?: number; limit?: number; status?: Exclude<ZnsTemplateStatus, 'DELETE'> },
  ): Promise<ZaloCallResult<ZnsTemplateSummary[]>> {
    const query = new URLSearchParams({
      offset: String(input.offset ?? 0),
      limit: String(Math.min(input.limit ?? 100, 100)),
    });
    if (input.status) query.set('status', String(TEMPLATE_STATUS_FILTER[input.status]));
    return this.get(input, `/template/all?${query.toString()}`, templateListSchema);
  }

  templateDetail(input: Authorised & { templateId: string }): Promise<ZaloCallResult<ZnsTemplateDetail>> {
    return this.get(
      input,
      `/template/info/v2?template_id=${encodeURIComponent(input.templateId)}`,
      znsTemplateDetailSchema,
    );
  }

  quota(input: Authorised): Promise<ZaloCallResult<ZnsQuota>> {
    return this.get(input, '/message/quota', quotaSchema);
  }

  messageStatus(input: Authorised & { messageId: string }): Promise<ZaloCallResult<ZnsMessageStatus>> {
    return this.get(input, `/message/status?message_id=${encodeURIComponent(input.messageId)}`, statusSchema);
  }

  quality(input: Authorised): Promise<ZaloCallResult<ZnsQuality>> {
    return this.get(input, '/quality', qualitySchema);
  }

  private post(input: Authorised, path: string, body: unknown): Promise<ZaloCallResult<ZnsSendData>> {
    return callZaloApi({
      http: this.http,
      request: {
        method: 'POST',
        url: `${input.account.baseUrls.zns}${path}`,
        headers: { access_token: input.accessToken, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: input.signal,
      },
      dataSchema: znsSendDataSchema,
    });
  }

  private get<S extends z.ZodType>(
    input: Authorised,
    path: string,
    dataSchema: S,
  ): Promise<ZaloCallResult<z.output<S>>> {
    return callZaloApi({
      http: this.http,
      request: {
        method: 'GET',
        url: `${input.account.baseUrls.zns}${path}`,
        headers: { access_token: input.accessToken },
        signal: input.signal,
      },
      dataSchema,
    });
  }
}
