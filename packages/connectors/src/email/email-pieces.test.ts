import { z } from 'zod';
import { parseAccountConfig } from '../contract/account-config';
import { messageIdFor } from './email.connector';
import { SmtpAccountSchema, type SmtpAccount } from './smtp.config';
import { smtpFailure } from './smtp.errors';
import { poolKey } from './smtp-transport-cache';
import { textAlternative } from './text-alternative';
import { unsubscribeHeaders } from './unsubscribe-headers';

const account: SmtpAccount = SmtpAccountSchema.parse({
  host: 'smtp.example.com',
  auth: { user: 'news', pass: 'hunter2-secret' },
  from: 'Shop Hoa <news@shophoa.vn>',
  messageIdDomain: 'shophoa.vn',
  unsubscribe: { urlTemplate: 'https://loa.example/u/{token}', mailto: 'unsub@shophoa.vn' },
});

describe('SMTP account schema', () => {
  it('fills defaults and marks the password secret', () => {
    expect(account).toMatchObject({ port: 587, secure: false, poolSize: 5, verifyTlsCertificate: true });
    const json = JSON.stringify(z.toJSONSchema(SmtpAccountSchema, { io: 'input' }));
    expect(JSON.parse(json).properties.auth.properties.pass.secret).toBe(true);
  });

  it('names nested fields', () => {
    const parsed = parseAccountConfig(SmtpAccountSchema, {
      host: 'smtp.example.com',
      port: 70000,
      auth: { user: 'news', pass: '' },
      from: 'not an address',
      messageIdDomain: 'bad domain',
      unsubscribe: { urlTemplate: 'http://loa.example/u' },
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map((issue) => issue.field).sort()).toEqual([
      'auth.pass',
      'from',
      'messageIdDomain',
      'port',
      'unsubscribe.urlTemplate',
      'unsubscribe.urlTemplate',
    ]);
  });
});

describe('unsubscribeHeaders (RFC 8058)', () => {
  it('offers the one-click HTTPS URL and the mailto address', () => {
    expect(unsubscribeHeaders({ unsubscribe: account.unsubscribe, token: 'tok_8f2a/42' })).toEqual({
      'List-Unsubscribe':
        '<https://loa.example/u/tok_8f2a%2F42>, <mailto:unsub@shophoa.vn?subject=unsubscribe%20tok_8f2a%2F42>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  });

  it('offers the HTTPS URL alone when there is no mailbox', () => {
    expect(
      unsubscribeHeaders({ unsubscribe: { urlTemplate: 'https://x.example/u?t={token}&l=1' }, token: 'abc' })[
        'List-Unsubscribe'
      ],
    ).toBe('<https://x.example/u?t=abc&l=1>');
  });
});

describe('messageIdFor', () => {
  it('derives a stable Message-ID from the idempotency key', () => {
    const key = 'journey:camp_1:contact_42:once:send_email_1:1';
    const id = messageIdFor({ idempotencyKey: key, messageIdDomain: 'shophoa.vn' });
    expect(id).toMatch(/^<[A-Za-z0-9_.-]{1,64}@shophoa\.vn>$/);
    expect(messageIdFor({ idempotencyKey: key, messageIdDomain: 'shophoa.vn' })).toBe(id);
    expect(messageIdFor({ idempotencyKey: `${key}x`, messageIdDomain: 'shophoa.vn' })).not.toBe(id);
  });
});

describe('textAlternative', () => {
  it('turns HTML into readable text with links, NFC', () => {
    const text = textAlternative(
      '<h1>Chào Lan</h1><p>Đơn hàng <b>#42</b> đã giao.</p><p><a href="https://shop.vn/o/42">Xem đơn</a></p><img src="x.png" alt="logo">'.normalize(
        'NFD',
      ),
    );
    expect(text).toContain('Chào Lan'.toUpperCase());
    expect(text).toContain('Đơn hàng #42 đã giao.');
    expect(text).toContain('Xem đơn [https://shop.vn/o/42]');
    expect(text).not.toContain('<');
    expect(text).toBe(text.normalize('NFC'));
  });
});

describe('smtpFailure', () => {
  it.each([
    [
      {
        code: 'EAUTH',
        responseCode: 535,
        command: 'AUTH PLAIN',
        response: '535 5.7.8 Authentication failed',
      },
      'permanent',
      'account',
      '535',
    ],
    [{ code: 'EAUTH', command: 'AUTH PLAIN' }, 'permanent', 'account', 'EAUTH'],
    [
      { code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO', response: '550 5.1.1 No such user' },
      'permanent',
      'recipient',
      '550',
    ],
    [{ code: 'EENVELOPE', responseCode: 553, command: 'MAIL FROM' }, 'permanent', 'account', '553'],
    [{ code: 'EMESSAGE', responseCode: 552, command: 'DATA' }, 'permanent', 'message', '552'],
    [{ code: 'EENVELOPE', responseCode: 450, command: 'RCPT TO' }, 'retryable', undefined, '450'],
    [{ code: 'EMESSAGE', responseCode: 421, command: 'DATA' }, 'retryable', undefined, '421'],
    [
      { code: 'ESOCKET', originalCode: 'ECONNREFUSED', message: 'connect ECONNREFUSED' },
      'retryable',
      undefined,
      'ESOCKET',
    ],
    [{ code: 'EDNS', originalCode: 'ENOTFOUND' }, 'retryable', undefined, 'EDNS'],
    [{ code: 'ETLS', command: 'STARTTLS' }, 'retryable', undefined, 'ETLS'],
    [{ code: 'ETIMEDOUT', timeoutType: 'CONNECT_TIMEOUT' }, 'retryable', undefined, 'ETIMEDOUT'],
    [{ code: 'ETIMEDOUT', timeoutType: 'GREETING_TIMEOUT' }, 'retryable', undefined, 'ETIMEDOUT'],
    // Lost at a point nodemailer does not say, possibly after the message data: the server may have taken it.
    [{ code: 'ECONNECTION', message: 'Connection closed' }, 'outcome_unknown', undefined, 'ECONNECTION'],
    [{ code: 'ESOCKET', originalCode: 'ECONNRESET' }, 'outcome_unknown', undefined, 'ESOCKET'],
    [{ code: 'ETIMEDOUT', timeoutType: 'SOCKET_TIMEOUT' }, 'outcome_unknown', undefined, 'ETIMEDOUT'],
    [{ code: 'ETIMEDOUT' }, 'outcome_unknown', undefined, 'ETIMEDOUT'],
    [new Error('something else'), 'permanent', 'message', 'smtp_error'],
  ])('%j → %s %s', (error, failureClass, scope, code) => {
    const failure = smtpFailure(error, '<id@x>');
    expect(failure).toMatchObject({ class: failureClass, code, correlationId: '<id@x>' });
    if (scope) expect(failure).toMatchObject({ scope });
  });
});

describe('poolKey', () => {
  it('names the server and login but not the password, and never contains them', () => {
    const key = poolKey(account);
    expect(key).not.toContain('hunter2');
    expect(key).not.toContain('news');
    expect(poolKey({ ...account, auth: { user: 'news', pass: 'other' } })).toBe(key);
    expect(poolKey({ ...account, auth: { user: 'other', pass: 'hunter2-secret' } })).not.toBe(key);
    expect(poolKey({ ...account, poolSize: 2 })).not.toBe(key);
    expect(poolKey({ ...account, from: 'x@shophoa.vn' })).toBe(key);
  });
});
