import { liquidFieldErrors } from './liquid-field-errors';

describe('liquidFieldErrors', () => {
  it('names each broken field with the line and column of the break', () => {
    expect(
      liquidFieldErrors({
        subject: 'Đơn {{ event.orderId }} đã giao',
        html: '<p>Chào</p>\n<p>{{ contact.name </p>',
        text: 'Tổng {{ event.total | vnđ }}',
        preheader: null,
      }),
    ).toEqual([
      {
        in: 'body',
        field: 'html',
        message: expect.stringMatching(
          /^has a broken placeholder .* at line 2, column 4: output .* not closed$/,
        ),
        line: 2,
        column: 4,
      },
      {
        in: 'body',
        field: 'text',
        message: expect.stringContaining('undefined filter: vnđ'),
        line: 1,
        column: 6,
      },
    ]);
  });

  it('finds nothing wrong in valid Liquid', () => {
    expect(
      liquidFieldErrors({ text: '{% if contact.vip %}VIP {{ contact.name | first_name }}{% endif %}' }),
    ).toEqual([]);
  });
});
