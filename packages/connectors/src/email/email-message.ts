/** Marketing mail carries the RFC 8058 one-click unsubscribe headers; transactional mail may leave them out. */
export type EmailPurpose = 'marketing' | 'transactional';

export interface EmailMessage {
  to: string;
  subject: string;
  /** At least one of html and text; a text part is generated from the HTML when only HTML is given. */
  html?: string;
  text?: string;
  purpose: EmailPurpose;
  /**
   * Opaque token naming this recipient on this list, put into the account's unsubscribe URL template. Required for
   * marketing mail. The caller makes it (and can resolve it later); it must not reveal the address.
   */
  unsubscribeToken?: string;
}
