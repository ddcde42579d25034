import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultSeed } from '@loa/provider-sandbox';
import { waitFor } from '@loa/testing';
import { isSent } from '../../contract/send-outcome';
import { startZaloSandbox, vietnamTime, type ZaloSandboxFixture } from '../testing/zalo-sandbox';
import { ZnsConnector } from '../zns/zns.connector';
import { parseZaloWebhookEvent } from './webhook-events';
import { verifyZaloWebhookSignature, webhookSignatureFirstTerm } from './webhook-signature';

interface Received {
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
}

describe.each([
  {
    signing: 'app id, no prefix',
    sandboxSigning: { firstTerm: 'appId' as const, macPrefix: false },
    firstTerm: 'app_id' as const,
  },
  {
    signing: 'OA id, mac= prefix',
    sandboxSigning: { firstTerm: 'oaId' as const, macPrefix: true },
    firstTerm: 'oa_id' as const,
  },
])('Zalo webhooks posted by the provider sandbox, signed with $signing', ({ sandboxSigning, firstTerm }) => {
  let server: Server;
  const received: Received[] = [];
  let fx: ZaloSandboxFixture;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push({ headers: req.headers, rawBody: Buffer.concat(chunks) });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const seed = defaultSeed();
    seed.zalo[0].webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/zalo/webhook`;
    fx = await startZaloSandbox({
      seed,
      receiptDelayMs: 5,
      zaloWebhookSignature: sandboxSigning,
      account: { webhookSignatureFirstTerm: firstTerm },
      now: () => vietnamTime('2026-03-10T10:00:00'),
    });
  });
  afterAll(async () => {
    await fx.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it('a ZNS receipt is verified on its raw bytes and parsed; its tracking_id is the send correlation id', async () => {
    const zns = new ZnsConnector({ http: fx.http, tokens: fx.tokens });
    const outcome = await zns.send({
      account: fx.account,
      message: {
        phone: '84900000011',
        templateId: '300002',
        templateData: { otp: '482913' },
      },
      idempotencyKey: 'journey:c1:contact9:once:otp:1',
    });
    if (!isSent(outcome)) throw new Error(JSON.stringify(outcome));
    const receipt = await waitFor(
      'the ZNS receipt',
      async () => {
        const match = received.find((entry) =>
          entry.rawBody.toString('utf8').includes(outcome.providerMessageId),
        );
        if (!match) throw new Error('not yet');
        return match;
      },
      10_000,
      20,
    );
    const check = verifyZaloWebhookSignature({
      rawBody: receipt.rawBody,
      header: receipt.headers['x-zevent-signature'],
      firstTerm: webhookSignatureFirstTerm(fx.account),
      secret: fx.account.webhookSecret,
      macPrefix: fx.account.webhookSignatureMacPrefix,
    });
    expect(check).toEqual({ ok: true });
    const otherTerm = firstTerm === 'app_id' ? fx.account.oaId : fx.account.appId;
    expect(
      verifyZaloWebhookSignature({
        rawBody: receipt.rawBody,
        header: receipt.headers['x-zevent-signature'],
        firstTerm: otherTerm,
        secret: fx.account.webhookSecret,
      }),
    ).toEqual({ ok: false, reason: 'mismatch' });
    expect(
      verifyZaloWebhookSignature({
        rawBody: receipt.rawBody,
        header: receipt.headers['x-zevent-signature'],
        firstTerm: webhookSignatureFirstTerm(fx.account),
        secret: 'forged-secret',
      }),
    ).toEqual({ ok: false, reason: 'mismatch' });
    const event = parseZaloWebhookEvent(receipt.rawBody);
    expect(event).toMatchObject({
      type: 'user_received_message',
      msgId: outcome.providerMessageId,
      trackingId: outcome.correlationId,
      oaId: fx.account.oaId,
    });
  });
});
