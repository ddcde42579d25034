import type { NodeConfig } from '../graph/node-catalogue';

/** Node configs the simulator tests share: realistic Vietnamese content, small enough to read. */
export const znsOrderConfirmation: NodeConfig<'send.zns'> = {
  label: 'ZNS xác nhận đơn',
  accountId: 'oa-loa-shop',
  templateId: '231456',
  params: { customer_name: '{{ contact.name }}', order_code: '{{ event.orderId }}' },
  mode: 'normal',
  purpose: 'transactional',
};

export const smsOrderConfirmation: NodeConfig<'send.sms'> = {
  label: 'SMS xác nhận đơn',
  accountId: 'esms-loa',
  brandName: 'LOASHOP',
  text: 'Don hang {{ event.orderId }} da duoc xac nhan. Cam on ban!',
  purpose: 'care',
};

export const advertisingSms: NodeConfig<'send.sms'> = {
  label: 'SMS khuyến mãi',
  accountId: 'esms-loa',
  brandName: 'LOASHOP',
  text: '[QC] LOASHOP giam 20% cho {{ contact.name }}. Tu choi QC soan TC gui 8xxx',
  purpose: 'advertising',
};

export const tipsEmail: NodeConfig<'send.email'> = {
  label: 'Email mẹo hay',
  accountId: 'smtp-loa',
  from: { email: 'hello@loashop.vn', name: 'Loa Shop' },
  subject: 'Mẹo dùng sản phẩm cho {{ contact.name }}',
  html: '<p>Chào {{ contact.name }},</p>',
  text: 'Chào {{ contact.name }},',
  purpose: 'transactional',
};

export const lan = {
  id: 'kh-001',
  attributes: { name: 'Nguyễn Thị Lan', city: 'Hà Nội' },
  phone: '0912345678',
  email: 'lan@example.vn',
};

export const START = '2026-05-18T10:00:00+07:00';
