/** Twilio REST errors: HTTP status plus {code, message, more_info, status} (providers.md §5.3). */
export function twilioError(status: number, code: number, message: string) {
  return { status, body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status } };
}

export const TWILIO_ERRORS = {
  auth: () => twilioError(401, 20003, 'Authenticate'),
  missingBody: () => twilioError(400, 21602, 'Message body is required.'),
  missingFrom: () => twilioError(400, 21603, "A 'From' phone number is required."),
  fromNotOwned: (from: string) =>
    twilioError(
      400,
      21606,
      `The From phone number ${from} is not a valid, SMS-capable inbound phone number or short code for your account.`,
    ),
  invalidTo: (to: string) => twilioError(400, 21211, `Invalid 'To' Phone Number: ${to}`),
  unsubscribed: () => twilioError(400, 21610, 'Attempt to send to unsubscribed recipient'),
  unroutable: (to: string) =>
    twilioError(
      400,
      21612,
      `The 'To' phone number: ${to}, is not currently reachable using the 'From' phone number via SMS.`,
    ),
} as const;
