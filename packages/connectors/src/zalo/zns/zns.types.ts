export type ZnsTemplateStatus = 'ENABLE' | 'PENDING_REVIEW' | 'REJECT' | 'DISABLE' | 'DELETE';

/** One parameter of a template, as template detail returns it. */
export interface ZnsTemplateParam {
  name: string;
  /** Zalo's param type, e.g. "STRING". */
  type: string;
  require: boolean;
  maxLength: number;
  minLength: number;
  acceptNull: boolean;
}

export interface ZnsTemplateButton {
  type: number;
  title: string;
  content: string;
}

export interface ZnsTemplateDetail {
  templateId: string;
  templateName: string;
  status: string;
  listParams: ZnsTemplateParam[];
  listButtons: ZnsTemplateButton[];
  /** Ms the message may take to be delivered (e.g. 7200000). */
  timeout?: number;
  previewUrl?: string;
  templateQuality?: string;
  templateTag?: string;
  /** VND per message. */
  price?: number;
  price_sdt?: number;
  price_uid?: number;
}

/** A ZNS message sent by phone. */
export interface ZnsMessage {
  /** Any Vietnamese mobile form (0912…, +84 912…, 84912…); normalised to 84… before sending. */
  phone: string;
  templateId: string;
  /** Values by param name; numbers are sent as text. */
  templateData: Record<string, string | number>;
  /**
   * The template's detail (synced from Zalo): when given, params are checked before the provider is called and the
   * cost comes from its price.
   */
  template?: ZnsTemplateDetail;
}
