import { FormData } from 'undici';
import { z } from 'zod';
import type { HttpClient } from '../../http/http-client';
import type { ZaloOaAccount } from '../account/zalo-account.schema';
import { callZaloApi, oaDataQuery, type ZaloCallResult } from '../shared/zalo-call';
import { lenient, zaloId, zaloNumber } from '../shared/zalo-schemas';
import { oaSendDataSchema, type OaSendData } from './oa.send-answer';

type OaAccount = Pick<ZaloOaAccount, 'baseUrls'>;

interface Authorised {
  account: OaAccount;
  accessToken: string;
  signal?: AbortSignal;
}

const uploadDataSchema = z.object({ attachment_id: zaloId });

const userDetailSchema = z
  .object({
    user_id: zaloId,
    display_name: lenient(z.string()),
    user_is_follower: lenient(z.boolean()),
    avatar: lenient(z.string()),
  })
  .passthrough();
export type OaUserDetail = z.output<typeof userDetailSchema>;

const profileSchema = z
  .object({ oa_id: zaloId, name: z.string(), is_verified: lenient(z.boolean()) })
  .passthrough();
export type OaProfile = z.output<typeof profileSchema>;

const remaining = z.object({ remain: lenient(zaloNumber), total: lenient(zaloNumber) }).passthrough();
const userQuotaSchema = z
  .object({
    last_interaction: lenient(zaloId),
    cs_reply: lenient(remaining),
    promotion: z
      .object({
        daily_remain: lenient(zaloNumber),
        daily_total: lenient(zaloNumber),
        monthly_remain: lenient(zaloNumber),
        monthly_total: lenient(zaloNumber),
      })
      .passthrough()
      .nullish()
      .catch(undefined),
  })
  .passthrough();
export type OaUserQuota = z.output<typeof userQuotaSchema>;

export type OaMessageEndpoint = 'cs' | 'transaction' | 'promotion';

/** The OA API v3 endpoints on openapi.zalo.me (providers.md §3). The token comes with every call. */
export class ZaloOaClient {
  constructor(private readonly http: HttpClient) {}

  sendMessage(
    input: Authorised & { endpoint: OaMessageEndpoint; body: Record<string, unknown> },
  ): Promise<ZaloCallResult<OaSendData>> {
    return callZaloApi({
      http: this.http,
      request: {
        method: 'POST',
        url: `${input.account.baseUrls.oa}/v3.0/oa/message/${input.endpoint}`,
        headers: { access_token: input.accessToken, 'content-type': 'application/json' },
        body: JSON.stringify(input.body),
        signal: input.signal,
      },
      dataSchema: oaSendDataSchema,
    });
  }

  /** Uploads a JPG/PNG (≤ 1 MB); the attachment id stays valid for 7 days. */
  uploadImage(
    input: Authorised & { bytes: Buffer; contentType: string; filename?: string },
  ): Promise<ZaloCallResult<{ attachment_id: string }>> {
    const form = new FormData();
    const extension = input.contentType === 'image/png' ? 'png' : 'jpg';
    form.append(
      'file',
      new Blob([input.bytes], { type: input.contentType }),
      input.filename ?? `image.${extension}`,
    );
    return callZaloApi({
      http: this.http,
      request: {
        method: 'POST',
        url: `${input.account.baseUrls.oa}/v2.0/oa/upload/image`,
        headers: { access_token: input.accessToken },
        body: form,
        signal: input.signal,
      },
      dataSchema: uploadDataSchema,
    });
  }

  /** The OA's own profile (id, name, verification), read with its token. */
  profile(input: Authorised): Promise<ZaloCallResult<OaProfile>> {
    return callZaloApi({
      http: this.http,
      request: {
        method: 'GET',
        url: `${input.account.baseUrls.oa}/v2.0/oa/getoa`,
        headers: { access_token: input.accessToken },
        signal: input.signal,
      },
      dataSchema: profileSchema,
    });
  }

  userDetail(input: Authorised & { userId: string }): Promise<ZaloCallResult<OaUserDetail>> {
    return callZaloApi({
      http: this.http,
      request: {
        method: 'GET',
        url: `${input.account.baseUrls.oa}/v3.0/oa/user/detail?${oaDataQuery({ user_id: input.userId })}`,
        headers: { access_token: input.accessToken },
        signal: input.signal,
      },
      dataSchema: userDetailSchema,
    });
  }

  /** What the OA may still send this user (CS replies, promotions) and when they last interacted. */
  userQuota(input: Authorised & { userId: string }): Promise<ZaloCallResult<OaUserQuota>> {
    return callZaloApi({
      http: this.http,
      request: {
        method: 'POST',
        url: `${input.account.baseUrls.oa}/v3.0/oa/quota/message`,
        headers: { access_token: input.accessToken, 'content-type': 'application/json' },
        body: JSON.stringify({ user_id: input.userId }),
        signal: input.signal,
      },
      dataSchema: userQuotaSchema,
    });
  }
}
