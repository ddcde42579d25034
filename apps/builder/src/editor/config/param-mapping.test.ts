import { renderLiquid } from '@loa/engine/browser';
import { liquidFromMapping, mappingFromLiquid, type ParamMapping } from './param-mapping';

const known = new Set(['contact.name', 'event.orderId', 'event["mã-giảm"]', 'campaign.name']);

describe('param mapping and Liquid', () => {
  it.each<[string, ParamMapping]>([
    ['{{ contact.name }}', { kind: 'field', path: 'contact.name' }],
    ['{{event.orderId}}', { kind: 'field', path: 'event.orderId' }],
    ['{{ event["mã-giảm"] }}', { kind: 'field', path: 'event["mã-giảm"]' }],
    ['Cửa hàng Hoa', { kind: 'literal', text: 'Cửa hàng Hoa' }],
    ['', { kind: 'literal', text: '' }],
    ['{% raw %}{{ not a variable }}{% endraw %}', { kind: 'literal', text: '{{ not a variable }}' }],
    ['{{ contact.name | first_name }}', { kind: 'liquid', expression: '{{ contact.name | first_name }}' }],
    ['{{ contact.voucher }}', { kind: 'liquid', expression: '{{ contact.voucher }}' }],
    ['Đơn {{ event.orderId }}', { kind: 'liquid', expression: 'Đơn {{ event.orderId }}' }],
  ])('reads %j', (liquid, mapping) => {
    expect(mappingFromLiquid(liquid, known)).toEqual(mapping);
  });

  it('writes a field as a single output', () => {
    expect(liquidFromMapping({ kind: 'field', path: 'contact.name' })).toBe('{{ contact.name }}');
  });

  it('keeps literal text verbatim, even when it looks like Liquid', () => {
    for (const text of ['Giảm 50%', 'a {{ b }} c', '{% if x %}']) {
      const liquid = liquidFromMapping({ kind: 'literal', text });
      expect(mappingFromLiquid(liquid, known)).toEqual({ kind: 'literal', text });
      expect(renderLiquid(liquid, {}, { timezone: 'Asia/Ho_Chi_Minh' })).toEqual({ ok: true, text });
    }
  });

  it('round-trips every mapping', () => {
    const mappings: ParamMapping[] = [
      { kind: 'field', path: 'event["mã-giảm"]' },
      { kind: 'literal', text: 'SALE50' },
      { kind: 'liquid', expression: '{{ event.total | vnd }}' },
    ];
    for (const mapping of mappings)
      expect(mappingFromLiquid(liquidFromMapping(mapping), known)).toEqual(mapping);
  });
});
