import type { ColumnMapping } from './import-mapping';
import { resolveMapping } from './resolve-mapping';

const header = ['Mã KH', 'Họ tên', 'SĐT', 'Email', 'Thành phố'];
const phone: ColumnMapping = { column: 'SĐT', target: { kind: 'identity', key: 'phone' } };

describe('resolveMapping', () => {
  it('plans the mapped columns by position, skipping skipped and unmapped ones', () => {
    const resolved = resolveMapping(header, {
      mapping: [
        { column: 'Thành phố', target: { kind: 'attribute', key: 'city', type: 'string' } },
        phone,
        { column: 'Họ tên', target: { kind: 'skip' } },
      ],
    });
    expect(resolved).toEqual({
      ok: true,
      plan: {
        identity: { key: 'phone', index: 2, name: 'SĐT' },
        columns: [
          { index: 4, name: 'Thành phố', target: { kind: 'attribute', key: 'city', type: 'string' } },
          { index: 2, name: 'SĐT', target: { kind: 'identity', key: 'phone' } },
        ],
      },
    });
  });

  it('takes the identity from identityKey when no column is mapped to identity', () => {
    const resolved = resolveMapping(header, {
      mapping: [{ column: 'Email', target: { kind: 'field', field: 'email' } }],
      identityKey: 'email',
    });
    expect(resolved.ok && resolved.plan.identity).toEqual({ key: 'email', index: 3, name: 'Email' });
  });

  it('names every problem: unknown and repeated columns, repeated targets, misplaced date formats', () => {
    const resolved = resolveMapping(header, {
      mapping: [
        phone,
        { column: 'Tuổi', target: { kind: 'skip' } },
        { column: 'SĐT', target: { kind: 'skip' } },
        { column: 'Mã KH', target: { kind: 'field', field: 'phone' } },
        {
          column: 'Thành phố',
          target: { kind: 'attribute', key: 'city', type: 'string', dateFormat: 'dd/MM/yyyy' },
        },
      ],
    });
    expect(resolved).toEqual({
      ok: false,
      errors: [
        { in: 'body', field: 'mapping.1.column', message: '"Tuổi" is not a column of the file' },
        { in: 'body', field: 'mapping.2.column', message: '"SĐT" is mapped twice' },
        { in: 'body', field: 'mapping.3.target', message: 'phone is already mapped from column "SĐT"' },
        {
          in: 'body',
          field: 'mapping.4.target.dateFormat',
          message: 'applies only to date and datetime attributes',
        },
      ],
    });
  });

  it('needs exactly one identity, consistent with identityKey', () => {
    const name: ColumnMapping = { column: 'Họ tên', target: { kind: 'field', field: 'name' } };
    expect(resolveMapping(header, { mapping: [name] })).toMatchObject({
      ok: false,
      errors: [{ field: 'mapping' }],
    });
    expect(resolveMapping(header, { mapping: [name], identityKey: 'phone' })).toMatchObject({
      ok: false,
      errors: [{ field: 'identityKey', message: 'no column is mapped to phone' }],
    });
    expect(resolveMapping(header, { mapping: [phone], identityKey: 'email' })).toMatchObject({
      ok: false,
      errors: [{ field: 'identityKey' }],
    });
    const two = [phone, { column: 'Email', target: { kind: 'identity', key: 'email' } } as ColumnMapping];
    expect(resolveMapping(header, { mapping: two })).toMatchObject({
      ok: false,
      errors: [{ field: 'mapping' }],
    });
  });
});
