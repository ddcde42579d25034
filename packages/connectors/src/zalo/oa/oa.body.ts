import type { OaButton, OaRecipient, OaTemplateElement, ZaloOaMessage } from './oa.types';

function recipientJson(recipient: OaRecipient): Record<string, string> {
  return 'userId' in recipient ? { user_id: recipient.userId } : { message_id: recipient.replyToMessageId };
}

function elementJson(element: OaTemplateElement): Record<string, unknown> {
  switch (element.type) {
    case 'banner':
      return {
        type: 'banner',
        ...(element.attachmentId ? { attachment_id: element.attachmentId } : { image_url: element.imageUrl }),
      };
    case 'header':
    case 'text':
      return {
        type: element.type,
        content: element.content.normalize('NFC'),
        align: element.align ?? 'left',
      };
    case 'table':
      return {
        type: 'table',
        content: element.rows.map((row) => ({
          key: row.key.normalize('NFC'),
          value: row.value.normalize('NFC'),
          ...(row.style ? { style: row.style } : {}),
        })),
      };
  }
}

function buttonJson(button: OaButton): Record<string, unknown> {
  const title = button.title.normalize('NFC');
  switch (button.type) {
    case 'oa.open.url':
      return { title, type: button.type, payload: { url: button.url } };
    case 'oa.query.show':
    case 'oa.query.hide':
      return { title, type: button.type, payload: button.payload };
    case 'oa.open.sms':
      return { title, type: button.type, payload: { content: button.content, phone_code: button.phoneCode } };
    case 'oa.open.phone':
      return { title, type: button.type, payload: { phone_code: button.phoneCode } };
  }
}

/**
 * The JSON body of an OA API v3 send (providers.md §3.3). An image to upload must already have its attachment ID:
 * pass it as `uploadedAttachmentId`.
 */
export function oaMessageJson(
  message: ZaloOaMessage,
  uploadedAttachmentId?: string,
): Record<string, unknown> {
  const recipient = recipientJson(message.recipient);
  const { body } = message;
  switch (body.kind) {
    case 'text':
      return {
        recipient,
        message: {
          text: body.text.normalize('NFC'),
          ...(body.quoteMessageId ? { quote_message_id: body.quoteMessageId } : {}),
        },
      };
    case 'image': {
      const { image } = body;
      const source =
        'url' in image
          ? { url: image.url }
          : { attachment_id: 'attachmentId' in image ? image.attachmentId : uploadedAttachmentId };
      return {
        recipient,
        message: {
          attachment: {
            type: 'template',
            payload: { template_type: 'media', elements: [{ media_type: 'image', ...source }] },
          },
        },
      };
    }
    case 'request_user_info':
      return {
        recipient,
        message: {
          attachment: {
            type: 'template',
            payload: {
              template_type: 'request_user_info',
              elements: [
                {
                  title: body.title.normalize('NFC'),
                  subtitle: body.subtitle.normalize('NFC'),
                  image_url: body.imageUrl,
                },
              ],
            },
          },
        },
      };
    case 'transaction':
    case 'promotion':
      return {
        recipient,
        message: {
          attachment: {
            type: 'template',
            payload: {
              template_type: body.kind === 'transaction' ? body.templateType : 'promotion',
              language: body.language ?? 'VI',
              elements: body.elements.map(elementJson),
              ...(body.buttons?.length ? { buttons: body.buttons.map(buttonJson) } : {}),
            },
          },
        },
      };
  }
}
