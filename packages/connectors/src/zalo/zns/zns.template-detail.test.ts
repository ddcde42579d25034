import { readZaloAnswer } from '../shared/zalo-call';
import { znsTemplateDetailSchema } from './zns.client';

const detailOf = (data: Record<string, unknown>) =>
  readZaloAnswer(
    { status: 200, body: JSON.stringify({ error: 0, message: 'Success', data }) },
    znsTemplateDetailSchema,
  );

const documented = {
  templateId: '300001',
  templateName: 'Xác nhận đơn hàng',
  status: 'ENABLE',
  listParams: [
    { name: 'customer_name', require: true, type: 'STRING', maxLength: 30, minLength: 0, acceptNull: false },
  ],
  listButtons: [],
  timeout: 7_200_000,
  previewUrl: 'https://account.zalo.cloud/znspreview/abc',
  templateQuality: 'HIGH',
  templateTag: 'TRANSACTION',
  price: '300',
};

describe('ZNS template detail answers', () => {
  it('reads what sends are checked against and priced by', () => {
    expect(detailOf(documented)).toEqual({
      ok: true,
      data: expect.objectContaining({
        templateId: '300001',
        status: 'ENABLE',
        listParams: [
          {
            name: 'customer_name',
            require: true,
            type: 'STRING',
            maxLength: 30,
            minLength: 0,
            acceptNull: false,
          },
        ],
        price: 300,
      }),
    });
  });

  it('a field sends do not need, left null or of another shape, does not make the template unusable', () => {
    const result = detailOf({
      ...documented,
      templateName: null,
      previewUrl: null,
      timeout: null,
      templateTag: 7,
      price_sdt: 'n/a',
      listButtons: [{ type: 'URL', title: null }],
      listParams: [
        {
          name: 'customer_name',
          require: null,
          type: null,
          maxLength: '30',
          minLength: null,
          acceptNull: 'no',
        },
      ],
      applyTemplateQuota: { dailyQuota: 'unlimited' },
    });
    expect(result).toEqual({
      ok: true,
      data: expect.objectContaining({
        templateName: '',
        listParams: [
          {
            name: 'customer_name',
            require: false,
            type: 'STRING',
            maxLength: 30,
            minLength: 0,
            acceptNull: false,
          },
        ],
        listButtons: [],
        price: 300,
      }),
    });
  });

  it('a param without a maximum length cannot be checked: the detail is not usable', () => {
    expect(detailOf({ ...documented, listParams: [{ name: 'customer_name' }] })).toMatchObject({
      ok: false,
      kind: 'invalid_response',
    });
  });
});
