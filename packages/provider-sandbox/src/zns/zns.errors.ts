/** ZNS answers errors with HTTP 200, `error` ≠ 0 and `data: null` (providers.md §2.1). */
export interface ZnsError {
  error: number;
  message: string;
  data: null;
}

export function znsError(error: number, message: string): ZnsError {
  return { error, message, data: null };
}

export const ZNS_ERRORS = {
  bodyEmpty: () => znsError(-121, 'Body is empty'),
  bodyNotJson: () => znsError(-122, 'Body is not JSON'),
  tokenInvalid: () => znsError(-124, 'Access token invalid'),
  messageIdInvalid: () => znsError(-107, 'Message ID invalid'),
  phoneInvalid: () => znsError(-108, 'Phone number invalid'),
  templateInvalid: () => znsError(-109, 'Template ID invalid'),
  templateDataEmpty: () => znsError(-111, 'Template data empty'),
  paramTooLong: (name: string, max: number) => znsError(-1121, `Parameter ${name} exceeds max length ${max}`),
  paramMissing: (name: string) => znsError(-1122, `Missing parameter ${name}`),
  notOnZalo: () => znsError(-118, 'Zalo account not existed'),
  tag3NotAllowed: () => znsError(-1201, 'OA does not have permission to send tag 3 over quota'),
  devModeAdminsOnly: () => znsError(-127, 'Template test only send to admin of app or OA'),
  templateNotApproved: () => znsError(-131, 'Template not approved'),
  parameterInvalid: (what: string) => znsError(-132, `Parameter invalid: ${what}`),
  night: () => znsError(-133, 'Cannot send ZNS message at night (22:00 - 06:00)'),
  dailyQuota: () => znsError(-144, 'OA has exceeded daily quota'),
  sendingModeInvalid: () => znsError(-161, 'sending_mode invalid'),
} as const;
