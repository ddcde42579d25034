import type { ValidationContext } from './diagnostics';
import { codes, single, withCode } from './testing/diagnostic-helpers';
import { graphBuilder, sampleContext } from './testing/graph-builder';
import { validateGraph } from './validate-graph';

const BROKEN = 'Xin chào {{ contact.name ';

function withNode(type: string, data: Record<string, unknown>, context?: ValidationContext) {
  const graph = graphBuilder()
    .node('start', 'trigger.manual')
    .node('step', type, data)
    .edge('start', 'next', 'step')
    .build();
  return validateGraph(graph, context);
}

describe('validateGraph: LIQUID_SYNTAX', () => {
  it('reports the field, the node and the parser message', () => {
    const diagnostics = withNode('send.sms', {
      label: 'Nhắc thanh toán',
      text: 'Chào {% if contact.vip %}bạn',
    });
    expect(single(diagnostics, 'LIQUID_SYNTAX')).toEqual({
      severity: 'error',
      code: 'LIQUID_SYNTAX',
      params: { error: 'tag {% if contact.vip %} not closed (line 1, column 6)' },
      message:
        'Send SMS “Nhắc thanh toán”: the text has a broken placeholder ({{ … }} or {% … %}): tag {% if contact.vip %} not closed (line 1, column 6).',
      nodeId: 'step',
      path: 'nodes[1].data.text',
    });
  });

  it.each([
    ['send.zns', { params: { customer_name: BROKEN } }, 'params.customer_name'],
    ['send.sms', { text: BROKEN }, 'text'],
    ['send.email', { subject: BROKEN }, 'subject'],
    ['send.email', { html: `<p>${BROKEN}</p>` }, 'html'],
    ['send.email', { text: BROKEN }, 'text'],
    ['send.oa', { message: { type: 'text', text: BROKEN } }, 'message.text'],
    [
      'send.oa',
      {
        message: {
          type: 'transaction',
          templateType: 'transaction_order',
          header: 'Đơn hàng',
          table: [
            { key: 'Mã', value: '{{ event.orderId }}' },
            { key: 'Tên', value: BROKEN },
          ],
        },
      },
      'message.table[1].value',
    ],
    ['http.request', { url: `https://example.com/{% if x %}` }, 'url'],
    ['http.request', { body: BROKEN }, 'body'],
    ['http.request', { headers: [{ kind: 'value', name: 'X-Name', value: BROKEN }] }, 'headers[0].value'],
    ['contact.update', { set: { 'attributes.greeting': BROKEN } }, 'set["attributes.greeting"]'],
  ])('checks %s %j', (type, data, field) => {
    expect(single(withNode(type, data), 'LIQUID_SYNTAX').path).toBe(`nodes[1].data.${field}`);
  });

  it('reports a misspelt filter, naming it', () => {
    const diagnostic = single(
      withNode('send.sms', { text: '{{ contact.name | frist_name }}' }),
      'LIQUID_SYNTAX',
    );
    expect(diagnostic.message).toContain('frist_name');
  });

  it('checks Liquid even when other fields of the node are invalid', () => {
    const diagnostics = withNode('send.sms', { brandName: '', text: BROKEN });
    expect(codes(diagnostics)).toEqual(['INVALID_CONFIG', 'LIQUID_SYNTAX']);
  });

  it('accepts plain text, filters, tags and stray braces', () => {
    for (const text of [
      'Cảm ơn bạn đã mua hàng',
      '{{ contact.name | upcase | default: "bạn" }}',
      '{% if contact.vip %}VIP{% else %}Khách{% endif %} }} %}',
      '{% for item in event.items %}{{ item.name }}, {% endfor %}',
      'Chào {{ contact.name | first_name }}, đơn {{ event.total | vnd }} ngày {{ event.at | date_vn }}',
    ]) {
      expect(withNode('send.sms', { text })).toEqual([]);
    }
  });
});

