import type { SendMessage } from '../plan/plan.types';
import { liquidScope } from './liquid-scope';
import { renderMessage } from './render-message';

const scope = liquidScope(
  {
    id: 'kh-001',
    attributes: { name: 'Nguyễn Thị Lan', city: 'Hà Nội' },
    tags: ['vip'],
    phone: '0912345678',
    email: 'lan@example.vn',
    doNotContact: false,
  },
  { orderId: 'DH1024', total: 450000 },
);

describe('renderMessage', () => {
  it('renders ZNS params from contact attributes and entry event properties', () => {
    const message: SendMessage = {
      channel: 'zns',
      templateId: '231456',
      mode: 'normal',
      params: {
        customer_name: '{{ contact.name }}',
        order_code: '{{ event.orderId }}',
        phone: '{{ contact.phone }}',
      },
    };
    expect(renderMessage(message, scope, 'Asia/Ho_Chi_Minh')).toEqual({
      rendered: {
        ...message,
        params: { customer_name: 'Nguyễn Thị Lan', order_code: 'DH1024', phone: '0912345678' },
      },
      errors: [],
    });
  });

  it('renders a missing variable as empty text (lenient variables)', () => {
    const message: SendMessage = {
      channel: 'sms',
      brandName: 'LOASHOP',
      text: 'Chào {{ contact.nickname }}!',
    };
    expect(renderMessage(message, scope, 'Asia/Ho_Chi_Minh')).toEqual({
      rendered: { ...message, text: 'Chào !' },
      errors: [],
    });
  });

  it('reports an unknown filter per field without throwing, keeping the template text', () => {
    const message: SendMessage = {
      channel: 'email',
      from: { email: 'cskh@loa.vn' },
      subject: 'Chào {{ contact.name | shout }}',
      text: 'Đơn {{ event.orderId }}',
      html: '<p>{{ event.total | divided_by: 1000 }}k</p>',
    };
    const { rendered, errors } = renderMessage(message, scope, 'Asia/Ho_Chi_Minh');
    expect(rendered).toMatchObject({
      subject: 'Chào {{ contact.name | shout }}',
      text: 'Đơn DH1024',
      html: '<p>450k</p>',
    });
    expect(errors).toEqual([{ field: 'subject', message: expect.stringContaining('shout') }]);
  });

  it('reports a syntax error', () => {
    const message: SendMessage = { channel: 'sms', brandName: 'LOASHOP', text: 'Chào {{ contact.name ' };
    expect(renderMessage(message, scope, 'Asia/Ho_Chi_Minh').errors).toEqual([
      { field: 'text', message: expect.any(String) },
    ]);
  });

  it('renders every text of an OA transaction message, and reads tags and the attributes object', () => {
    const message: SendMessage = {
      channel: 'oa',
      kind: 'transaction',
      message: {
        type: 'transaction',
        templateType: 'transaction_order',
        language: 'VI',
        header: 'Đơn {{ event.orderId }}',
        text: '{% if contact.tags contains "vip" %}Khách VIP{% endif %}',
        table: [{ key: 'Thành phố', value: '{{ contact.attributes.city }}' }],
        buttons: [],
      },
    };
    expect(renderMessage(message, scope, 'Asia/Ho_Chi_Minh').rendered).toMatchObject({
      message: { header: 'Đơn DH1024', text: 'Khách VIP', table: [{ key: 'Thành phố', value: 'Hà Nội' }] },
    });
  });

  it('formats dates in the campaign timezone, whatever the machine timezone', () => {
    const message: SendMessage = {
      channel: 'sms',
      brandName: 'LOASHOP',
      text: "{{ event.createdAt | date: '%d/%m/%Y %H:%M' }}",
    };
    const at = liquidScope(
      { id: 'kh-1', attributes: {}, tags: [], doNotContact: false },
      { createdAt: '2026-05-18T20:30:00Z' },
    );
    expect(renderMessage(message, at, 'Asia/Ho_Chi_Minh').rendered).toMatchObject({
      text: '19/05/2026 03:30',
    });
    expect(renderMessage(message, at, 'Europe/Paris').rendered).toMatchObject({ text: '18/05/2026 22:30' });
  });
});
