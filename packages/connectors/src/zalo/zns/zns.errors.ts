import type { ErrorEntry } from '../../contract/error-rule';

const retry = { class: 'retryable' } as const;
const message = { class: 'permanent', scope: 'message' } as const;
const recipient = { class: 'permanent', scope: 'recipient' } as const;
const recipientFallback = { class: 'permanent', scope: 'recipient', fallbackSuggested: true } as const;
const account = { class: 'permanent', scope: 'account' } as const;
const daily = { class: 'quota_exhausted', resets: 'vietnam_midnight' } as const;
const monthly = { class: 'quota_exhausted', resets: 'vietnam_month' } as const;

/** Every ZNS error code of providers.md §2.2, with its class and a sentence for the marketer. */
/** The ZNS code for an access token that is no longer accepted (providers.md §2.2). */
export const ZNS_TOKEN_REJECTED: ReadonlySet<number> = new Set([-124]);

export const ZNS_ERRORS: Readonly<Record<number, ErrorEntry>> = {
  [-100]: { rule: retry, message: 'Zalo had an unknown error; the message will be retried.' },
  [-101]: { rule: account, message: 'The Zalo app is invalid; check the app ID of this account.' },
  [-102]: { rule: account, message: 'The Zalo app does not exist; check the app ID of this account.' },
  [-103]: { rule: account, message: 'The Zalo app is not activated.' },
  [-104]: {
    rule: account,
    message: 'The Zalo app secret key is invalid; update it in the account settings.',
  },
  [-105]: { rule: account, message: 'The Zalo app is not linked to the Official Account.' },
  [-106]: { rule: account, message: 'Zalo does not support this method for the app.' },
  [-107]: { rule: message, message: 'The message ID is invalid.' },
  [-108]: { rule: recipient, message: 'The phone number is invalid.' },
  [-109]: { rule: message, message: 'The ZNS template ID is invalid.' },
  [-110]: { rule: recipientFallback, message: "The recipient's Zalo app is too old to show this message." },
  [-111]: { rule: message, message: 'The template data is empty.' },
  [-112]: { rule: message, message: 'A template parameter has an undefined type.' },
  [-1121]: { rule: message, message: "A parameter is longer than the template's maximum length." },
  [-1122]: { rule: message, message: 'A required template parameter is missing.' },
  [-1124]: { rule: message, message: 'A template parameter has the wrong format.' },
  [-113]: { rule: message, message: 'A button of the template is invalid.' },
  [-1131]: { rule: message, message: 'A button of the template is invalid.' },
  [-114]: {
    rule: recipientFallback,
    message: 'The recipient cannot receive ZNS (inactive, opted out of ZNS or an old app).',
  },
  [-115]: { rule: account, message: 'The OA is out of ZNS quota or balance; top up the ZNS account.' },
  [-116]: { rule: message, message: 'The message text is invalid.' },
  [-117]: { rule: account, message: 'The OA or app has no permission to send this template.' },
  [-118]: { rule: recipientFallback, message: 'This phone number has no Zalo account; try SMS instead.' },
  [-119]: { rule: recipientFallback, message: 'This Zalo account cannot receive messages.' },
  [-120]: { rule: account, message: 'The OA lacks the feature needed to send this message.' },
  [-1201]: { rule: account, message: 'The OA is not allowed to send promotion (tag 3) messages.' },
  [-1202]: { rule: account, message: 'The OA is not allowed to send media in ZNS.' },
  [-121]: { rule: message, message: 'The request body was empty.' },
  [-122]: { rule: message, message: 'The request body was not valid JSON.' },
  [-123]: { rule: message, message: 'Zalo could not decrypt the RSA-encrypted request.' },
  [-124]: { rule: { class: 'token_expired' }, message: 'The Zalo access token is invalid or expired.' },
  [-1241]: { rule: account, message: 'The appsecret_proof is invalid; check the app secret.' },
  [-125]: { rule: account, message: 'The Official Account ID is invalid.' },
  [-126]: { rule: daily, message: 'The development-mode quota is used up for today.' },
  [-127]: {
    rule: recipient,
    message: 'In development mode ZNS only reaches the admins of the app and OA.',
  },
  [-130]: { rule: message, message: 'The message content is longer than 100,000 characters.' },
  [-131]: { rule: message, message: 'The ZNS template is not approved.' },
  [-132]: { rule: message, message: 'A request parameter is invalid.' },
  [-133]: {
    rule: { class: 'outside_window', opensAtVietnamHour: 6 },
    message: 'ZNS cannot be sent at night (22:00–06:00 Vietnam time); it will go at 06:00.',
  },
  [-135]: { rule: account, message: 'The OA is not verified or is on the free plan.' },
  [-1351]: { rule: account, message: 'The OA is blocked.' },
  [-136]: { rule: account, message: 'No Zalo Cloud (billing) account is linked to the OA.' },
  [-137]: { rule: account, message: 'Zalo could not charge the billing account.' },
  [-1381]: { rule: account, message: 'The billing account lacks the permission to pay for ZNS.' },
  [-139]: { rule: recipient, message: 'The recipient refused this type of message.' },
  [-140]: { rule: recipient, message: 'The recipient is not eligible to receive this message.' },
  [-141]: { rule: recipient, message: 'The recipient refused messages from this OA.' },
  [-144]: { rule: daily, message: "The OA's daily ZNS quota is used up; sending resumes after midnight." },
  [-1441]: { rule: monthly, message: 'The monthly promotion quota is used up; it resets on the 1st.' },
  [-145]: { rule: account, message: 'The OA is not allowed to send this type of content.' },
  [-146]: { rule: message, message: 'The template was disabled for low quality.' },
  [-147]: { rule: daily, message: "The template's daily sending limit is reached." },
  [-1471]: { rule: monthly, message: 'This recipient reached the monthly follow-up limit for this OA.' },
  [-1472]: { rule: daily, message: 'This recipient reached the daily promotion limit.' },
  [-148]: { rule: message, message: 'The journey token was not found.' },
  [-149]: { rule: message, message: 'The journey token is invalid.' },
  [-150]: { rule: message, message: 'The journey token has expired.' },
  [-158]: { rule: message, message: 'The file is too big.' },
  [-159]: { rule: message, message: 'The file format is not supported.' },
  [-160]: { rule: daily, message: 'The daily create, edit or upload quota is used up.' },
  [-161]: { rule: message, message: 'The sending mode is invalid.' },
  [-162]: { rule: message, message: 'Sending mode 3 is not allowed for tag 1 or 2 templates.' },
};
