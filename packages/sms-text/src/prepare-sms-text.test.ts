import { prepareSmsText } from './prepare-sms-text';
import { smsLength } from './sms-segments';

describe('smsLength', () => {
  it.each([
    ['', 'GSM-7', 0, 0],
    ['a'.repeat(160), 'GSM-7', 160, 1],
    ['a'.repeat(161), 'GSM-7', 161, 2],
    ['a'.repeat(306), 'GSM-7', 306, 2],
    ['a'.repeat(307), 'GSM-7', 307, 3],
    ['{}'.repeat(40), 'GSM-7', 160, 1],
    ['€'.repeat(81), 'GSM-7', 162, 2],
    ['đ'.repeat(70), 'UCS-2', 70, 1],
    ['đ'.repeat(71), 'UCS-2', 71, 2],
    ['đ'.repeat(134), 'UCS-2', 134, 2],
    ['đ'.repeat(135), 'UCS-2', 135, 3],
    ['Chao ban, ma OTP la 123456', 'GSM-7', 26, 1],
    ['Chào bạn, mã OTP là 123456', 'UCS-2', 26, 1],
  ])('%j is %s, %i characters, %i segments', (text, encoding, characters, segments) => {
    expect(smsLength(text)).toEqual({ encoding, characters, segments });
  });
});

describe('prepareSmsText', () => {
  const nfd = 'Chào bạn, đơn hàng đã giao'.normalize('NFD');

  it('NFC-normalises decomposed Vietnamese before counting', () => {
    expect(nfd.length).toBeGreaterThan(nfd.normalize('NFC').length);
    const prepared = prepareSmsText({ text: nfd, purpose: 'care' });
    expect(prepared.text).toBe('Chào bạn, đơn hàng đã giao');
    expect(prepared.text).toBe(prepared.text.normalize('NFC'));
    expect(prepared).toMatchObject({ unicode: true, encoding: 'UCS-2', characters: 26, segments: 1 });
  });

  it('labels advertising and leaves care and OTP text alone', () => {
    expect(prepareSmsText({ text: 'Sale 50%', purpose: 'advertising' }).text).toBe('[QC] Sale 50%');
    expect(prepareSmsText({ text: 'Sale 50%', purpose: 'care' }).text).toBe('Sale 50%');
    expect(prepareSmsText({ text: 'Ma OTP 1234', purpose: 'otp' })).toMatchObject({
      text: 'Ma OTP 1234',
      unicode: false,
    });
  });

  it('counts the label in the length, brackets being GSM-7 escapes of two septets each', () => {
    expect(prepareSmsText({ text: 'a'.repeat(153), purpose: 'advertising' })).toMatchObject({
      characters: 160,
      segments: 1,
    });
    expect(prepareSmsText({ text: 'a'.repeat(154), purpose: 'advertising' }).segments).toBe(2);
  });
});
