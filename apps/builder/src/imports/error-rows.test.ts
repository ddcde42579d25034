import { parseErrorRows } from './error-rows';

describe('parseErrorRows', () => {
  it('reads the API error file with its byte order mark, quoted reasons and a limit', () => {
    const csv =
      '\uFEFFrow,column,reason\n' +
      '14,Số điện thoại,is not a valid Vietnamese phone number\n' +
      '15,"Ngày, sinh","is not a date written as ""dd/MM/yyyy"""\n' +
      '16,,has 3 columns instead of 4\n';
    expect(parseErrorRows(csv, 10)).toEqual([
      { row: 14, column: 'Số điện thoại', reason: 'is not a valid Vietnamese phone number' },
      { row: 15, column: 'Ngày, sinh', reason: 'is not a date written as "dd/MM/yyyy"' },
      { row: 16, column: '', reason: 'has 3 columns instead of 4' },
    ]);
    expect(parseErrorRows(csv, 2).map((error) => error.row)).toEqual([14, 15]);
  });

  it('reads an empty error file as no rows', () => {
    expect(parseErrorRows('\uFEFFrow,column,reason\n', 10)).toEqual([]);
  });
});
