import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TwilioAccountSeed } from '../sandbox.types';
import type { SandboxContext } from '../state/sandbox-context';
import { asRecord, stringField } from '../state/records';
import { twilioSignature } from '../webhooks/twilio-signature';
import { messageResource } from './twilio-resource';
import { TWILIO_ERRORS } from './twilio.errors';

const E164 = /^\+[1-9]\d{6,14}$/;

function basicUser(authorization: string | undefined): { user: string; password: string } | undefined {
  if (!authorization?.startsWith('Basic ')) return undefined;
  const decoded = Buffer.from(authorization.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** Who a Twilio fault rule's `recipients` match: the E.164 `To`. */
export function twilioFaultRecipient(request: FastifyRequest): string | undefined {
  return stringField(asRecord(request.body), 'To');
}

/** Twilio Programmable Messaging: create a Message, then status callbacks queued → sent → delivered (§5.3). */
export function registerTwilioRoutes(app: FastifyInstance, context: SandboxContext): void {
  /** The account resource (GET /2010-04-01/Accounts/{AccountSid}.json), Basic auth like every call. */
  app.get<{ Params: { file: string } }>('/twilio/2010-04-01/Accounts/:file', async (request, reply) => {
    if (!request.params.file.endsWith('.json')) return reply.code(404).send({ status: 404 });
    const sid = request.params.file.slice(0, -'.json'.length);
    const credentials = basicUser(request.headers.authorization);
    const account = context.state.seed.twilio.find((candidate) => candidate.accountSid === sid);
    if (!account || credentials?.user !== account.accountSid || credentials.password !== account.authToken) {
      const error = TWILIO_ERRORS.auth();
      return reply.code(error.status).send(error.body);
    }
    return {
      sid: account.accountSid,
      friendly_name: 'Sandbox account',
      status: 'active',
      type: 'Full',
      uri: `/2010-04-01/Accounts/${account.accountSid}.json`,
    };
  });

  app.post<{ Params: { sid: string } }>(
    '/twilio/2010-04-01/Accounts/:sid/Messages.json',
    async (request, reply) => {
      const form = asRecord(request.body) ?? {};
      const to = stringField(form, 'To') ?? '';
      const now = context.now();
      const credentials = basicUser(request.headers.authorization);
      const account = context.state.seed.twilio.find(
        (candidate) => candidate.accountSid === request.params.sid,
      );
      const fail = (error: { status: number; body: unknown }) => reply.code(error.status).send(error.body);
      if (
        !account ||
        credentials?.user !== account.accountSid ||
        credentials.password !== account.authToken
      ) {
        return fail(TWILIO_ERRORS.auth());
      }
      if (!E164.test(to)) return fail(TWILIO_ERRORS.invalidTo(to));
      const body = stringField(form, 'Body') ?? '';
      if (body.length === 0) return fail(TWILIO_ERRORS.missingBody());
      const from = stringField(form, 'From') ?? null;
      const messagingServiceSid = stringField(form, 'MessagingServiceSid') ?? null;
      if (!from && !messagingServiceSid) return fail(TWILIO_ERRORS.missingFrom());
      if (from && !account.senders.includes(from)) return fail(TWILIO_ERRORS.fromNotOwned(from));
      if (messagingServiceSid && !account.messagingServiceSids.includes(messagingServiceSid)) {
        return fail(TWILIO_ERRORS.fromNotOwned(messagingServiceSid));
      }
      if (account.unsubscribed?.includes(to)) return fail(TWILIO_ERRORS.unsubscribed());
      if (account.unroutable?.includes(to)) return fail(TWILIO_ERRORS.unroutable(to));
      const sid = `SM${context.state.ids.next(32)}`;
      const status = messagingServiceSid ? 'accepted' : 'queued';
      context.state.inbox.add({
        id: sid,
        channel: 'twilio',
        account: account.accountSid,
        recipient: to,
        providerMessageId: sid,
        content: { Body: body, From: from, MessagingServiceSid: messagingServiceSid },
        acceptedAt: new Date(now).toISOString(),
      });
      const statusCallback = stringField(form, 'StatusCallback');
      if (statusCallback) {
        scheduleStatusCallbacks({
          context,
          account,
          url: statusCallback,
          sid,
          to,
          from: from ?? messagingServiceSid ?? '',
        });
      }
      return reply.code(201).send(
        messageResource({
          sid,
          accountSid: account.accountSid,
          to,
          from,
          messagingServiceSid,
          body,
          status,
          now,
        }),
      );
    },
  );
}

/** POSTs queued, sent, delivered in order, each signed with X-Twilio-Signature. */
function scheduleStatusCallbacks(input: {
  context: SandboxContext;
  account: TwilioAccountSeed;
  url: string;
  sid: string;
  to: string;
  from: string;
}): void {
  const { context, account } = input;
  const post = async (status: string, signal: AbortSignal) => {
    const params: Record<string, string> = {
      AccountSid: account.accountSid,
      ApiVersion: '2010-04-01',
      From: input.from,
      MessageSid: input.sid,
      MessageStatus: status,
      SmsSid: input.sid,
      SmsStatus: status,
      To: input.to,
    };
    await context.callbacks.send({
      method: 'POST',
      url: input.url,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': twilioSignature({ authToken: account.authToken, url: input.url, params }),
      },
      body: new URLSearchParams(params).toString(),
      signal,
    });
  };
  context.later(context.options.receiptDelayMs, async (signal) => {
    for (const status of ['queued', 'sent', 'delivered']) {
      if (signal.aborted) return;
      await post(status, signal);
    }
  });
}
