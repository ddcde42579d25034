import { asRecord, nfcLength, stringField, type JsonRecord } from '../state/records';
import { OA_ERRORS, type OaError } from './oa.errors';

export type OaMessageKind = 'cs' | 'transaction' | 'promotion';

const TRANSACTION_TYPES = new Set(
  [
    'billing',
    'order',
    'reward',
    'contract',
    'booking',
    'membership',
    'event',
    'transaction',
    'account',
    'internal',
    'partnership',
    'education',
    'rating',
  ].map((name) => `transaction_${name}`),
);
const ATTACHMENT_TTL_MS = 7 * 24 * 60 * 60 * 1000;

function tooLong(record: JsonRecord, key: string, max: number): boolean {
  const value = stringField(record, key);
  return value !== undefined && nfcLength(value) > max;
}

function elementsOf(payload: JsonRecord | undefined): JsonRecord[] | undefined {
  const elements = payload?.['elements'];
  return Array.isArray(elements) ? elements.map((element) => asRecord(element) ?? {}) : undefined;
}

/** Checks a `message` object against the rules of its endpoint (providers.md §3.3); null when it may be sent. */
export function checkOaMessage(input: {
  kind: OaMessageKind;
  message: unknown;
  uploads: Map<string, number>;
  now: number;
}): OaError | null {
  const message = asRecord(input.message);
  if (!message) return OA_ERRORS.paramInvalid('message');
  const text = message['text'];
  const attachment = asRecord(message['attachment']);
  if (text !== undefined) {
    if (typeof text !== 'string' || text.length === 0) return OA_ERRORS.paramInvalid('message.text');
    if (nfcLength(text) > 2000) return OA_ERRORS.paramInvalid('message.text is longer than 2000 characters');
    return input.kind === 'cs' ? null : OA_ERRORS.messageTypeInvalid(`text on /message/${input.kind}`);
  }
  if (!attachment) return OA_ERRORS.paramInvalid('message needs text or attachment');
  const payload = asRecord(attachment['payload']);
  if (attachment['type'] === 'file') {
    if (!stringField(payload, 'token')) return OA_ERRORS.paramInvalid('attachment.payload.token');
    return input.kind === 'cs' ? null : OA_ERRORS.messageTypeInvalid(`file on /message/${input.kind}`);
  }
  if (attachment['type'] !== 'template') return OA_ERRORS.messageTypeInvalid(String(attachment['type']));
  const templateType = stringField(payload, 'template_type') ?? '';
  const elements = elementsOf(payload);
  if (templateType === 'media') {
    if (input.kind !== 'cs') return OA_ERRORS.messageTypeInvalid(`media on /message/${input.kind}`);
    return checkMedia(elements, input.uploads, input.now);
  }
  if (templateType === 'request_user_info') {
    if (input.kind !== 'cs')
      return OA_ERRORS.messageTypeInvalid(`request_user_info on /message/${input.kind}`);
    if (!elements || elements.length !== 1)
      return OA_ERRORS.paramInvalid('request_user_info needs exactly 1 element');
    const [element] = elements;
    if (!stringField(element, 'title') || tooLong(element, 'title', 100))
      return OA_ERRORS.paramInvalid('element title (1..100)');
    if (tooLong(element, 'subtitle', 500)) return OA_ERRORS.paramInvalid('element subtitle (≤500)');
    return null;
  }
  if (TRANSACTION_TYPES.has(templateType)) {
    if (input.kind !== 'transaction')
      return OA_ERRORS.messageTypeInvalid(`${templateType} on /message/${input.kind}`);
    return checkStructured({ payload, elements, maxButtons: 4, textMax: 250 });
  }
  if (templateType === 'promotion') {
    if (input.kind !== 'promotion')
      return OA_ERRORS.messageTypeInvalid(`promotion on /message/${input.kind}`);
    return checkStructured({ payload, elements, maxButtons: 4, textMax: 1000 });
  }
  return OA_ERRORS.messageTypeInvalid(templateType || 'missing template_type');
}

function checkMedia(
  elements: JsonRecord[] | undefined,
  uploads: Map<string, number>,
  now: number,
): OaError | null {
  if (!elements || elements.length !== 1) return OA_ERRORS.paramInvalid('media needs exactly 1 element');
  const [element] = elements;
  const mediaType = element['media_type'];
  if (mediaType !== 'image' && mediaType !== 'gif') return OA_ERRORS.paramInvalid('media_type');
  if (mediaType === 'gif' && (element['width'] === undefined || element['height'] === undefined)) {
    return OA_ERRORS.paramInvalid('gif needs width and height');
  }
  const attachmentId = stringField(element, 'attachment_id');
  if (attachmentId !== undefined) {
    const uploadedAt = uploads.get(attachmentId);
    if (uploadedAt === undefined) return OA_ERRORS.paramInvalid('attachment_id');
    if (now - uploadedAt > ATTACHMENT_TTL_MS) return OA_ERRORS.attachmentExpired();
    return null;
  }
  return stringField(element, 'url')
    ? null
    : OA_ERRORS.paramInvalid('media element needs url or attachment_id');
}

function checkStructured(input: {
  payload: JsonRecord | undefined;
  elements: JsonRecord[] | undefined;
  maxButtons: number;
  textMax: number;
}): OaError | null {
  if (!input.elements || input.elements.length === 0) return OA_ERRORS.paramInvalid('elements');
  const language = stringField(input.payload, 'language');
  if (language !== undefined && language !== 'VI' && language !== 'EN')
    return OA_ERRORS.paramInvalid('language');
  for (const element of input.elements) {
    if (element['type'] === 'header' && tooLong(element, 'content', 100))
      return OA_ERRORS.paramInvalid('header content (≤100)');
    if (element['type'] === 'text' && tooLong(element, 'content', input.textMax)) {
      return OA_ERRORS.paramInvalid(`text content (≤${input.textMax})`);
    }
  }
  const buttons = input.payload?.['buttons'];
  if (buttons !== undefined && (!Array.isArray(buttons) || buttons.length > input.maxButtons)) {
    return OA_ERRORS.paramInvalid(`buttons (≤${input.maxButtons})`);
  }
  return null;
}
