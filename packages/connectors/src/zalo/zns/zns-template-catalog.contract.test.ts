import { startZaloSandbox, vietnamTime, type ZaloSandboxFixture } from '../testing/zalo-sandbox';
import { ZnsConnector } from './zns.connector';
import { ZnsTemplateCatalog } from './zns-template-catalog';

const SEND_PATH = '/zns/message/template';
const DETAIL_PATH = '/zns/template/info/v2';
const onZalo = '84900000011';
const orderData = { customer_name: 'Lan', order_code: 'DH0001', amount: '150000', order_date: '10/03/2026' };

describe('ZNS template catalog: every send checked against its template', () => {
  let fx: ZaloSandboxFixture;
  let catalog: ZnsTemplateCatalog;
  let zns: ZnsConnector;

  beforeEach(async () => {
    fx = await startZaloSandbox({ now: () => vietnamTime('2026-03-10T10:00:00') });
    catalog = new ZnsTemplateCatalog({ http: fx.http, tokens: fx.tokens });
    zns = new ZnsConnector({ http: fx.http, tokens: fx.tokens, templates: catalog });
  });
  afterEach(() => fx.close());

  it('reads a template once for concurrent sends, checks params before the provider and prices the sends', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        zns.send({
          account: fx.account,
          message: { phone: onZalo, templateId: '300001', templateData: orderData },
          idempotencyKey: `catalog-${index}`,
        }),
      ),
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual(Array(10).fill('sent'));
    expect(outcomes[0]).toMatchObject({ costVnd: 300 });
    expect(fx.sandbox.requestCount(DETAIL_PATH)).toBe(1);

    const sendsBefore = fx.sandbox.requestCount(SEND_PATH);
    const bad = await zns.send({
      account: fx.account,
      message: {
        phone: onZalo,
        templateId: '300001',
        templateData: { ...orderData, customer_name: 'N'.repeat(31) },
      },
      idempotencyKey: 'catalog-too-long',
    });
    expect(bad).toMatchObject({ status: 'failed', class: 'permanent', code: 'loa_param_too_long' });
    expect(fx.sandbox.requestCount(SEND_PATH)).toBe(sendsBefore);
    expect(fx.sandbox.requestCount(DETAIL_PATH)).toBe(1);
  });

  it('reads the template again after forget (a template status change)', async () => {
    const send = (key: string) =>
      zns.send({
        account: fx.account,
        message: { phone: onZalo, templateId: '300001', templateData: orderData },
        idempotencyKey: key,
      });
    await send('forget-1');
    catalog.forget(fx.account, '300001');
    await send('forget-2');
    catalog.forget(fx.account);
    await send('forget-3');
    expect(fx.sandbox.requestCount(DETAIL_PATH)).toBe(3);
  });

  it('fails the send when the template cannot be read, with Zalo’s code', async () => {
    const outcome = await zns.send({
      account: fx.account,
      message: { phone: onZalo, templateId: '999999', templateData: orderData },
      idempotencyKey: 'catalog-unknown',
    });
    expect(outcome).toMatchObject({ status: 'failed', class: 'permanent', scope: 'message' });
    expect(fx.sandbox.requestCount(SEND_PATH)).toBe(0);
  });
});
