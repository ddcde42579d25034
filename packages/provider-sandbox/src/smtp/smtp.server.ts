import { simpleParser } from 'mailparser';
import type { AddressInfo, Socket } from 'node:net';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import type { FaultDecision } from '../control/faults';
import type { SandboxContext } from '../state/sandbox-context';
import { rawHeaders } from './smtp-headers';

type SmtpError = Error & { responseCode?: number };

function smtpError(message: string, responseCode: number): SmtpError {
  return Object.assign(new Error(message), { responseCode });
}

function faultError(decision: Exclude<FaultDecision, { kind: 'reset' }>): SmtpError {
  switch (decision.kind) {
    case 'outage':
      return smtpError('Service not available, closing transmission channel', 421);
    case 'http_status':
      return smtpError(`Injected fault ${decision.status}`, decision.status);
    case 'provider_code': {
      const code = Number(decision.code);
      return smtpError(`Injected fault ${decision.code}`, code >= 400 && code <= 599 ? code : 550);
    }
    case 'unreadable':
      // SMTP has no unreadable success: the nearest is a local error after the message was handed over.
      return smtpError('Requested action aborted: local error in processing', 451);
  }
}

function address(value: SMTPServerAddress | false): string {
  return value ? value.address.toLowerCase() : '';
}

/** The sandbox's mail server: optional AUTH against the seeded users; every message parsed into the inbox. */
export async function startSmtpServer(input: {
  context: SandboxContext;
  host: string;
  port: number;
}): Promise<{ port: number; close: () => Promise<void> }> {
  const { context } = input;
  /** Open client sockets by remote port, and the sessions whose connection a `reset` fault drops after DATA. */
  const sockets = new Map<number, Socket>();
  const dropAfterData = new Set<string>();
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: !context.options.smtpRequireAuth,
    allowInsecureAuth: true,
    logger: false,
    banner: 'Loa provider sandbox',
    closeTimeout: 500,
    onConnect(_session, callback) {
      const faults = context.state.faults;
      if (faults.empty) return callback();
      faults
        .evaluate({ surface: 'smtp', now: context.now() })
        .then(
          (decision) => callback(decision?.kind === 'outage' ? faultError(decision) : undefined),
          callback,
        );
    },
    onAuth(auth, _session, callback) {
      const user = context.state.seed.smtp.find(
        (candidate) => candidate.user === auth.username && candidate.pass === auth.password,
      );
      if (!user) return callback(smtpError('Invalid username or password', 535));
      callback(null, { user: user.user });
    },
    onRcptTo(rcpt, session, callback) {
      const faults = context.state.faults;
      if (faults.empty) return callback();
      faults
        .evaluate({ surface: 'smtp', recipient: rcpt.address.toLowerCase(), now: context.now() })
        .then((decision) => {
          if (decision?.kind === 'reset') dropAfterData.add(session.id);
          callback(decision && decision.kind !== 'reset' ? faultError(decision) : undefined);
        }, callback);
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const state = context.state;
          const queueId = `sandbox-${state.ids.next(20)}`;
          const headers = rawHeaders(parsed.headerLines);
          const messageId = parsed.messageId;
          const now = context.now();
          for (const recipient of session.envelope.rcptTo) {
            state.inbox.add({
              id: `${queueId}-${recipient.address}`,
              channel: 'smtp',
              account: typeof session.user === 'string' ? session.user : address(session.envelope.mailFrom),
              recipient: recipient.address.toLowerCase(),
              providerMessageId: queueId,
              correlationId: messageId,
              content: {
                from: parsed.from?.text,
                to: recipient.address.toLowerCase(),
                subject: parsed.subject,
                text: parsed.text,
                html: parsed.html === false ? undefined : parsed.html,
                messageId,
                listUnsubscribe: headers['list-unsubscribe'],
                listUnsubscribePost: headers['list-unsubscribe-post'],
                headers,
              },
              acceptedAt: new Date(now).toISOString(),
            });
          }
          if (dropAfterData.delete(session.id)) {
            // The message is taken, but the connection drops before the server's reply to the data.
            sockets.get(session.remotePort)?.destroy();
            return;
          }
          callback(null, `Message queued as ${queueId}`);
        })
        .catch((error: unknown) =>
          callback(smtpError(error instanceof Error ? error.message : 'Unreadable message', 451)),
        );
    },
  });
  server.server.on('connection', (socket: Socket) => {
    const port = socket.remotePort;
    if (port === undefined) return;
    sockets.set(port, socket);
    socket.once('close', () => sockets.delete(port));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(input.port, input.host, () => resolve());
  });
  server.on('error', () => undefined);
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
