import { createTransport } from 'nodemailer';
import { startSandbox } from '../start-sandbox';
import type { RunningSandbox } from '../sandbox.types';

describe('SMTP server', () => {
  let sandbox: RunningSandbox;
  const transport = (auth?: { user: string; pass: string }) =>
    createTransport({
      host: '127.0.0.1',
      port: Number(new URL(sandbox.urls.smtp).port),
      secure: false,
      ignoreTLS: true,
      auth,
    });

  beforeAll(async () => {
    sandbox = await startSandbox({});
  });
  afterAll(() => sandbox.close());

  it('accepts authenticated mail and records the unsubscribe headers, Message-ID, html and text', async () => {
    const { user, pass } = sandbox.seed.smtp[0];
    const info = await transport({ user, pass }).sendMail({
      from: 'Cửa hàng <shop@loa.test>',
      to: 'khach@example.test',
      subject: 'Ưu đãi tháng 3',
      html: '<p>Xin chào</p>',
      text: 'Xin chào',
      messageId: '<loa-key-1@loa.test>',
      headers: {
        'List-Unsubscribe': '<https://loa.test/u?t=abc>, <mailto:unsub@loa.test>',
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    });
    expect(info.response).toMatch(/^250 /);
    const [message] = sandbox.inbox({ channel: 'smtp', recipient: 'khach@example.test' });
    expect(message).toMatchObject({
      account: user,
      correlationId: '<loa-key-1@loa.test>',
      content: {
        subject: 'Ưu đãi tháng 3',
        html: '<p>Xin chào</p>',
        text: 'Xin chào',
        listUnsubscribe: '<https://loa.test/u?t=abc>, <mailto:unsub@loa.test>',
        listUnsubscribePost: 'List-Unsubscribe=One-Click',
      },
    });
    expect((message.content['headers'] as Record<string, string>)['message-id']).toBe('<loa-key-1@loa.test>');
  });

  it('rejects a wrong password with 535', async () => {
    await expect(
      transport({ user: 'sandbox', pass: 'sandbox-wrong' }).sendMail({
        from: 'a@loa.test',
        to: 'b@example.test',
        text: 'x',
      }),
    ).rejects.toMatchObject({ responseCode: 535 });
  });
});
