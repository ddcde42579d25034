import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../state/sandbox-context';
import { asRecord, type JsonRecord } from '../state/records';
import { toZaloPhone } from '../state/vietnamese-phone';
import { esmsSend, rawPhonesOf, type EsmsEndpoint } from './esms-send';
import { ESMS_CODES, esmsError } from './esms.codes';

const V4_POST_PATH = '/esms/MainService.svc/json/SendMultipleMessage_V4_post_json';
const V4_GET_PATH = '/esms/MainService.svc/json/SendMultipleMessage_V4_get';
/** Advertising (SmsType "1"); the suffix follows eSMS's published JSON endpoint name (README). */
const ADVERTISING_PATH = '/esms/MainService.svc/json/SendMultipleSMSBrandname_json';

/** Who an eSMS fault rule's `recipients` match: the first number of `Phone` (or `Phones`), as 84…. */
export function esmsFaultRecipient(request: FastifyRequest): string | undefined {
  const params = asRecord(request.method === 'GET' ? request.query : request.body) ?? {};
  const [first] = rawPhonesOf(params, 'advertising');
  return first === undefined ? undefined : (toZaloPhone(first) ?? first);
}

/** eSMS sends (providers.md §5.1); keys travel in the body or query. Each path also answers with a trailing slash. */
export function registerEsmsRoutes(app: FastifyInstance, context: SandboxContext): void {
  const handle = async (params: JsonRecord, endpoint: EsmsEndpoint) => esmsSend(context, params, endpoint);
  for (const path of [V4_POST_PATH, `${V4_POST_PATH}/`]) {
    app.post(path, async (request) => handle(asRecord(request.body) ?? {}, 'v4'));
  }
  for (const path of [V4_GET_PATH, `${V4_GET_PATH}/`]) {
    app.get(path, async (request) => handle(asRecord(request.query) ?? {}, 'v4'));
  }
  for (const path of [ADVERTISING_PATH, `${ADVERTISING_PATH}/`]) {
    app.post(path, async (request) => handle(asRecord(request.body) ?? {}, 'advertising'));
  }
  /** The account's balance, keys in the path (eSMS's GetBalance_json). */
  app.get<{ Params: { apiKey: string; secretKey: string } }>(
    '/esms/MainService.svc/json/GetBalance_json/:apiKey/:secretKey',
    async (request) => {
      const { apiKey, secretKey } = request.params;
      const account = context.state.seed.esms.find((candidate) => candidate.apiKey === apiKey);
      if (!account || account.secretKey !== secretKey) return esmsError(ESMS_CODES.badKeys);
      return {
        Balance: context.state.balances.get(account.apiKey) ?? 0,
        CodeResponse: '100',
        UserID: 100001,
      };
    },
  );
}
