import { personalisationScope } from '@loa/engine';
import { renderEmailTemplate, withPreheader } from './render-email-template';

const scope = personalisationScope({
  contact: { id: 'c1', attributes: { name: 'Nguyễn Thị Lan' }, tags: [], email: 'lan@example.test' },
  event: { orderId: 'DH1024', total: 1250000 },
});
const timezone = 'Asia/Ho_Chi_Minh';

describe('renderEmailTemplate', () => {
  it('renders subject, preheader, HTML and text with the engine filters, the preheader hidden first in the body', () => {
    const rendered = renderEmailTemplate(
      {
        subject: 'Đơn {{ event.orderId }}\r\n đã giao',
        preheader: 'Tổng {{ event.total | vnd }} <3',
        html: '<html><body class="x"><p>Chào {{ contact.name | first_name }}</p></body></html>',
        text: 'Chào {{ contact.name | first_name }}',
      },
      scope,
      timezone,
    );
    expect(rendered).toEqual({
      subject: 'Đơn DH1024 đã giao',
      preheader: 'Tổng 1.250.000 ₫ <3',
      html: expect.stringMatching(
        /^<html><body class="x"><div style="display:none;[^"]*">Tổng 1\.250\.000 ₫ &lt;3<\/div><p>Chào Lan<\/p>/,
      ),
      text: 'Chào Lan',
      errors: [],
      warnings: [],
    });
  });

  it('warns about placeholders that render empty for this contact, and leaves the body alone without a preheader', () => {
    const rendered = renderEmailTemplate(
      { subject: 'Mã {{ contact.voucher }}', html: '<p>x</p>', text: 'x' },
      scope,
      timezone,
    );
    expect(rendered.subject).toBe('Mã');
    expect(rendered.preheader).toBeNull();
    expect(rendered.html).toBe('<p>x</p>');
    expect(rendered.warnings).toEqual([{ field: 'subject', message: expect.stringContaining('voucher') }]);
  });

  it('escapes data in the HTML body (and only there), so a contact cannot add markup to the e-mail', () => {
    const hostile = personalisationScope({
      contact: { id: 'c2', attributes: { name: '<img src=x onerror=alert(1)>' }, tags: [] },
    });
    const rendered = renderEmailTemplate(
      { subject: 'Hi {{ contact.name }}', html: '<p>{{ contact.name }}</p>', text: '{{ contact.name }}' },
      hostile,
      timezone,
    );
    expect(rendered.html).toBe('<p>&lt;img src=x onerror=alert(1)&gt;</p>');
    expect(rendered.text).toBe('<img src=x onerror=alert(1)>');
  });

  it('puts the preheader at the start of a body without a <body> tag', () => {
    expect(withPreheader('<p>Hi</p>', 'Sale')).toMatch(/^<div style="[^"]*">Sale<\/div><p>Hi<\/p>$/);
  });
});
