import { checkTemplateData, nfcLength } from './zns.presend';
import type { ZnsTemplateParam } from './zns.types';

const param = (name: string, maxLength: number, extra: Partial<ZnsTemplateParam> = {}): ZnsTemplateParam => ({
  name,
  type: 'STRING',
  require: true,
  maxLength,
  minLength: 0,
  acceptNull: false,
  ...extra,
});

const nameNfc = 'Nguyễn Thị Hương';
const nameNfd = nameNfc.normalize('NFD');

describe('checkTemplateData', () => {
  it('counts lengths on the NFC form and sends NFC', () => {
    expect(nameNfd.length).toBeGreaterThan(nameNfc.length);
    expect(nfcLength(nameNfd)).toBe(16);
    const check = checkTemplateData({
      params: [param('customer_name', 16)],
      data: { customer_name: nameNfd },
    });
    expect(check).toEqual({ ok: true, data: { customer_name: nameNfc } });
  });

  it('rejects a value longer than maxLength once NFC-normalised, naming the param', () => {
    const check = checkTemplateData({
      params: [param('customer_name', 15)],
      data: { customer_name: nameNfd },
    });
    expect(check).toMatchObject({ ok: false, code: 'loa_param_too_long', param: 'customer_name' });
    expect(!check.ok && check.message).toContain('customer_name');
    expect(!check.ok && check.message).toContain('16');
  });

  it('rejects a missing required param and accepts a missing optional one', () => {
    const params = [param('order_code', 30), param('note', 50, { require: false })];
    expect(checkTemplateData({ params, data: { note: 'x' } })).toMatchObject({
      ok: false,
      code: 'loa_param_missing',
      param: 'order_code',
    });
    expect(checkTemplateData({ params, data: { order_code: 'A1' } })).toEqual({
      ok: true,
      data: { order_code: 'A1' },
    });
  });

  it('rejects params the template does not have', () => {
    const check = checkTemplateData({
      params: [param('order_code', 30)],
      data: { order_code: 'A1', coupon: 'X' },
    });
    expect(check).toMatchObject({ ok: false, code: 'loa_param_unknown', param: 'coupon' });
  });

  it('accepts an empty value only where acceptNull', () => {
    expect(checkTemplateData({ params: [param('note', 10)], data: { note: '' } })).toMatchObject({
      ok: false,
      code: 'loa_param_empty',
    });
    expect(
      checkTemplateData({ params: [param('note', 10, { acceptNull: true })], data: { note: '' } }),
    ).toEqual({ ok: true, data: { note: '' } });
  });

  it('enforces minLength and sends numbers as text', () => {
    expect(
      checkTemplateData({ params: [param('otp', 6, { minLength: 4 })], data: { otp: 12 } }),
    ).toMatchObject({
      ok: false,
      code: 'loa_param_too_short',
    });
    expect(checkTemplateData({ params: [param('otp', 6, { minLength: 4 })], data: { otp: 123456 } })).toEqual(
      {
        ok: true,
        data: { otp: '123456' },
      },
    );
  });
});
