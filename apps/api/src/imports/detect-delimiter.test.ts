import { detectDelimiter } from './detect-delimiter';

const whole = (sample: string) => detectDelimiter({ sample, truncated: false });

describe('detectDelimiter', () => {
  it('finds commas, semicolons, tabs and vertical bars', () => {
    expect(whole('name,phone,city\nLan,0912345678,Hà Nội\n')).toBe(',');
    expect(whole('name;phone;city\nLan;0912345678;Hà Nội\n')).toBe(';');
    expect(whole('name\tphone\tcity\nLan\t0912345678\tHà Nội\n')).toBe('\t');
    expect(whole('name|phone|city\nLan|0912345678|Hà Nội\n')).toBe('|');
  });

  it('prefers semicolons when commas appear only inside the values', () => {
    const sample =
      'Họ tên;SĐT;Địa chỉ\nNguyễn Văn A;0912345678;12 Lê Lợi, Q1, HCM\nTrần B;0987654321;3, Hàng Bạc\n';
    expect(whole(sample)).toBe(';');
  });

  it('takes quoted fields into account, with delimiters and newlines inside them', () => {
    const sample = [
      'name,note,phone',
      '"Lan","a;b;c;d;e","0912345678"',
      '"Minh","first line',
      'second; line","0987654321"',
      'Hoa,"x|y|z",0901234567',
      '',
    ].join('\n');
    expect(whole(sample)).toBe(',');
  });

  it('chooses the delimiter with the most consistent column count', () => {
    // Commas give 2, 3 and 4 columns; semicolons give 2 on every line.
    const sample = 'a,b;c\nx;y,z,w\n1;2\n3,4;5,6,7\n';
    expect(whole(sample)).toBe(';');
  });

  it('ignores the last line of a truncated sample, even inside an open quote', () => {
    const sample = 'name;note\nLan;ok\nMinh;"cut, in the, middle';
    expect(detectDelimiter({ sample, truncated: true })).toBe(';');
  });

  it('strips a byte order mark before looking', () => {
    expect(whole('\uFEFFname;phone\nLan;0912345678\n')).toBe(';');
  });

  it('falls back to a comma for a single column', () => {
    expect(whole('phone\n0912345678\n')).toBe(',');
    expect(whole('')).toBe(',');
  });
});
