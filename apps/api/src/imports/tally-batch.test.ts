import type { ContactRow } from './record-to-contact';
import { resolveMapping } from './resolve-mapping';
import { tallyBatch } from './tally-batch';

const resolved = resolveMapping(['SĐT', 'Email', 'Thành phố'], {
  mapping: [
    { column: 'SĐT', target: { kind: 'identity', key: 'phone' } },
    { column: 'Email', target: { kind: 'field', field: 'email' } },
    { column: 'Thành phố', target: { kind: 'attribute', key: 'city', type: 'string' } },
  ],
});
if (!resolved.ok) throw new Error('mapping should resolve');
const plan = resolved.plan;
const row: ContactRow = { match: { phone: '84912345678' }, write: {} };

describe('tallyBatch', () => {
  it('counts outcomes and maps the contact store’s field errors back to CSV columns, in row order', () => {
    const { counts, errors } = tallyBatch({
      plan,
      converted: [
        { rowNumber: 2, converted: { ok: true, row } },
        { rowNumber: 3, converted: { ok: false, errors: [{ column: 'SĐT', reason: 'is empty' }] } },
        { rowNumber: 4, converted: { ok: true, row } },
        { rowNumber: 5, converted: { ok: true, row } },
        { rowNumber: 6, converted: { ok: true, row } },
        { rowNumber: 7, converted: { ok: true, row } },
        { rowNumber: 8, converted: { ok: true, row } },
      ],
      valid: [2, 4, 5, 6, 7, 8].map((rowNumber) => ({ rowNumber, row })),
      results: [
        { ok: true, result: { outcome: 'created' } },
        { ok: true, result: { outcome: 'merged' } },
        {
          ok: false,
          status: 409,
          detail: 'email already belongs to another contact',
          errors: [{ in: 'body', field: 'email', message: 'already belongs to another contact' }],
        },
        {
          ok: false,
          status: 422,
          detail: 'bad',
          errors: [{ in: 'body', field: 'attributes.city', message: 'must be a string' }],
        },
        {
          ok: false,
          status: 409,
          detail: 'A concurrent change to the same contact won; try again',
          errors: [],
        },
        { ok: true, result: { outcome: 'skipped' } },
      ],
    });
    expect(counts).toEqual({ rowsRead: 7, created: 1, updated: 1, unchanged: 0, skipped: 1, failed: 4 });
    expect(errors).toEqual([
      { rowNumber: 3, column: 'SĐT', reason: 'is empty' },
      { rowNumber: 5, column: 'Email', reason: 'already belongs to another contact' },
      { rowNumber: 6, column: 'Thành phố', reason: 'must be a string' },
      { rowNumber: 7, column: '', reason: 'A concurrent change to the same contact won; try again' },
    ]);
  });
});
