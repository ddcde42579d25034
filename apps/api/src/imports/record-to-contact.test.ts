import type { ColumnMapping } from './import-mapping';
import { type RecordContext, recordToContact } from './record-to-contact';
import { resolveMapping } from './resolve-mapping';

const header = ['SĐT', 'Tên', 'Email', 'Nhãn', 'Không liên hệ', 'Ngày sinh', 'Lần mua cuối', 'Điểm', 'Hạng'];
const mapping: ColumnMapping[] = [
  { column: 'SĐT', target: { kind: 'identity', key: 'phone' } },
  { column: 'Tên', target: { kind: 'field', field: 'name' } },
  { column: 'Email', target: { kind: 'field', field: 'email' } },
  { column: 'Nhãn', target: { kind: 'field', field: 'tags' } },
  { column: 'Không liên hệ', target: { kind: 'field', field: 'doNotContact' } },
  {
    column: 'Ngày sinh',
    target: { kind: 'attribute', key: 'birthday', type: 'date', dateFormat: 'dd/MM/yyyy' },
  },
  {
    column: 'Lần mua cuối',
    target: { kind: 'attribute', key: 'last_order', type: 'datetime', dateFormat: 'dd/MM/yyyy HH:mm' },
  },
  { column: 'Điểm', target: { kind: 'attribute', key: 'points', type: 'number' } },
  { column: 'Hạng', target: { kind: 'attribute', key: 'tier', type: 'enum' } },
];

function context(): RecordContext {
  const resolved = resolveMapping(header, { mapping });
  if (!resolved.ok) throw new Error('mapping should resolve');
  return {
    plan: resolved.plan,
    headerLength: header.length,
    timezone: 'Asia/Ho_Chi_Minh',
    enumValues: new Map([['tier', ['Gold', 'Silver']]]),
  };
}

describe('recordToContact', () => {
  it('normalises and types every mapped cell, matching on the identity', () => {
    const record = [
      ' 0912 345 678 ',
      'Nguyễn Thị Lan',
      'lan@example.vn',
      'vip, hà nội;vip',
      'có',
      '1/2/1990',
      '31/12/2024 19:30',
      '1 234,5',
      'gold',
    ];
    expect(recordToContact(record, context())).toEqual({
      ok: true,
      row: {
        match: { phone: '84912345678' },
        write: {
          phone: '84912345678',
          name: 'Nguyễn Thị Lan',
          email: 'lan@example.vn',
          tags: { add: ['vip', 'hà nội'] },
          doNotContact: true,
          attributes: {
            birthday: '1990-02-01',
            last_order: '2024-12-31T12:30:00.000Z',
            points: 1234.5,
            tier: 'Gold',
          },
        },
      },
    });
  });

  it('writes nothing for empty cells', () => {
    const record = ['0912345678', '', '', '', '', '', '', '', ''];
    expect(recordToContact(record, context())).toEqual({
      ok: true,
      row: { match: { phone: '84912345678' }, write: { phone: '84912345678' } },
    });
  });

  it('reports every bad cell by column', () => {
    const record = [
      '0243 123 4567',
      'Lan',
      'not-an-email',
      '',
      'maybe',
      '30/02/1990',
      '2024-12-31',
      'many',
      'Bronze',
    ];
    expect(recordToContact(record, context())).toEqual({
      ok: false,
      errors: [
        { column: 'SĐT', reason: 'is not a mobile number' },
        { column: 'Email', reason: 'is not a valid e-mail address' },
        { column: 'Không liên hệ', reason: 'must be yes/no, true/false or 1/0' },
        { column: 'Ngày sinh', reason: 'is not a date written as dd/MM/yyyy' },
        { column: 'Lần mua cuối', reason: 'is not a date written as dd/MM/yyyy HH:mm' },
        { column: 'Điểm', reason: 'must be a number' },
        { column: 'Hạng', reason: 'must be one of: Gold, Silver' },
      ],
    });
  });

  it('refuses a record without its identity or with the wrong number of columns', () => {
    expect(recordToContact(['', 'Lan', '', '', '', '', '', '', ''], context())).toEqual({
      ok: false,
      errors: [{ column: 'SĐT', reason: 'is empty; it identifies the contact' }],
    });
    expect(recordToContact(['0912345678', 'Lan'], context())).toEqual({
      ok: false,
      errors: [{ column: '', reason: 'has 2 columns where the header has 9' }],
    });
  });

  it('refuses cells holding a NUL character, which PostgreSQL cannot store', () => {
    const record = ['0912345678', 'La\u0000n', '', 'vip\u0000', '', '', '', '', 'Gold'];
    expect(recordToContact(record, context())).toEqual({
      ok: false,
      errors: [
        { column: 'Tên', reason: 'contains a NUL character' },
        { column: 'Nhãn', reason: 'contains a NUL character' },
      ],
    });
  });
});
