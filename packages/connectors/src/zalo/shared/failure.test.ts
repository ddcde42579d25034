import { ZNS_ERRORS } from '../zns/zns.errors';
import { zaloMessageFailure, zaloSendFailure } from './failure';

const network = (mayHaveArrived: boolean) =>
  ({ ok: false, kind: 'network', code: 'UND_ERR_SOCKET', mayHaveArrived }) as const;
const input = (mayHaveArrived: boolean) => ({
  failure: network(mayHaveArrived),
  channel: 'Zalo ZNS',
  errors: ZNS_ERRORS,
  correlationId: 'c1',
  now: 0,
});

describe('Zalo network failures', () => {
  it('a send that may have reached Zalo and got no answer has an unknown outcome: Zalo cannot recognise a resend', () => {
    expect(zaloMessageFailure(input(true))).toEqual({
      status: 'failed',
      class: 'outcome_unknown',
      code: 'UND_ERR_SOCKET',
      message:
        'Zalo did not answer after the message was sent to it; it may have received the message, so whether it was sent is unknown.',
      correlationId: 'c1',
    });
  });

  it('a send that cannot have reached Zalo is retryable', () => {
    expect(zaloMessageFailure(input(false))).toMatchObject({ class: 'retryable', code: 'UND_ERR_SOCKET' });
  });

  it('a call that only reads (template detail, token) is retryable whatever happened to its request', () => {
    expect(zaloSendFailure(input(true))).toMatchObject({ class: 'retryable', code: 'UND_ERR_SOCKET' });
  });
});
