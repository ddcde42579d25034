import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../state/sandbox-context';
import { asRecord, stringField } from '../state/records';
import { vietnamDate, vietnamDay } from '../state/vietnam-time';
import { isOaError, oaFromToken } from './oa-access';
import { userIdByApp } from './oa-events';
import { OA_ERRORS } from './oa.errors';

const HOUR_MS = 60 * 60 * 1000;

function parseDataParam(raw: unknown): Record<string, unknown> | undefined {
  if (typeof raw !== 'string') return undefined;
  try {
    return asRecord(JSON.parse(raw));
  } catch {
    return undefined;
  }
}

/** Per-user quota and user detail (providers.md §3.2). GET endpoints take one JSON `data` query param. */
export function registerOaUserRoutes(app: FastifyInstance, context: SandboxContext): void {
  app.post('/zalo-oa/v3.0/oa/quota/message', async (request) => {
    const now = context.now();
    const oa = oaFromToken(context, request.headers['access_token']);
    if (isOaError(oa)) return oa;
    const user = oa.users.get(stringField(asRecord(request.body), 'user_id') ?? '');
    if (!user) return OA_ERRORS.paramInvalid('user_id');
    const promotionLeft = user.follower && user.lastPromotionDay !== vietnamDay(now) ? 1 : 0;
    const freeWindow = now - user.lastInteractionAt <= 48 * HOUR_MS;
    return {
      error: 0,
      message: 'Success',
      data: {
        last_interaction: String(user.lastInteractionAt),
        cs_reply: { remain: freeWindow ? 1 : 0, total: 1 },
        promotion: {
          daily_remain: promotionLeft,
          daily_total: 1,
          monthly_remain: promotionLeft * 4,
          monthly_total: 4,
        },
      },
    };
  });

  /** The OA's own profile (GET /v2.0/oa/getoa on openapi.zalo.me). */
  app.get('/zalo-oa/v2.0/oa/getoa', async (request) => {
    const oa = oaFromToken(context, request.headers['access_token']);
    if (isOaError(oa)) return oa;
    return {
      error: 0,
      message: 'Success',
      data: {
        oa_id: oa.seed.oaId,
        name: oa.seed.name,
        description: '',
        avatar: '',
        cover: '',
        is_verified: true,
        num_follower: [...oa.users.values()].filter((user) => user.follower).length,
      },
    };
  });

  app.get('/zalo-oa/v3.0/oa/user/detail', async (request) => {
    const oa = oaFromToken(context, request.headers['access_token']);
    if (isOaError(oa)) return oa;
    const data = parseDataParam(asRecord(request.query)?.['data']);
    if (!data) return OA_ERRORS.paramInvalid('data must be JSON like {"user_id":"…"}');
    const user = oa.users.get(stringField(data, 'user_id') ?? '');
    if (!user) return OA_ERRORS.paramInvalid('user_id');
    return {
      error: 0,
      message: 'Success',
      data: {
        user_id: user.userId,
        user_id_by_app: userIdByApp(user.userId),
        display_name: user.displayName,
        user_alias: user.displayName,
        user_is_follower: user.follower,
        user_last_interaction_date: vietnamDate(user.lastInteractionAt),
        is_sensitive: false,
        shared_info: user.phone ? { phone: user.phone } : undefined,
      },
    };
  });
}
