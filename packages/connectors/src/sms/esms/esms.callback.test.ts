import { parseEsmsCallback } from './esms.callback';

describe('parseEsmsCallback', () => {
  it('reads a delivered care SMS report', () => {
    const query = new URLSearchParams(
      'SMSID=8ad4c2f1-1111&SendStatus=5&SendSuccess=1&SendFailed=0&TotalSent=1&TotalReceiver=1&Totalprice=520&RequestId=journey_abc&TypeId=2&telcoid=1&phonenumber=84912345678',
    );
    expect(parseEsmsCallback(query)).toEqual({
      ok: true,
      report: {
        smsId: '8ad4c2f1-1111',
        sendStatusCode: '5',
        sendStatus: 'sent',
        outcome: 'delivered',
        requestId: 'journey_abc',
        typeId: '2',
        type: 'care',
        telcoId: '1',
        telco: 'viettel',
        phone: '84912345678',
        totalPrice: 520,
        sendSuccess: 1,
        sendFailed: 0,
        totalSent: 1,
        totalReceiver: 1,
      },
    });
  });

  it.each([
    ['1', 'pending_approval', 'pending'],
    ['2', 'waiting', 'pending'],
    ['4', 'rejected', 'failed'],
    ['5', 'sent', 'delivered'],
    ['7', 'at_telco', 'pending'],
    ['9', 'unknown', 'pending'],
  ])('SendStatus %s means %s (%s)', (code, sendStatus, outcome) => {
    const parsed = parseEsmsCallback({ SMSID: 'x', SendStatus: code });
    expect(parsed).toMatchObject({ ok: true, report: { sendStatus, outcome } });
  });

  it.each([
    ['1', 'advertising'],
    ['2', 'care'],
    ['23', 'viber'],
    ['24', 'zns_otp'],
    ['25', 'zns_care'],
  ])('TypeId %s is %s', (typeId, type) => {
    expect(parseEsmsCallback({ SMSID: 'x', SendStatus: '5', TypeId: typeId })).toMatchObject({
      report: { type },
    });
  });

  it.each([
    ['2', 'mobifone'],
    ['3', 'vinaphone'],
    ['4', 'vietnamobile'],
    ['5', 'gtel'],
    ['6', 'itel'],
    ['7', 'reddi'],
    ['8', 'unknown'],
  ])('telcoid %s is %s', (telcoId, telco) => {
    expect(parseEsmsCallback({ SMSID: 'x', SendStatus: '5', telcoid: telcoId })).toMatchObject({
      report: { telco },
    });
  });

  it('keeps the Zalo extras of a ZNS-through-eSMS report', () => {
    expect(
      parseEsmsCallback({
        SMSID: 'z',
        SendStatus: '4',
        oaid: '123',
        tempid: '456',
        error_info: 'not on Zalo',
      }),
    ).toMatchObject({ report: { zalo: { oaId: '123', templateId: '456', errorInfo: 'not on Zalo' } } });
  });

  it('rejects a query without SMSID or SendStatus', () => {
    expect(parseEsmsCallback({ SendStatus: '5' })).toEqual({ ok: false, reason: 'SMSID is missing' });
    expect(parseEsmsCallback({ SMSID: 'x' })).toEqual({ ok: false, reason: 'SendStatus is missing' });
  });
});
