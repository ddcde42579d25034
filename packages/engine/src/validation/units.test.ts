import { ContactFields } from './contact-fields';
import { describeField } from './issue-messages';
import { analyzeLiquid } from './liquid';
import { formatPath } from './paths';
import { clip, listOf } from './text';
import { isValidTimeZone } from './timezone';

describe('validation helpers', () => {
  it('formats paths with dots, indexes and quoted odd keys', () => {
    expect(formatPath(['nodes', 3, 'data', 'params', 'customer_name'])).toBe(
      'nodes[3].data.params.customer_name',
    );
    expect(formatPath(['settings', 'timezone'])).toBe('settings.timezone');
    expect(formatPath(['nodes', 0, 'data', 'set', 'attributes.city'])).toBe(
      'nodes[0].data.set["attributes.city"]',
    );
    expect(formatPath(['nodes', 0, 'data', 'params', 'tên khách'])).toBe('nodes[0].data.params["tên khách"]');
  });

  it('describes fields in words', () => {
    expect(describeField(['text'])).toBe('the text');
    expect(describeField(['variants', 1, 'weight'])).toBe('the weight of variant 2');
    expect(describeField(['message', 'table', 0, 'value'])).toBe('the value of table row 1');
    expect(describeField(['params', 'customer_name'])).toBe('the template parameter “customer_name”');
    expect(describeField(['from', 'email'])).toBe('the email address of the sender');
    expect(describeField(['rule', 'rules', 2])).toBe('rule 3 of the condition');
    expect(describeField(['someNewField'])).toBe('the some new field');
  });

  it('clips and lists text for messages', () => {
    expect(clip('a'.repeat(100))).toHaveLength(60);
    expect(clip('  two\n lines ')).toBe('two lines');
    expect(listOf(['a'])).toBe('a');
    expect(listOf(['a', 'b', 'c'])).toBe('a, b and c');
    expect(listOf(['1', '2', '3', '4', '5', '6', '7'])).toBe('1, 2, 3, 4, 5 and 2 more');
  });

  it('knows contact fields, their groups and reads into them', () => {
    const fields = new ContactFields(['name', 'attributes.city', 'attributes.address.street']);
    for (const known of [
      'name',
      'name.size',
      'attributes',
      'attributes.city',
      'attributes.address',
      'attributes.address.street.first',
    ]) {
      expect([known, fields.knows(known)]).toEqual([known, true]);
    }
    for (const unknown of ['nmae', 'attributes.town', 'attribute', 'city', 'attributes.address.zip']) {
      expect([unknown, fields.knows(unknown)]).toEqual([unknown, false]);
    }
  });

  it('analyses Liquid: errors and the contact fields read', () => {
    expect(analyzeLiquid('Chào bạn')).toEqual({ contactPaths: [] });
    expect(
      analyzeLiquid('{{ contact.name }} {{ contact.attributes.city | upcase }} {{ event.orderId }}'),
    ).toEqual({
      contactPaths: ['name', 'attributes.city'],
    });
    expect(analyzeLiquid('{% for t in contact.tags %}{{ t }}{% endfor %}').contactPaths).toEqual(['tags']);
    expect(analyzeLiquid('{{ contact.name')).toEqual({
      error: 'output "{{ contact.name" not closed (line 1, column 1)',
      contactPaths: [],
    });
    // Includes of other templates are not followed (there are none, and the engine does no I/O).
    expect(analyzeLiquid("{% include 'footer' %}{{ contact.phone }}").contactPaths).toEqual(['phone']);
  });

  it('knows IANA time zones and rejects the rest', () => {
    expect(isValidTimeZone('Asia/Ho_Chi_Minh')).toBe(true);
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(isValidTimeZone('Asia/Hanoi')).toBe(false);
    expect(isValidTimeZone('+07:00')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});
