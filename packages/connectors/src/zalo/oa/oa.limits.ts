import { nfcLength } from '../zns/zns.presend';
import type { OaButton, OaTemplateElement, ZaloOaMessage } from './oa.types';

export type OaLimitCheck = { ok: true } | { ok: false; field: string; message: string };

/** Upload limit of /v2.0/oa/upload/image. */
export const OA_IMAGE_MAX_BYTES = 1024 * 1024;

const fail = (field: string, message: string): OaLimitCheck => ({ ok: false, field, message });

function maxChars(field: string, value: string, max: number, min = 1): OaLimitCheck {
  const length = nfcLength(value);
  if (length < min) return fail(field, `${field} must not be empty.`);
  if (length > max) return fail(field, `${field} is ${length} characters long; Zalo allows at most ${max}.`);
  return { ok: true };
}

function firstFailure(checks: Iterable<OaLimitCheck>): OaLimitCheck {
  for (const check of checks) if (!check.ok) return check;
  return { ok: true };
}

function* templateChecks(
  kind: 'transaction' | 'promotion',
  elements: OaTemplateElement[],
  buttons: OaButton[],
): Generator<OaLimitCheck> {
  const texts = elements.filter((element) => element.type === 'text');
  if (kind === 'transaction' && texts.length > 2)
    yield fail('elements', 'A transaction message has at most 2 text paragraphs.');
  for (const [index, element] of elements.entries()) {
    const at = `elements[${index}]`;
    switch (element.type) {
      case 'banner':
        if (!element.attachmentId && !element.imageUrl)
          yield fail(at, `${at} needs an image URL or attachment ID.`);
        break;
      case 'header':
        yield maxChars(`${at}.content`, element.content, 100);
        break;
      case 'text':
        yield maxChars(`${at}.content`, element.content, kind === 'transaction' ? 250 : 1000);
        break;
      case 'table':
        if (kind === 'promotion' && element.rows.length > 5)
          yield fail(at, 'A promotion table has at most 5 rows.');
        for (const [row, { key, value }] of element.rows.entries()) {
          yield maxChars(`${at}.rows[${row}].key`, key, 35);
          yield maxChars(`${at}.rows[${row}].value`, value, 100);
        }
        break;
    }
  }
  if (buttons.length > 4) yield fail('buttons', `A ${kind} message has at most 4 buttons.`);
  for (const [index, button] of buttons.entries())
    yield maxChars(`buttons[${index}].title`, button.title, 35);
}

/** The length rules of providers.md §3.3, counted on NFC text, checked before anything is sent. */
export function checkOaMessageLimits(message: ZaloOaMessage): OaLimitCheck {
  const { body } = message;
  switch (body.kind) {
    case 'text':
      return maxChars('text', body.text, 2000);
    case 'image': {
      const { image } = body;
      if ('upload' in image) {
        if (image.upload.bytes.length > OA_IMAGE_MAX_BYTES) {
          return fail('image', `The image is ${image.upload.bytes.length} bytes; Zalo accepts at most 1 MB.`);
        }
        if (image.upload.contentType !== 'image/jpeg' && image.upload.contentType !== 'image/png') {
          return fail('image', 'Zalo accepts JPG and PNG images only.');
        }
      }
      return { ok: true };
    }
    case 'request_user_info':
      return firstFailure([
        maxChars('title', body.title, 100),
        maxChars('subtitle', body.subtitle, 500),
        maxChars('imageUrl', body.imageUrl, 2048),
      ]);
    case 'transaction':
    case 'promotion':
      return firstFailure(templateChecks(body.kind, body.elements, body.buttons ?? []));
  }
}