describe('validateGraph: UNKNOWN_CONTACT_FIELD', () => {
  const context = { contactFields: ['name', 'phone', 'birthday', 'attributes.city'] };

  it('warns about Liquid variables that read unknown contact fields', () => {
    const diagnostics = withNode(
      'send.sms',
      { label: 'Chúc mừng', text: 'Chào {{ contact.nmae }} ở {{ contact.attributes.citty }}' },
      context,
    );
    expect(withCode(diagnostics, 'UNKNOWN_CONTACT_FIELD')).toEqual([
      {
        severity: 'warning',
        code: 'UNKNOWN_CONTACT_FIELD',
        params: { contactField: 'nmae' },
        message:
          'Send SMS “Chúc mừng”: the text uses the contact field “nmae”, which contacts do not have. Check the spelling or add the field.',
        nodeId: 'step',
        path: 'nodes[1].data.text',
      },
      expect.objectContaining({ message: expect.stringContaining('“attributes.citty”') }),
    ]);
  });

  it('accepts known fields, their groups and properties, other variables and local names', () => {
    const text =
      '{{ contact.name | upcase }} {{ contact.name.size }} {{ contact.attributes }} {{ contact.attributes.city }} ' +
      '{{ event.anything }} {% assign x = contact.phone %}{{ x.whatever }} {{ contact[event.key] }}';
    expect(withNode('send.sms', { text }, context)).toEqual([]);
  });

  it('never reports the built-in contact fields, whatever the list of fields says', () => {
    const builtIns = { contactFields: ['attributes.city'] };
    const text =
      '{{ contact.id }} {{ contact.phone }} {{ contact.email }} {{ contact.tags | join: "," }} {{ contact.zaloUserId }}';
    expect(withNode('send.sms', { text }, builtIns)).toEqual([]);
    const condition = withNode(
      'branch.condition',
      {
        rule: {
          match: 'any',
          rules: [
            { kind: 'attribute', field: 'phone', operator: 'exists' },
            { kind: 'attribute', field: 'zaloUserId', operator: 'exists' },
          ],
        },
      },
      builtIns,
    );
    expect(withCode(condition, 'UNKNOWN_CONTACT_FIELD')).toEqual([]);
  });

  it('is not checked without a list of contact fields', () => {
    expect(withNode('send.sms', { text: '{{ contact.nmae }}' })).toEqual([]);
  });

  it('checks attribute rules of conditions, wait.until date fields and date triggers', () => {
    const graph = graphBuilder()
      .node('start', 'trigger.date', { label: 'Sinh nhật', attribute: 'birthdate' })
      .node('until', 'wait.until', {
        until: { kind: 'date_attribute', attribute: 'attributes.renewal', offsetDays: -3, time: '09:00' },
      })
      .node('check', 'branch.condition', {
        rule: {
          match: 'all',
          rules: [
            { kind: 'attribute', field: 'attributes.city', operator: 'equals', value: 'HN' },
            { match: 'any', rules: [{ kind: 'attribute', field: 'attributes.tier', operator: 'exists' }] },
          ],
        },
      })
      .chain('start', 'until', 'check')
      .build();
    const diagnostics = withCode(validateGraph(graph, context), 'UNKNOWN_CONTACT_FIELD');
    expect(diagnostics.map((d) => [d.severity, d.nodeId, d.path])).toEqual([
      ['warning', 'start', 'nodes[0].data.attribute'],
      ['warning', 'until', 'nodes[1].data.until.attribute'],
      ['warning', 'check', 'nodes[2].data.rule.rules[1].rules[0].field'],
    ]);
    expect(diagnostics[0].message).toBe(
      'On a contact date “Sinh nhật” uses the contact field “birthdate”, which contacts do not have. Check the spelling or add the field.',
    );
  });
});

