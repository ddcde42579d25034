import { smsLength } from './sms-segments';

describe('smsLength', () => {
  it('counts plain ASCII as GSM-7: 160 in one segment, 153 per part beyond', () => {
    expect(smsLength('a'.repeat(160))).toEqual({ encoding: 'GSM-7', characters: 160, segments: 1 });
    expect(smsLength('a'.repeat(161))).toEqual({ encoding: 'GSM-7', characters: 161, segments: 2 });
    expect(smsLength('a'.repeat(306))).toMatchObject({ segments: 2 });
    expect(smsLength('a'.repeat(307))).toMatchObject({ segments: 3 });
  });

  it('counts extension characters such as € and { as two septets', () => {
    expect(smsLength('Gia 50€ {QC}')).toEqual({ encoding: 'GSM-7', characters: 15, segments: 1 });
  });

  it('makes Vietnamese with diacritics UCS-2: 70 in one segment, 67 per part beyond', () => {
    expect(smsLength('Cảm ơn bạn đã mua hàng')).toEqual({ encoding: 'UCS-2', characters: 22, segments: 1 });
    expect(smsLength('ấ'.repeat(70))).toMatchObject({ encoding: 'UCS-2', segments: 1 });
    expect(smsLength('ấ'.repeat(71))).toMatchObject({ encoding: 'UCS-2', segments: 2 });
    expect(smsLength('ấ'.repeat(135))).toMatchObject({ segments: 3 });
  });

  it('normalises to NFC first: decomposed text counts as its composed form', () => {
    const decomposed = 'Đơn hàng đã giao'.normalize('NFD');
    expect(decomposed.length).toBeGreaterThan(16);
    expect(smsLength(decomposed)).toEqual({ encoding: 'UCS-2', characters: 16, segments: 1 });
    expect(smsLength('a\u0300')).toEqual({ encoding: 'GSM-7', characters: 1, segments: 1 });
  });

  it('keeps unaccented Vietnamese in GSM-7', () => {
    expect(smsLength('Don hang DH1024 da duoc xac nhan')).toMatchObject({ encoding: 'GSM-7', segments: 1 });
  });

  it('has no segment for an empty text', () => {
    expect(smsLength('')).toEqual({ encoding: 'GSM-7', characters: 0, segments: 0 });
  });
});
