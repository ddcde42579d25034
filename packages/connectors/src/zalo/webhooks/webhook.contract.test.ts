import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultSeed } from '@loa/provider-sandbox';
import { waitFor } from '@loa/testing';
import { isSent } from '../../contract/send-outcome';
import { startZaloSandbox, vietnamTime, type ZaloSandboxFixture } from '../testing/zalo-sandbox';
import { ZaloOaConnector } from '../oa/oa.connector';
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
    const seed = defaultSeed(vietnamTime('2026-03-10T10:00:00'));
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

  /** The first webhook the sandbox posted whose JSON satisfies `matches`, once it has arrived. */
  function webhook(what: string, matches: (body: Record<string, unknown>) => boolean): Promise<Received> {
    return waitFor(
      what,
      async () => {
        const match = received.find((entry) => matches(JSON.parse(entry.rawBody.toString('utf8'))));
        if (!match) throw new Error('not yet');
        return match;
      },
      10_000,
      20,
    );
  }

  /** Checks the signature on the raw bytes, then parses them. */
  function verifiedEvent(entry: Received) {
    expect(
      verifyZaloWebhookSignature({
        rawBody: entry.rawBody,
        header: entry.headers['x-zevent-signature'],
        firstTerm: webhookSignatureFirstTerm(fx.account),
        secret: fx.account.webhookSecret,
        macPrefix: fx.account.webhookSignatureMacPrefix,
      }),
    ).toEqual({ ok: true });
    const parsed = parseZaloWebhookEvent(entry.rawBody);
    if (!parsed.ok) throw new Error(parsed.reason);
    return parsed.event;
  }

  /** Makes a sandbox user act on the OA (follow, send text, submit info); the sandbox posts the webhook. */
  async function userActs(body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const response = await fetch(`${fx.sandbox.urls.control}/zalo/user-events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ oaId: fx.account.oaId, ...body }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { event: Record<string, unknown> }).event;
  }

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
    if (!isSent(outcome) || !outcome.providerMessageId) throw new Error(JSON.stringify(outcome));
    const msgId = outcome.providerMessageId;
    const receipt = await waitFor(
      'the ZNS receipt',
      async () => {
        const match = received.find((entry) => entry.rawBody.toString('utf8').includes(msgId));
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
    expect(parseZaloWebhookEvent(receipt.rawBody)).toMatchObject({
      ok: true,
      event: {
        type: 'user_received_message',
        msgId: outcome.providerMessageId,
        trackingId: outcome.correlationId,
        oaId: fx.account.oaId,
      },
    });
  });

  it('OA events (receipt, seen, follow, user text, submitted info) are verified and parsed', async () => {
    const user = '5000000000000000001';
    const oa = new ZaloOaConnector({ http: fx.http, tokens: fx.tokens });
    const outcome = await oa.send({
      account: fx.account,
      message: { type: 'cs', recipient: { userId: user }, body: { kind: 'text', text: 'Cảm ơn anh' } },
      idempotencyKey: `oa-events-${firstTerm}`,
    });
    if (!isSent(outcome) || !outcome.providerMessageId) throw new Error(JSON.stringify(outcome));
    const msgId = outcome.providerMessageId;
    const sentOf = (name: string) => (body: Record<string, unknown>) =>
      body['event_name'] === name && JSON.stringify(body['message'] ?? {}).includes(msgId);

    const receiptEntry = await webhook('the OA receipt', sentOf('user_received_message'));
    const receiptBody = JSON.parse(receiptEntry.rawBody.toString('utf8')) as { timestamp: string };
    expect(verifiedEvent(receiptEntry)).toEqual({
      type: 'user_received_message',
      appId: fx.account.appId,
      oaId: fx.account.oaId,
      recipientId: user,
      msgId: outcome.providerMessageId,
      deliveredAt: Number(receiptBody.timestamp),
      timestamp: Number(receiptBody.timestamp),
    });
    expect(verifiedEvent(await webhook('the OA seen event', sentOf('user_seen_message')))).toMatchObject({
      type: 'user_seen_message',
      oaId: fx.account.oaId,
      recipientId: user,
      msgIds: [outcome.providerMessageId],
    });

    const newUser = `50000000000000009${firstTerm === 'app_id' ? '1' : '2'}`;
    await userActs({ event: 'follow', userId: newUser });
    expect(
      verifiedEvent(
        await webhook(
          'the follow event',
          (body) => body['event_name'] === 'follow' && JSON.stringify(body).includes(newUser),
        ),
      ),
    ).toMatchObject({
      type: 'follow',
      oaId: fx.account.oaId,
      userId: newUser,
      userIdByApp: expect.any(String),
    });

    const text = await userActs({ event: 'user_send_text', userId: newUser, text: 'Cho tôi hỏi giá' });
    const textMsgId = (text['message'] as { msg_id: string }).msg_id;
    expect(
      verifiedEvent(await webhook('the user text', (body) => JSON.stringify(body).includes(textMsgId))),
    ).toMatchObject({
      type: 'user_message',
      eventName: 'user_send_text',
      userId: newUser,
      oaId: fx.account.oaId,
      msgId: textMsgId,
      text: 'Cho tôi hỏi giá',
      attachments: [],
    });

    const info = { name: 'Trần Văn Bình', phone: '0912345678', address: '12 Lê Lợi', city: 'Hồ Chí Minh' };
    await userActs({ event: 'user_submit_info', userId: newUser, info });
    expect(
      verifiedEvent(
        await webhook(
          'the submitted info',
          (body) => body['event_name'] === 'user_submit_info' && JSON.stringify(body).includes(newUser),
        ),
      ),
    ).toEqual({
      type: 'user_submit_info',
      appId: fx.account.appId,
      userId: newUser,
      oaId: fx.account.oaId,
      info,
      timestamp: expect.any(Number),
    });
  });
});