describe('validateGraph: ZNS templates', () => {
  const context = { znsTemplates: sampleContext().znsTemplates };

  it('TEMPLATE_UNKNOWN', () => {
    const diagnostics = withNode('send.zns', { label: 'Xác nhận đơn', templateId: '999' }, context);
    expect(single(diagnostics, 'TEMPLATE_UNKNOWN')).toEqual({
      severity: 'error',
      code: 'TEMPLATE_UNKNOWN',
      params: { template: '999' },
      message:
        "“Xác nhận đơn” uses ZNS template 999, which is not among this workspace's approved templates. Sync templates or choose another one.",
      nodeId: 'step',
      path: 'nodes[1].data.templateId',
    });
  });

  it('does not mistake Object.prototype members for templates', () => {
    for (const templateId of ['constructor', '__proto__', 'toString']) {
      expect(codes(withNode('send.zns', { templateId }, context))).toContain('TEMPLATE_UNKNOWN');
    }
  });

  it('TEMPLATE_PARAM_MISSING for a required param without mapping or with a blank one', () => {
    const diagnostics = withNode(
      'send.zns',
      { label: 'Xác nhận đơn', params: { customer_name: '  ' } },
      context,
    );
    expect(withCode(diagnostics, 'TEMPLATE_PARAM_MISSING')).toEqual([
      {
        severity: 'error',
        code: 'TEMPLATE_PARAM_MISSING',
        params: { param: 'customer_name', template: 'Xác nhận đơn hàng' },
        message:
          'Send Zalo ZNS “Xác nhận đơn”: template “Xác nhận đơn hàng” needs a value for “customer_name”. Fill it in.',
        nodeId: 'step',
        path: 'nodes[1].data.params.customer_name',
      },
      expect.objectContaining({ path: 'nodes[1].data.params.order_code' }),
    ]);
  });

  it('TEMPLATE_PARAM_UNKNOWN is a warning', () => {
    const params = { customer_name: '{{ contact.name }}', order_code: 'A1', coupon: 'SALE50' };
    expect(single(withNode('send.zns', { params }, context), 'TEMPLATE_PARAM_UNKNOWN')).toMatchObject({
      severity: 'warning',
      nodeId: 'step',
      path: 'nodes[1].data.params.coupon',
      message: expect.stringContaining('“Send Zalo ZNS (step)” fills in “coupon”'),
    });
  });

  it('TEMPLATE_PARAM_TOO_LONG counts characters of the NFC form of constants only', () => {
    // "Nguyễn" decomposed (NFD) is longer in code units than composed; the template allows 30 characters.
    const decomposed = 'Nguyễn Thị Minh Khai Hoàng Anh'.normalize('NFD');
    expect(decomposed.length).toBeGreaterThan(30);
    const fits = { customer_name: decomposed, order_code: 'A1' };
    expect(withNode('send.zns', { params: fits }, context)).toEqual([]);

    const long = {
      customer_name: '{{ contact.name }}',
      order_code: 'ĐH-2026-000000000001',
      note: 'Giao giờ hành chính',
    };
    expect(
      single(withNode('send.zns', { label: 'Xác nhận', params: long }, context), 'TEMPLATE_PARAM_TOO_LONG'),
    ).toEqual({
      severity: 'error',
      code: 'TEMPLATE_PARAM_TOO_LONG',
      params: { length: 19, maxLength: 10, param: 'note', template: 'Xác nhận đơn hàng' },
      message:
        'Send Zalo ZNS “Xác nhận”: the value for “note” has 19 characters; template “Xác nhận đơn hàng” allows at most 10. Shorten it.',
      nodeId: 'step',
      path: 'nodes[1].data.params.note',
    });

    const liquid = {
      customer_name: '{{ contact.name }} {{ contact.name }} {{ contact.name }}',
      order_code: 'A1',
    };
    expect(withNode('send.zns', { params: liquid }, context)).toEqual([]);
  });
});

