import { fold, proposeMapping, slug } from './propose-mapping';

describe('proposeMapping', () => {
  it('maps Vietnamese headers to contact fields, a birthday date and typed attributes', () => {
    const header = [
      'Họ tên',
      'Số điện thoại',
      'Email',
      'Ngày sinh',
      'Thành phố',
      'Điểm',
      'Đã mua',
      'Ghi chú',
    ];
    const rows = [
      ['Nguyễn Văn A', '0912345678', 'a@example.vn', '01/02/1990', 'Hà Nội', '12', 'có', 'VIP'],
      ['Trần Thị B', '0987654321', '', '15/12/1985', 'Huế', '7,5', 'không', ''],
    ];
    expect(proposeMapping(header, rows)).toEqual([
      { column: 'Họ tên', target: { kind: 'field', field: 'name' } },
      { column: 'Số điện thoại', target: { kind: 'identity', key: 'phone' } },
      { column: 'Email', target: { kind: 'field', field: 'email' } },
      {
        column: 'Ngày sinh',
        target: { kind: 'attribute', key: 'birthday', type: 'date', dateFormat: 'dd/MM/yyyy' },
      },
      { column: 'Thành phố', target: { kind: 'attribute', key: 'thanh_pho', type: 'string' } },
      { column: 'Điểm', target: { kind: 'attribute', key: 'diem', type: 'number' } },
      { column: 'Đã mua', target: { kind: 'attribute', key: 'da_mua', type: 'boolean' } },
      { column: 'Ghi chú', target: { kind: 'attribute', key: 'ghi_chu', type: 'string' } },
    ]);
  });

  it('recognises English headers and prefers the customer id as the identity', () => {
    const mapping = proposeMapping(['Customer ID', 'Name', 'Mobile', 'E-mail', 'Birthday', 'Tags'], []);
    expect(mapping.map((entry) => entry.target)).toEqual([
      { kind: 'identity', key: 'externalId' },
      { kind: 'field', field: 'name' },
      { kind: 'field', field: 'phone' },
      { kind: 'field', field: 'email' },
      { kind: 'attribute', key: 'birthday', type: 'date', dateFormat: 'dd/MM/yyyy' },
      { kind: 'field', field: 'tags' },
    ]);
  });

  it('maps short Vietnamese forms: SĐT, Mã KH, Tên', () => {
    const mapping = proposeMapping(['Mã KH', 'Tên', 'SĐT'], [['KH001', 'Lan', '0912345678']]);
    expect(mapping.map((entry) => entry.target)).toEqual([
      { kind: 'identity', key: 'externalId' },
      { kind: 'field', field: 'name' },
      { kind: 'field', field: 'phone' },
    ]);
  });

  it('keeps a second phone-like column as an attribute and keeps attribute keys unique', () => {
    const mapping = proposeMapping(
      ['SĐT', 'Điện thoại', 'Ghi chú', 'Ghi chú!'],
      [['0912345678', '0243', 'a', 'b']],
    );
    expect(mapping.map((entry) => entry.target)).toEqual([
      { kind: 'identity', key: 'phone' },
      { kind: 'attribute', key: 'dien_thoai', type: 'string' },
      { kind: 'attribute', key: 'ghi_chu', type: 'string' },
      { kind: 'attribute', key: 'ghi_chu_2', type: 'string' },
    ]);
  });

  it('guesses ISO dates, date-times and keeps numbers with a leading zero as strings', () => {
    const mapping = proposeMapping(
      ['Signed up', 'Last order', 'Zip'],
      [
        ['2024-01-31', '2024-01-31T10:00:00+07:00', '01234'],
        ['2023-12-01', '2024-02-01 08:30', '70000'],
      ],
    );
    expect(mapping.map((entry) => entry.target)).toEqual([
      { kind: 'attribute', key: 'signed_up', type: 'date', dateFormat: 'yyyy-MM-dd' },
      { kind: 'attribute', key: 'last_order', type: 'datetime', dateFormat: 'iso' },
      { kind: 'attribute', key: 'zip', type: 'string' },
    ]);
  });

  it('has no identity when no column names one', () => {
    const mapping = proposeMapping(['Thành phố'], [['Huế']]);
    expect(mapping).toEqual([
      { column: 'Thành phố', target: { kind: 'attribute', key: 'thanh_pho', type: 'string' } },
    ]);
  });
});

describe('fold and slug', () => {
  it('removes Vietnamese diacritics, including đ', () => {
    expect(fold('  Số Điện-Thoại ')).toBe('so dien thoai');
    expect(slug('Đơn hàng cuối (VNĐ)')).toBe('don_hang_cuoi_vnd');
    expect(slug('2024 doanh số')).toBe('c_2024_doanh_so');
    expect(slug('###')).toBe('');
  });
});
