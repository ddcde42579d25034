import { personalisationScope } from './personalisation-scope';
import { renderLiquid } from './render-liquid';

const scope = personalisationScope({
  contact: {
    id: 'kh-001',
    attributes: { name: 'Nguyễn Thị Lan', birthday: '1990-03-08' },
    tags: ['vip'],
    phone: '84912345678',
  },
  event: { orderId: 'DH1024', total: 1250000, paidAt: '2026-11-21T17:30:00Z' },
  campaign: { id: 'camp-1', name: 'Tri ân khách hàng', version: 3 },
});
const timezone = 'Asia/Ho_Chi_Minh';

function render(text: string, strictVariables = false): string {
  const result = renderLiquid(text, scope, { timezone, strictVariables });
  if (!result.ok) throw new Error(result.error);
  return result.text;
}

describe('renderLiquid', () => {
  it('renders contact, event and campaign data', () => {
    expect(
      render('{{ contact.name }} · {{ event.orderId }} · {{ campaign.name }} v{{ campaign.version }}'),
    ).toBe('Nguyễn Thị Lan · DH1024 · Tri ân khách hàng v3');
  });

  it('formats VND with dot grouping and the đồng sign, or without the sign', () => {
    expect(render('{{ event.total | vnd }}')).toBe('1.250.000 ₫');
    expect(render('{{ event.total | vnd: false }}')).toBe('1.250.000');
    expect(render('{{ "99000.6" | vnd }}')).toBe('99.001 ₫');
    expect(render('{{ contact.name | vnd }}')).toBe('Nguyễn Thị Lan');
  });

  it('formats dates as dd/mm/yyyy in Vietnam time', () => {
    // 17:30 UTC on 21 November is 00:30 on 22 November in Vietnam.
    expect(render('{{ event.paidAt | date_vn }}')).toBe('22/11/2026');
    expect(render('{{ event.paidAt | datetime_vn }}')).toBe('00:30 22/11/2026');
    expect(render('{{ contact.birthday | date_vn }}')).toBe('08/03/1990');
    expect(render('{{ "not a date" | date_vn }}')).toBe('not a date');
    // Without an offset a time is Vietnam wall-clock time, whatever zone the server runs in.
    expect(render('{{ "2026-03-10T23:30" | datetime_vn }}')).toBe('23:30 10/03/2026');
  });

  it('greets by the given name, the last word of a Vietnamese full name', () => {
    expect(render('Chào {{ contact.name | first_name }}')).toBe('Chào Lan');
    expect(render('{{ "  Lan  " | first_name }}')).toBe('Lan');
    const decomposed = 'Nguyễn Thị Lan'.normalize('NFD');
    const result = renderLiquid('{{ name | first_name }}', { name: `Trần ${decomposed}` }, { timezone });
    expect(result).toEqual({ ok: true, text: 'Lan' });
  });

  it('renders an unknown variable as empty text unless strict variables are asked for', () => {
    expect(render('Mã: {{ contact.voucher }}')).toBe('Mã: ');
    const strict = renderLiquid('Mã: {{ contact.voucher }}', scope, { timezone, strictVariables: true });
    expect(strict).toEqual({ ok: false, error: expect.stringContaining('voucher') });
  });

  it('keeps if and default usable for optional fields under strict variables', () => {
    expect(
      render('{% if contact.voucher %}Mã {{ contact.voucher }}{% else %}Không có mã{% endif %}', true),
    ).toBe('Không có mã');
    expect(render('{{ contact.voucher | default: "bạn" }}', true)).toBe('bạn');
  });

  it('rejects a misspelt filter, naming it', () => {
    expect(renderLiquid('{{ event.total | vnđ }}', scope, { timezone })).toEqual({
      ok: false,
      error: expect.stringContaining('vnđ'),
    });
  });

  it('stops a template that renders for too long, as an error value', () => {
    const loops =
      '{% for a in (1..3000) %}{% for b in (1..3000) %}{% for c in (1..3000) %}x{% endfor %}{% endfor %}{% endfor %}';
    expect(renderLiquid(loops, scope, { timezone })).toMatchObject({ ok: false });
  });

  it('escapes HTML in every output when asked, and leaves it to `| raw` to opt out', () => {
    const hostile = personalisationScope({
      contact: { id: 'kh-2', attributes: { name: '<img src=x onerror=alert(1)>' }, tags: [] },
    });
    expect(renderLiquid('<p>{{ contact.name }}</p>', hostile, { timezone, escapeHtml: true })).toEqual({
      ok: true,
      text: '<p>&lt;img src=x onerror=alert(1)&gt;</p>',
    });
    expect(renderLiquid('{{ contact.name | raw }}', hostile, { timezone, escapeHtml: true })).toEqual({
      ok: true,
      text: '<img src=x onerror=alert(1)>',
    });
    expect(renderLiquid('{{ contact.name }}', hostile, { timezone })).toEqual({
      ok: true,
      text: '<img src=x onerror=alert(1)>',
    });
  });
});
