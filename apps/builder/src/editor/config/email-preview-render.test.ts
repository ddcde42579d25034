import { renderEmailForPreview } from './email-preview-render';
import { previewContactAt } from './preview-contacts';

const lan = previewContactAt(0);
const anh = previewContactAt(2);

describe('renderEmailForPreview', () => {
  it('renders subject, HTML and text for the contact and its entry event, as a send does', () => {
    const preview = renderEmailForPreview(
      {
        subject: 'Chào {{ contact.name }}, đơn {{ event.orderId }}',
        html: '<p>Tổng: {{ event.total }}</p>',
        text: 'Tổng: {{ event.total }}',
      },
      lan,
    );
    expect(preview).toEqual({
      rendered: {
        subject: 'Chào Nguyễn Thị Lan, đơn DH10245',
        html: '<p>Tổng: 459000</p>',
        text: 'Tổng: 459000',
      },
      problems: [],
    });
  });

  it('escapes markup that data brings into the HTML body, not into the plain text', () => {
    const contact = { ...lan, attributes: { ...lan.attributes, name: '<script>x()</script>' } };
    const preview = renderEmailForPreview(
      { subject: '{{ contact.name }}', html: '<b>{{ contact.name }}</b>', text: '{{ contact.name }}' },
      contact,
    );
    expect(preview.rendered.html).toBe('<b>&lt;script&gt;x()&lt;/script&gt;</b>');
    expect(preview.rendered.text).toBe('<script>x()</script>');
  });

  it('names a variable the contact does not have, which renders as empty text', () => {
    const preview = renderEmailForPreview(
      { subject: 'Sinh nhật {{ contact.birthday }}', html: '<p>Hi</p>', text: 'Hi' },
      anh,
    );
    expect(preview.rendered.subject).toBe('Sinh nhật ');
    expect(preview.problems).toEqual([
      { field: 'subject', kind: 'missing', message: expect.stringContaining('contact.birthday') },
    ]);
  });

  it('reports an unknown filter as an error of its field and keeps rendering the others', () => {
    const preview = renderEmailForPreview(
      { subject: 'Hi', html: '<p>{{ contact.name | shout }}</p>', text: '{{ contact.name }}' },
      lan,
    );
    expect(preview.rendered).toEqual({ subject: 'Hi', html: '', text: 'Nguyễn Thị Lan' });
    expect(preview.problems).toEqual([
      { field: 'html', kind: 'error', message: expect.stringContaining('undefined filter: shout') },
    ]);
  });
});
