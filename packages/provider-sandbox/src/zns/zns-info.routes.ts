import type { FastifyInstance } from 'fastify';
import type { ZnsTemplateSeed, ZnsTemplateStatus } from '../sandbox.types';
import type { SandboxContext } from '../state/sandbox-context';
import { asRecord, stringField } from '../state/records';
import { znsOa } from './zns-access';
import { ZNS_ERRORS } from './zns.errors';

/** The numeric `status` filter of GET /template/all (providers.md §2.4). */
const STATUS_FILTER: Record<string, ZnsTemplateStatus> = {
  '1': 'ENABLE',
  '2': 'PENDING_REVIEW',
  '3': 'REJECT',
  '4': 'DISABLE',
};
const TEMPLATE_CREATED_TIME = 1_735_689_600_000;

function success<T>(data: T) {
  return { error: 0, message: 'Success', data };
}

function templateQuality(template: ZnsTemplateSeed): string {
  return template.status === 'ENABLE' ? 'HIGH' : 'UNDEFINED';
}

/** ZNS status, quota, quality and template reads (providers.md §2.3–2.4). */
export function registerZnsInfoRoutes(app: FastifyInstance, context: SandboxContext): void {
  app.get('/zns/message/status', async (request) => {
    const oa = znsOa(context, request.headers['access_token']);
    if (!oa) return ZNS_ERRORS.tokenInvalid();
    const messageId = stringField(asRecord(request.query), 'message_id');
    if (!messageId) return ZNS_ERRORS.messageIdInvalid();
    const message = context.state.inbox.find(messageId);
    if (!message || message.channel !== 'zns' || message.account !== oa.seed.oaId) {
      return success({ delivery_time: null, message: 'Message does not exist', status: -1 });
    }
    const deliveryTime = message.content['delivery_time'];
    return deliveryTime === undefined
      ? success({ delivery_time: null, message: 'Message has been sent but not yet delivered', status: 0 })
      : success({ delivery_time: deliveryTime, message: 'Message delivered', status: 1 });
  });

  app.get('/zns/message/quota', async (request) => {
    const oa = znsOa(context, request.headers['access_token']);
    if (!oa) return ZNS_ERRORS.tokenInvalid();
    const now = context.now();
    const dailyQuota = oa.seed.dailyQuota;
    const dailyQuotaPromotion = Math.floor(dailyQuota / 4);
    const promotionUsed = context.state.znsQuota.promotionUsed({ oaId: oa.seed.oaId, now });
    return success({
      dailyQuota,
      remainingQuota: context.state.znsQuota.remaining({ oaId: oa.seed.oaId, dailyQuota, now }),
      dailyQuotaPromotion,
      remainingQuotaPromotion: Math.max(0, dailyQuotaPromotion - promotionUsed),
      monthlyPromotionQuota: 10_000,
      remainingMonthlyPromotionQuota: Math.max(0, 10_000 - promotionUsed),
      estimatedNextMonthPromotionQuota: 10_000,
    });
  });

  app.get('/zns/quality', async (request) => {
    if (!znsOa(context, request.headers['access_token'])) return ZNS_ERRORS.tokenInvalid();
    return success({ oaCurrentQuality: 'HIGH', oa7dayQuality: 'HIGH' });
  });

  app.get('/zns/message/template-tag', async (request) => {
    if (!znsOa(context, request.headers['access_token'])) return ZNS_ERRORS.tokenInvalid();
    return success(['OTP', 'IN_TRANSACTION', 'POST_TRANSACTION']);
  });

  app.get('/zns/template/all', async (request) => {
    const oa = znsOa(context, request.headers['access_token']);
    if (!oa) return ZNS_ERRORS.tokenInvalid();
    const query = asRecord(request.query);
    const offset = Number(stringField(query, 'offset') ?? '0');
    const limit = Number(stringField(query, 'limit') ?? '100');
    if (!Number.isInteger(offset) || offset < 0) return ZNS_ERRORS.parameterInvalid('offset');
    if (!Number.isInteger(limit) || limit < 1 || limit > 100)
      return ZNS_ERRORS.parameterInvalid('limit must be 1..100');
    const statusParam = stringField(query, 'status');
    const status = statusParam === undefined ? undefined : STATUS_FILTER[statusParam];
    if (statusParam !== undefined && status === undefined)
      return ZNS_ERRORS.parameterInvalid('Invalid status');
    const templates = [...oa.templates.values()].filter(
      (template) => status === undefined || template.status === status,
    );
    return {
      ...success(
        templates.slice(offset, offset + limit).map((template) => ({
          templateId: template.templateId,
          templateName: template.templateName,
          createdTime: TEMPLATE_CREATED_TIME,
          status: template.status,
          templateQuality: templateQuality(template),
        })),
      ),
      metadata: { total: templates.length },
    };
  });

  app.get('/zns/template/info/v2', async (request) => {
    const oa = znsOa(context, request.headers['access_token']);
    if (!oa) return ZNS_ERRORS.tokenInvalid();
    const template = oa.templates.get(stringField(asRecord(request.query), 'template_id') ?? '');
    if (!template) return ZNS_ERRORS.templateInvalid();
    return success({
      templateId: template.templateId,
      templateName: template.templateName,
      status: template.status,
      listParams: template.params.map((param) => ({ ...param })),
      listButtons: [],
      timeout: 7_200_000,
      previewUrl: `https://account.zalo.cloud/znspreview/sandbox-${template.templateId}`,
      templateQuality: templateQuality(template),
      templateTag: template.templateTag,
      price: template.price,
      price_sdt: template.price,
      price_uid: template.price,
    });
  });
}
