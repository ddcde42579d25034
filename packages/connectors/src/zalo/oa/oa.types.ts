/** Who an OA message goes to: a user of the OA, or a reply to one of their messages (providers.md §3.3). */
export type OaRecipient = { userId: string } | { replyToMessageId: string };

export type OaImageSource =
  | { url: string }
  | { attachmentId: string }
  /** Uploaded to /v2.0/oa/upload/image (jpg/png ≤ 1 MB) right before sending. */
  | { upload: { bytes: Buffer; contentType: 'image/jpeg' | 'image/png'; filename?: string } };

export type OaTextBody = { kind: 'text'; text: string; quoteMessageId?: string };
export type OaImageBody = { kind: 'image'; image: OaImageSource };
export type OaRequestUserInfoBody = {
  kind: 'request_user_info';
  title: string;
  subtitle: string;
  imageUrl: string;
};

export const TRANSACTION_TEMPLATE_TYPES = [
  'transaction_billing',
  'transaction_order',
  'transaction_reward',
  'transaction_contract',
  'transaction_booking',
  'transaction_membership',
  'transaction_event',
  'transaction_transaction',
  'transaction_account',
  'transaction_internal',
  'transaction_partnership',
  'transaction_education',
  'transaction_rating',
] as const;
export type TransactionTemplateType = (typeof TRANSACTION_TEMPLATE_TYPES)[number];

export type OaTemplateElement =
  | { type: 'banner'; attachmentId?: string; imageUrl?: string }
  | { type: 'header'; content: string; align?: 'left' | 'center' | 'right' }
  | { type: 'text'; content: string; align?: 'left' | 'center' | 'right' }
  | {
      type: 'table';
      rows: Array<{ key: string; value: string; style?: 'red' | 'green' | 'yellow' | 'grey' | 'blue' }>;
    };

export type OaButton =
  | { type: 'oa.open.url'; title: string; url: string }
  | { type: 'oa.query.show' | 'oa.query.hide'; title: string; payload: string }
  | { type: 'oa.open.sms'; title: string; content: string; phoneCode: string }
  | { type: 'oa.open.phone'; title: string; phoneCode: string };

export type OaTransactionBody = {
  kind: 'transaction';
  templateType: TransactionTemplateType;
  language?: 'VI' | 'EN';
  elements: OaTemplateElement[];
  buttons?: OaButton[];
};
export type OaPromotionBody = {
  kind: 'promotion';
  language?: 'VI' | 'EN';
  elements: OaTemplateElement[];
  buttons?: OaButton[];
};

/** An OA API v3 message: its type picks the endpoint and the bodies it may carry. */
export type ZaloOaMessage =
  | { type: 'cs'; recipient: OaRecipient; body: OaTextBody | OaImageBody | OaRequestUserInfoBody }
  | { type: 'transaction'; recipient: { userId: string }; body: OaTransactionBody }
  | { type: 'promotion'; recipient: { userId: string }; body: OaPromotionBody };
