import type { SentMessageInfo } from 'nodemailer';
import { smtpSendOutcome } from './smtp-send-answer';

const now = new Date('2026-03-10T05:00:00Z');
const messageId = '<key_1@mail.shophoa.vn>';
const outcomeOf = (info: unknown) => smtpSendOutcome({ info: info as SentMessageInfo, messageId, now });
const sent = {
  status: 'sent',
  providerMessageId: messageId,
  correlationId: messageId,
  acceptedAt: now.toISOString(),
};

describe('SMTP send answers', () => {
  it('a message the server took is sent', () => {
    expect(
      outcomeOf({
        accepted: ['lan@example.vn'],
        rejected: [],
        envelope: { from: 'news@shophoa.vn', to: ['lan@example.vn'] },
        messageId,
        response: '250 2.0.0 Ok: queued as 4F3A1',
      }),
    ).toEqual(sent);
  });

  it.each([
    ['no lists at all', {}],
    ['lists of another type', { accepted: 'lan@example.vn', rejected: 'none' }],
    [
      'a rejected list beside an accepted recipient',
      { accepted: ['lan@example.vn'], rejected: ['old@example.vn'] },
    ],
    ['no info', undefined],
  ])('an accepted message whose info has %s is sent, never a throw', (_, info) => {
    expect(outcomeOf(info)).toEqual(sent);
  });

  it('a recipient the server rejected, with nobody accepted, is a permanent failure', () => {
    expect(outcomeOf({ accepted: [], rejected: ['lan@example.vn'] })).toMatchObject({
      status: 'failed',
      class: 'permanent',
      scope: 'recipient',
      code: 'smtp_rejected',
    });
  });
});
