import type { SendFailure } from '../../contract/send-outcome';

/** What an eSMS `CodeResult` means for Loa (providers.md §5.1). */
export type EsmsCodeMeaning =
  | { kind: 'accepted' }
  | { kind: 'duplicate' }
  | { kind: 'retryable'; message: string }
  | {
      kind: 'permanent';
      scope: 'message' | 'recipient' | 'account';
      message: string;
      fallbackSuggested?: boolean;
    };

const account = (message: string): EsmsCodeMeaning => ({ kind: 'permanent', scope: 'account', message });
const recipient = (message: string, fallbackSuggested = false): EsmsCodeMeaning => ({
  kind: 'permanent',
  scope: 'recipient',
  message,
  ...(fallbackSuggested ? { fallbackSuggested } : {}),
});
const message = (text: string): EsmsCodeMeaning => ({ kind: 'permanent', scope: 'message', message: text });

/** Every CodeResult providers.md lists. */
export const ESMS_CODES: Readonly<Record<string, EsmsCodeMeaning>> = {
  '100': { kind: 'accepted' },
  '99': recipient('This phone number is blocked from receiving SMS from this brand name.'),
  '101': account('eSMS rejected the API key or secret key; check the eSMS account settings.'),
  '102': account('The eSMS account has no price list; ask eSMS to activate it.'),
  '103': account('The eSMS account balance is too low; top up the account.'),
  '104': account('The brand name is not registered on this eSMS account.'),
  '105': message('eSMS does not know this message id.'),
  '107': message('eSMS advertising SMS must go to at least 30 numbers in one request.'),
  '108': recipient('The phone number is not valid for eSMS.'),
  '118': account('This eSMS account cannot send this message type.'),
  '120': { kind: 'retryable', message: 'The eSMS sending limit was reached; the send will be retried.' },
  '124': { kind: 'duplicate' },
  '140': account("eSMS does not accept requests from this server's IP address; whitelist it in eSMS."),
  '146': message('The text does not match a customer-care template registered with eSMS.'),
  '177': recipient("The brand name is not registered with this recipient's mobile network.", true),
  '204': account('eSMS does not know this Zalo OA id.'),
  '210': message('eSMS rejected the Zalo message data.'),
  '300': message('The request lacked a message type.'),
};

/** Unknown codes are permanent: a send that eSMS rejected for a reason we do not know is not retried blindly. */
export function esmsCodeMeaning(code: string): EsmsCodeMeaning {
  return (
    ESMS_CODES[code] ?? {
      kind: 'permanent',
      scope: 'message',
      message: `eSMS rejected the message (code ${code}).`,
    }
  );
}

/** The failure for a CodeResult that is neither accepted nor a duplicate. */
export function esmsFailure(input: {
  code: string;
  meaning: Extract<EsmsCodeMeaning, { kind: 'retryable' | 'permanent' }>;
  providerMessage?: string;
  correlationId: string;
}): SendFailure {
  const base = {
    status: 'failed' as const,
    code: input.code,
    message: input.meaning.message,
    correlationId: input.correlationId,
    ...(input.providerMessage ? { providerMessage: input.providerMessage } : {}),
  };
  switch (input.meaning.kind) {
    case 'retryable':
      return { ...base, class: 'retryable' };
    case 'permanent':
      return {
        ...base,
        class: 'permanent',
        scope: input.meaning.scope,
        ...(input.meaning.fallbackSuggested ? { fallbackSuggested: true } : {}),
      };
  }
}