describe('validateGraph: channel accounts', () => {
  const context = {
    accounts: {
      esms: { channel: 'sms' as const, name: 'eSMS', published: true },
      draft: { channel: 'sms' as const, name: 'SMS thử', published: false },
      mail: { channel: 'email' as const, name: 'SES', published: true },
      ads: {
        channel: 'sms' as const,
        name: 'eSMS QC',
        published: true,
        purposes: { allowed: [], why: 'eSMS sends advertising SMS to at least 30 numbers per request.' },
      },
    },
  };

  it('ACCOUNT_PURPOSE_UNSUPPORTED', () => {
    const advertising = { label: 'Khuyến mãi', accountId: 'ads', purpose: 'advertising' };
    expect(single(withNode('send.sms', advertising, context), 'ACCOUNT_PURPOSE_UNSUPPORTED')).toEqual({
      severity: 'error',
      code: 'ACCOUNT_PURPOSE_UNSUPPORTED',
      params: { account: 'eSMS QC', purpose: 'advertising' },
      message:
        '“Khuyến mãi” sends an advertising message through “eSMS QC”, which cannot send it from a journey. eSMS sends advertising SMS to at least 30 numbers per request.',
      nodeId: 'step',
      path: 'nodes[1].data.purpose',
    });
    const care = { label: 'Nhắc', accountId: 'esms', purpose: 'advertising' };
    expect(withCode(withNode('send.sms', care, context), 'ACCOUNT_PURPOSE_UNSUPPORTED')).toEqual([]);
  });

  it('a broadcast may send the purposes an account takes only in batches', () => {
    const batched = {
      accounts: {
        ads: { ...context.accounts.ads, purposes: { allowed: [], inBroadcasts: ['advertising'], why: '' } },
      },
    };
    const entered = (trigger: string, data: Record<string, unknown>) =>
      validateGraph(
        graphBuilder()
          .node('start', trigger, data)
          .node('step', 'send.sms', { label: 'Khuyến mãi', accountId: 'ads', purpose: 'advertising' })
          .edge('start', 'next', 'step')
          .build(),
        batched,
      );
    const schedule = {
      audience: { kind: 'segment', segmentId: 'all' },
      schedule: { kind: 'once', at: '2026-12-24T09:00' },
    };
    const date = { attribute: 'birthday', offsetDays: 0, timeOfDay: '09:00', recurring: 'yearly' };
    expect(withCode(entered('trigger.schedule', schedule), 'ACCOUNT_PURPOSE_UNSUPPORTED')).toEqual([]);
    expect(withCode(entered('trigger.date', date), 'ACCOUNT_PURPOSE_UNSUPPORTED')).toEqual([]);
    // An enrollment limit enters a broadcast's contacts one journey each: no batches.
    const limited = graphBuilder()
      .node('start', 'trigger.schedule', schedule)
      .node('step', 'send.sms', { label: 'Khuyến mãi', accountId: 'ads', purpose: 'advertising' })
      .edge('start', 'next', 'step')
      .build();
    expect(
      withCode(
        validateGraph({ ...limited, settings: { ...limited.settings, enrollmentLimit: 100 } }, batched),
        'ACCOUNT_PURPOSE_UNSUPPORTED',
      ),
    ).toHaveLength(1);
    for (const [trigger, data] of [
      ['trigger.manual', {}],
      ['trigger.event', { event: 'order.paid' }],
      ['trigger.segment', { segmentId: 'all' }],
    ] as const)
      expect(withCode(entered(trigger, data), 'ACCOUNT_PURPOSE_UNSUPPORTED')).toHaveLength(1);
  });

  it('ACCOUNT_MISSING', () => {
    expect(
      single(withNode('send.sms', { label: 'Nhắc', accountId: 'gone' }, context), 'ACCOUNT_MISSING'),
    ).toEqual({
      severity: 'error',
      code: 'ACCOUNT_MISSING',
      params: { account: 'gone', channel: 'sms' },
      message:
        "“Nhắc” sends through an account that no longer exists (gone). Choose one of the workspace's SMS accounts.",
      nodeId: 'step',
      path: 'nodes[1].data.accountId',
    });
  });

  it('ACCOUNT_UNPUBLISHED', () => {
    expect(
      single(withNode('send.sms', { label: 'Nhắc', accountId: 'draft' }, context), 'ACCOUNT_UNPUBLISHED'),
    ).toMatchObject({
      severity: 'error',
      nodeId: 'step',
      path: 'nodes[1].data.accountId',
      message:
        '“Nhắc” sends through “SMS thử”, which is not published yet. Publish the account or choose another one.',
    });
  });

  it('ACCOUNT_WRONG_CHANNEL', () => {
    expect(
      single(withNode('send.sms', { label: 'Nhắc', accountId: 'mail' }, context), 'ACCOUNT_WRONG_CHANNEL'),
    ).toMatchObject({
      severity: 'error',
      nodeId: 'step',
      path: 'nodes[1].data.accountId',
      message: '“Nhắc” sends SMS through “SES”, which is an email account. Choose an SMS account.',
    });
  });

  it('is not checked without accounts in the context', () => {
    expect(withNode('send.sms', { accountId: 'gone' })).toEqual([]);
  });
});
