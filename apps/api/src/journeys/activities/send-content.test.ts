import { renderContent } from './send-content';

const scope = { contact: { name: 'Lan' }, event: { orderId: 'DH30001', total: 320000 } };

describe('the send content of an OA step', () => {
  it('renders a transaction message: header, paragraph and table values personalised, keys and buttons as drawn', () => {
    const rendered = renderContent(
      {
        channel: 'oa',
        kind: 'transaction',
        message: {
          type: 'transaction',
          templateType: 'transaction_order',
          language: 'VI',
          header: 'Xác nhận đơn hàng {{ event.orderId }}',
          text: 'Chào {{ contact.name }}',
          table: [{ key: 'Tổng tiền', value: '{{ event.total }}đ' }],
          buttons: [{ title: 'Xác nhận đơn', url: 'https://loashop.vn/xac-nhan' }],
        },
      },
      scope,
      'Asia/Ho_Chi_Minh',
    );
    expect(rendered).toEqual({
      ok: true,
      content: {
        channel: 'zalo_oa',
        transaction: {
          templateType: 'transaction_order',
          language: 'VI',
          header: 'Xác nhận đơn hàng DH30001',
          text: 'Chào Lan',
          table: [{ key: 'Tổng tiền', value: '320000đ' }],
          buttons: [{ title: 'Xác nhận đơn', url: 'https://loashop.vn/xac-nhan' }],
        },
      },
    });
  });

  it('still refuses an image message, which the send service cannot send', () => {
    const rendered = renderContent(
      {
        channel: 'oa',
        kind: 'consultation',
        message: { type: 'image', imageUrl: 'https://loashop.vn/a.png' },
      } as never,
      scope,
      'Asia/Ho_Chi_Minh',
    );
    expect(rendered).toMatchObject({ ok: false, errorCode: 'loa_oa_message_unsupported' });
  });
});
