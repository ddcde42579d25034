import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../src/cli/main';
import { nodeTypes } from '../src/graph/node-catalogue';
import { compileGraph } from '../src/plan/compile-graph';
import { simulate, type SimulationInput } from '../src/simulator/simulate';
import { fakeCliIo } from '../src/testing/fake-cli-io';
import { hasErrors } from '../src/validation/diagnostics';
import { validateGraph } from '../src/validation/validate-graph';

const read = (file: string): unknown => JSON.parse(readFileSync(join(__dirname, file), 'utf8'));
const campaigns = readdirSync(__dirname)
  .filter((file) => file.endsWith('.json') && !file.endsWith('.sample.json'))
  .sort();

const START = '2026-05-18T10:00:00+07:00';
const lan = {
  id: 'kh-001',
  attributes: { name: 'Nguyễn Thị Lan' },
  phone: '0912345678',
  email: 'lan@example.vn',
};

type Scenario = Omit<SimulationInput, 'graph'>;
const run = (file: string, scenario: Scenario) => {
  const result = simulate({ graph: read(file), startAt: START, ...scenario });
  expect(result.ok).toBe(true);
  return result;
};
const pathOf = (result: ReturnType<typeof simulate>, contactId: string) =>
  result.contacts
    .find((contact) => contact.contactId === contactId)
    ?.path.map((step) => `${step.stepId}:${step.outcome}`);

