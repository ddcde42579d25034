import { surfaceOf } from './provider-surface';

/**
 * How each provider answers a request it cannot parse (bad JSON, wrong content type, oversized body), so that a
 * malformed request gets that provider's envelope rather than a framework error.
 */
export function malformedRequestReply(url: string, detail: string): { status: number; body: unknown } {
  const surface = surfaceOf(url);
  switch (surface) {
    case 'zns':
      return { status: 200, body: { error: -122, message: 'Body is not JSON', data: null } };
    case 'zalo_oa':
      return { status: 200, body: { error: -201, message: `Parameter invalid: ${detail}` } };
    case 'zalo_oauth':
      return {
        status: 200,
        body: {
          error: -14018,
          error_name: 'Invalid request',
          error_description: detail,
          error_reason: detail,
          ref_doc: '',
        },
      };
    case 'esms':
      return { status: 200, body: { CodeResult: '101', CountRegenerate: 0, ErrorMessage: detail } };
    case 'speedsms':
      return { status: 200, body: { status: 'error', code: '101', message: detail, invalidPhone: [] } };
    case 'twilio':
      return {
        status: 400,
        body: {
          code: 20001,
          message: detail,
          more_info: 'https://www.twilio.com/docs/errors/20001',
          status: 400,
        },
      };
    case 'inbox':
    case 'control':
    case undefined:
      return { status: 400, body: { error: 'Bad Request', message: detail } };
  }
}
