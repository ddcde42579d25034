/** OA API v3 answers errors with HTTP 200 and a non-zero `error` (providers.md §3.1, §3.5). */
export interface OaError {
  error: number;
  message: string;
}

export function oaError(error: number, message: string): OaError {
  return { error, message };
}

export const OA_ERRORS = {
  attachmentExpired: () => oaError(-100, 'Attachment expired'),
  paramInvalid: (what: string) => oaError(-201, `Parameter invalid: ${what}`),
  promotionQuota: () => oaError(-211, 'Out of quota: one promotion per user per day'),
  notFollower: () => oaError(-213, 'User has not followed the OA'),
  tokenInvalid: () => oaError(-216, 'Access token is invalid'),
  tokenExpired: () => oaError(-220, 'Access token has expired'),
  noInteraction7Days: () => oaError(-230, 'User has not interacted with the OA in the last 7 days'),
  interactionExpired: () => oaError(-232, 'User interaction has expired'),
  messageTypeInvalid: (what: string) => oaError(-233, `Message type invalid: ${what}`),
  night: () => oaError(-234, 'Cannot send this message at night (22:00 - 06:00)'),
} as const;