describe('example campaigns', () => {
  it('are the seven documented ones', () => {
    expect(campaigns).toEqual([
      'ab-test-zns.json',
      'abandoned-cart.json',
      'birthday-voucher.json',
      'cod-order-confirmation-oa.json',
      'scheduled-broadcast.json',
      'welcome-series.json',
      'zns-sms-fallback.json',
    ]);
  });

  it.each(campaigns)('%s validates without errors and compiles to the same plan twice', (file) => {
    const diagnostics = validateGraph(read(file));
    expect(diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    expect(hasErrors(diagnostics)).toBe(false);
    const identity = { campaignId: file.replace('.json', ''), versionId: 'v1' };
    const first = compileGraph(read(file), identity);
    const second = compileGraph(read(file), identity);
    expect(first.ok && second.ok && first.plan.hash === second.plan.hash).toBe(true);
  });

  it('welcome-series: ZNS, 2 days, email, 5 days, then exit for buyers or an SMS voucher', () => {
    const entryEvent = { name: 'contact.created', properties: { createdAt: '2026-05-18T10:00:00+07:00' } };
    const result = run('welcome-series.json', {
      contacts: [
        { ...lan, entryEvent },
        { ...lan, id: 'kh-002', tags: ['purchased'], entryEvent },
      ],
    });
    expect(pathOf(result, 'kh-001')).toEqual([
      'start:entered',
      'zns-welcome:sent',
      'wait-2d:elapsed',
      'email-tips:sent',
      'wait-5d:elapsed',
      'purchased:no',
      'sms-voucher:sent',
      '$exit:completed:exit:completed',
    ]);
    expect(pathOf(result, 'kh-002')?.slice(-2)).toEqual(['purchased:yes', 'exit-purchased:exit:purchased']);
    const [zns, email, sms] = result.contacts[0].messages;
    expect(zns.rendered).toMatchObject({
      params: { customer_name: 'Nguyễn Thị Lan', member_code: 'KH-001', register_date: '18/05/2026' },
    });
    expect(email).toMatchObject({ at: '2026-05-20T10:00:00+07:00' });
    expect(sms).toMatchObject({ at: '2026-05-25T10:00:00+07:00', sms: { encoding: 'UCS-2', segments: 2 } });
  });

  it('abandoned-cart: the sample files give the goal, paid after the journey, and ZNS -118 then SMS', () => {
    const result = run('abandoned-cart.json', {
      contacts: read('contacts.sample.json') as Scenario['contacts'],
      events: read('events.sample.json') as Scenario['events'],
      outcomes: read('outcomes.sample.json') as Scenario['outcomes'],
    });
    // order.paid is also the campaign goal, without exitOnGoal: it counts the conversion and the wait ends the journey.
    expect(pathOf(result, 'kh-001')).toEqual([
      'start:entered',
      'wait-paid:matched',
      'exit-paid:exit:converted',
    ]);
    expect(result.contacts[0]).toMatchObject({ exitReason: 'converted', converted: true });
    expect(pathOf(result, 'kh-002')).toEqual([
      'start:entered',
      'wait-paid:timeout',
      'zns-reminder:sent',
      '$exit:completed:exit:completed',
    ]);
    // kh-002 pays at 16:00, after its journey ended at 14:00: the journey no longer sees it.
    expect(result.contacts[1]).toMatchObject({ exitedAt: '2026-05-18T14:00:00+07:00', converted: false });
    expect(pathOf(result, 'kh-003')).toEqual([
      'start:entered',
      'wait-paid:timeout',
      'zns-reminder:failed',
      'sms-reminder:sent',
      '$exit:completed:exit:completed',
    ]);
    expect(result.totals).toMatchObject({ entered: 3, converted: 1, messages: 3, costVnd: 300 + 520 });
  });

  it('zns-sms-fallback: ZNS confirmation, and SMS only for the contact without Zalo', () => {
    const entryEvent = {
      name: 'order.created',
      properties: { orderId: 'DH20001', total: 459000, createdAt: '2026-05-18T09:58:00+07:00' },
    };
    const result = run('zns-sms-fallback.json', {
      contacts: [
        { ...lan, entryEvent },
        { ...lan, id: 'kh-002', entryEvent },
      ],
      outcomes: { 'zns-confirm': { contacts: { 'kh-002': { failure: 'zns:-118' } } } },
    });
    expect(pathOf(result, 'kh-001')).toEqual(['start:entered', 'zns-confirm:sent', 'done:exit:confirmed']);
    expect(pathOf(result, 'kh-002')).toEqual([
      'start:entered',
      'zns-confirm:failed',
      'sms-confirm:sent',
      'done:exit:confirmed',
    ]);
    expect(result.contacts[1].messages[1].rendered).toMatchObject({
      text: 'LOASHOP: Don hang DH20001 tri gia 459000d da duoc xac nhan. Cam on quy khach!',
    });
    expect(result.nodeCounts['zns-confirm']).toEqual({ entered: 2, succeeded: 1, failed: 1 });
  });

  it('birthday-voucher: enters on the birthday at 09:00, tags, sends the ZNS voucher, SMS on failure', () => {
    const result = run('birthday-voucher.json', {
      contacts: [
        { ...lan, attributes: { ...lan.attributes, birthday: '1995-05-20' } },
        { ...lan, id: 'kh-002', attributes: { name: 'Trần Văn Minh', birthday: '1990-05-19' } },
        { ...lan, id: 'kh-003' },
      ],
      outcomes: { 'zns-voucher': { contacts: { 'kh-002': 'failure' } } },
    });
    expect(result.contacts[0]).toMatchObject({ enteredAt: '2026-05-20T09:00:00+07:00' });
    expect(pathOf(result, 'kh-001')).toEqual([
      'start:entered',
      'tag-birthday:updated',
      'zns-voucher:sent',
      '$exit:completed:exit:completed',
    ]);
    expect(result.contacts[0].messages[0].rendered).toMatchObject({
      params: { customer_name: 'Nguyễn Thị Lan', voucher_code: 'HPBD-KH-001' },
    });
    expect(pathOf(result, 'kh-002')).toContain('sms-voucher:sent');
    expect(result.contacts[1].messages[1].rendered).toMatchObject({
      text: 'LOASHOP chúc mừng sinh nhật Trần Văn Minh! Tặng bạn mã HPBD-KH-002 giảm 20%, dùng trong 7 ngày.',
    });
    expect(result.contacts[2]).toMatchObject({
      entered: false,
      notEnteredReason: 'it has no date in birthday',
    });
  });

  it('ab-test-zns: each contact gets one template, held by quiet hours, converting meanwhile', () => {
    const contacts = Array.from({ length: 20 }, (_, index) => ({ ...lan, id: `kh-${index + 1}` }));
    const result = run('ab-test-zns.json', {
      contacts,
      startAt: '2026-05-18T22:00:00+07:00',
      events: [
        { contactId: 'kh-1', name: 'order.paid', properties: { orderId: 'DH1' }, at: '+3h' },
        { contactId: 'kh-2', name: 'order.paid', properties: { orderId: 'DH2' }, at: '+8d' },
      ],
    });
    for (const contact of result.contacts) {
      const [, split, send, exit] = contact.path;
      expect(split.outcome).toMatch(/^variant:(discount|freeship)$/);
      expect(send).toMatchObject({
        stepId: `zns-${split.outcome.slice('variant:'.length)}`,
        outcome: 'sent',
        endedAt: '2026-05-19T08:00:00+07:00',
        detail: 'deferred by quiet_hours',
      });
      expect(exit.outcome).toBe('exit:completed');
    }
    expect(result.nodeCounts['zns-discount'].entered).toBeGreaterThan(0);
    expect(result.nodeCounts['zns-freeship'].entered).toBeGreaterThan(0);
    expect(
      result.contacts.filter((contact) => contact.converted).map((contact) => contact.contactId),
    ).toEqual(['kh-1']);
  });

  it('cod-order-confirmation-oa: OA then confirmed, SMS when OA fails, webhook or last SMS on timeout', () => {
    const order = (orderId: string, payment_method = 'COD') => ({
      name: 'order.created',
      properties: {
        orderId,
        total: 650000,
        payment_method,
        shippingAddress: '12 Lý Thường Kiệt, Hoàn Kiếm, Hà Nội',
      },
    });
    const result = run('cod-order-confirmation-oa.json', {
      contacts: [
        { ...lan, zaloUserId: '2512004185711739851', entryEvent: order('DH30001') },
        { ...lan, id: 'kh-002', entryEvent: order('DH30002') },
        { ...lan, id: 'kh-003', zaloUserId: '2512004185711739852', entryEvent: order('DH30003') },
        { ...lan, id: 'kh-004', entryEvent: order('DH30004', 'VNPAY') },
      ],
      events: [
        { contactId: 'kh-001', name: 'order.confirmed', properties: { orderId: 'DH30001' }, at: '+2h' },
      ],
      outcomes: { 'notify-shop': { contacts: { 'kh-003': { failure: 'http:503' } } } },
    });
    expect(pathOf(result, 'kh-001')).toEqual([
      'start:entered',
      'oa-confirm:sent',
      'wait-confirmed:matched',
      'mark-confirmed:updated',
      'exit-confirmed:exit:confirmed',
    ]);
    expect(result.contacts[0].messages[0].rendered).toMatchObject({
      message: {
        header: 'Xác nhận đơn hàng DH30001',
        table: expect.arrayContaining([{ key: 'Tổng tiền', value: '650000đ' }]),
      },
    });
    expect(pathOf(result, 'kh-002')).toEqual([
      'start:entered',
      'oa-confirm:blocked',
      'sms-confirm:sent',
      'wait-confirmed:timeout',
      'notify-shop:success',
      'exit-unconfirmed:exit:unconfirmed',
    ]);
    expect(result.contacts[1].messages[0]).toMatchObject({ channel: 'oa', error: 'no_address' });
    expect(pathOf(result, 'kh-003')?.slice(-3)).toEqual([
      'notify-shop:failure',
      'sms-last-call:sent',
      '$exit:completed:exit:completed',
    ]);
    expect(result.contacts[3]).toMatchObject({ entered: false });
  });

  it('scheduled-broadcast: Friday 10:00 to the newsletter tag, advertising SMS with [QC] and opt-out, then email', () => {
    const result = run('scheduled-broadcast.json', {
      contacts: [
        { ...lan, tags: ['newsletter'] },
        { ...lan, id: 'kh-002' },
      ],
    });
    expect(result.contacts[0].enteredAt).toBe('2026-05-22T10:00:00+07:00');
    expect(pathOf(result, 'kh-001')).toEqual([
      'start:entered',
      'sms-promo:sent',
      'email-promo:sent',
      '$exit:completed:exit:completed',
    ]);
    const [sms] = result.contacts[0].messages;
    expect(sms).toMatchObject({ purpose: 'advertising', sms: { encoding: 'GSM-7', segments: 1 } });
    expect(sms.rendered).toMatchObject({
      text: expect.stringMatching(/^\[QC\] .*Tu choi QC soan TC gui 8077$/),
    });
    expect(result.contacts[1].entered).toBe(false);
  });

  it('run with loa simulate on the sample files', () => {
    const io = fakeCliIo({
      'abandoned-cart.json': read('abandoned-cart.json'),
      'contacts.sample.json': read('contacts.sample.json'),
      'events.sample.json': read('events.sample.json'),
      'outcomes.sample.json': read('outcomes.sample.json'),
    });
    const args = ['simulate', 'abandoned-cart.json', '--contacts', 'contacts.sample.json'];
    const files = ['--events', 'events.sample.json', '--outcomes', 'outcomes.sample.json'];
    expect(runCli([...args, ...files, '--start', START], io)).toBe(0);
    expect(io.out()).toContain(
      'kh-003: entered 2026-05-18 10:00, exit completed at 2026-05-18 14:00, 520 VND',
    );
  });

  it('are described in the README, which lists every node type', () => {
    const readme = readFileSync(join(__dirname, 'README.md'), 'utf8');
    for (const file of [...campaigns, 'contacts.sample.json', 'events.sample.json', 'outcomes.sample.json'])
      expect(readme).toContain(file);
    for (const type of nodeTypes) expect(readme).toContain(`\`${type}\``);
  });
});
