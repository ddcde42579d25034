import { oaMessageJson } from './oa.body';
import { checkOaMessageLimits } from './oa.limits';

const to = { userId: 'u1' };

describe('OA message limits (providers.md §3.3)', () => {
  it('allows 2,000 characters of text counted on NFC, not more', () => {
    const nfd = 'ố'.normalize('NFD').repeat(2000);
    expect(nfd.length).toBe(6000);
    expect(checkOaMessageLimits({ type: 'cs', recipient: to, body: { kind: 'text', text: nfd } })).toEqual({
      ok: true,
    });
    expect(
      checkOaMessageLimits({ type: 'cs', recipient: to, body: { kind: 'text', text: `${nfd}a` } }),
    ).toMatchObject({ ok: false, field: 'text' });
  });

  it('checks request_user_info title ≤100 and subtitle ≤500', () => {
    const body = {
      kind: 'request_user_info' as const,
      title: 'T',
      subtitle: 'S',
      imageUrl: 'https://x/y.png',
    };
    expect(checkOaMessageLimits({ type: 'cs', recipient: to, body })).toEqual({ ok: true });
    expect(
      checkOaMessageLimits({ type: 'cs', recipient: to, body: { ...body, title: 'x'.repeat(101) } }),
    ).toMatchObject({ ok: false, field: 'title' });
    expect(
      checkOaMessageLimits({ type: 'cs', recipient: to, body: { ...body, subtitle: 'x'.repeat(501) } }),
    ).toMatchObject({ ok: false, field: 'subtitle' });
  });

  it('rejects an upload over 1 MB or not JPG/PNG', () => {
    const upload = (bytes: number, contentType: 'image/png' | 'image/jpeg') => ({
      type: 'cs' as const,
      recipient: to,
      body: { kind: 'image' as const, image: { upload: { bytes: Buffer.alloc(bytes), contentType } } },
    });
    expect(checkOaMessageLimits(upload(1024 * 1024, 'image/png'))).toEqual({ ok: true });
    expect(checkOaMessageLimits(upload(1024 * 1024 + 1, 'image/png'))).toMatchObject({
      ok: false,
      field: 'image',
    });
    expect(checkOaMessageLimits(upload(10, 'image/gif' as 'image/png'))).toMatchObject({
      ok: false,
      field: 'image',
    });
  });

  it('checks transaction and promotion elements', () => {
    const table = (rows: number, key = 'Mã khách hàng') => ({
      type: 'table' as const,
      rows: Array.from({ length: rows }, () => ({ key, value: 'KH001' })),
    });
    expect(
      checkOaMessageLimits({
        type: 'transaction',
        recipient: to,
        body: { kind: 'transaction', templateType: 'transaction_order', elements: [table(6)] },
      }),
    ).toEqual({ ok: true });
    expect(
      checkOaMessageLimits({
        type: 'promotion',
        recipient: to,
        body: { kind: 'promotion', elements: [table(6)] },
      }),
    ).toMatchObject({ ok: false, field: 'elements[0]' });
    expect(
      checkOaMessageLimits({
        type: 'transaction',
        recipient: to,
        body: {
          kind: 'transaction',
          templateType: 'transaction_order',
          elements: [table(1, 'k'.repeat(36))],
        },
      }),
    ).toMatchObject({ ok: false, field: 'elements[0].rows[0].key' });
    expect(
      checkOaMessageLimits({
        type: 'transaction',
        recipient: to,
        body: {
          kind: 'transaction',
          templateType: 'transaction_order',
          elements: [{ type: 'text', content: 'x'.repeat(251) }],
        },
      }),
    ).toMatchObject({ ok: false, field: 'elements[0].content' });
  });

  it('builds the documented JSON bodies', () => {
    expect(
      oaMessageJson({
        type: 'cs',
        recipient: { replyToMessageId: 'm1' },
        body: { kind: 'text', text: 'Chào' },
      }),
    ).toEqual({
      recipient: { message_id: 'm1' },
      message: { text: 'Chào' },
    });
    expect(
      oaMessageJson(
        {
          type: 'cs',
          recipient: to,
          body: { kind: 'image', image: { upload: { bytes: Buffer.alloc(1), contentType: 'image/png' } } },
        },
        'att1',
      ),
    ).toEqual({
      recipient: { user_id: 'u1' },
      message: {
        attachment: {
          type: 'template',
          payload: { template_type: 'media', elements: [{ media_type: 'image', attachment_id: 'att1' }] },
        },
      },
    });
  });
});
