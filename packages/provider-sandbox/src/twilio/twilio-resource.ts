/** RFC 2822 dates as Twilio writes them: "Tue, 10 Mar 2026 03:00:00 +0000". */
export function rfc2822(epochMs: number): string {
  return new Date(epochMs).toUTCString().replace('GMT', '+0000');
}

/** GSM-7 segments are 160/153 characters, UCS-2 70/67. */
export function segmentCount(body: string): number {
  const unicode = [...body].some((character) => character.charCodeAt(0) > 127);
  const [single, multi] = unicode ? [70, 67] : [160, 153];
  return body.length <= single ? 1 : Math.ceil(body.length / multi);
}

export function messageResource(input: {
  sid: string;
  accountSid: string;
  to: string;
  from: string | null;
  messagingServiceSid: string | null;
  body: string;
  status: string;
  now: number;
}) {
  const uri = `/2010-04-01/Accounts/${input.accountSid}/Messages/${input.sid}.json`;
  return {
    sid: input.sid,
    account_sid: input.accountSid,
    api_version: '2010-04-01',
    body: input.body,
    date_created: rfc2822(input.now),
    date_updated: rfc2822(input.now),
    date_sent: null,
    direction: 'outbound-api',
    error_code: null,
    error_message: null,
    from: input.from,
    messaging_service_sid: input.messagingServiceSid,
    num_media: '0',
    num_segments: String(segmentCount(input.body)),
    price: null,
    price_unit: 'USD',
    status: input.status,
    to: input.to,
    uri,
    subresource_uris: { media: uri.replace('.json', '/Media.json') },
  };
}
