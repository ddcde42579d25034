import { DIAGNOSTIC_CODES, validateGraph, type Diagnostic } from '@loa/engine/browser';
import i18next, { type TFunction } from 'i18next';
import { resources } from '../../i18n/resources';
import { diagnosticMessage, lastName, messageKey, type DiagnosticNames } from './diagnostic-messages';
import { diagnosticsMessages } from './diagnostics.messages';

function translator(language: 'vi' | 'en'): TFunction {
  const instance = i18next.createInstance();
  void instance.init({ resources, lng: language, initAsync: false, interpolation: { escapeValue: false } });
  return instance.t;
}

const names: DiagnosticNames = {
  step: (id) => ({ ab: '“Chia A/B”', zns: 'Gửi Zalo ZNS (zns)' })[id],
  field: (name) => ({ quietHours: 'Giờ yên lặng' })[name] ?? name,
};

const diagnostic = (fields: Partial<Diagnostic> & Pick<Diagnostic, 'code'>): Diagnostic => ({
  severity: 'error',
  message: 'English',
  ...fields,
});

describe('diagnostic messages', () => {
  // DIAGNOSTIC_CODES is the engine's own list: its sink accepts no other code (a DiagnosticCode), so it is every
  // code validateGraph can emit.
  it('has a Vietnamese and an English message for every code the engine can emit', () => {
    expect(DIAGNOSTIC_CODES.length).toBeGreaterThan(30);
    for (const language of ['vi', 'en'] as const) {
      const codes = diagnosticsMessages[language].codes as Record<string, string>;
      expect(DIAGNOSTIC_CODES.filter((code) => !codes[code])).toEqual([]);
    }
  });

  it('says a split that does not add up to 100% with its step and total, in both languages', () => {
    const [problem] = validateGraph({
      schemaVersion: 1,
      nodes: [
        { id: 'start', type: 'trigger.manual', position: { x: 0, y: 0 }, data: {} },
        {
          id: 'ab',
          type: 'branch.split',
          position: { x: 0, y: 200 },
          data: {
            label: 'Chia A/B',
            variants: [
              { id: 'a', weight: 70 },
              { id: 'b', weight: 20 },
            ],
          },
        },
      ],
      edges: [{ id: 'e1', source: 'start', sourceHandle: 'next', target: 'ab' }],
    }).filter((found) => found.code === 'SPLIT_WEIGHTS_NOT_100');
    expect(problem?.params).toEqual({ total: 90 });
    expect(diagnosticMessage(translator('vi'), problem!, names)).toBe(
      '“Chia A/B” chia 90% khách hàng; tổng tỉ lệ các nhánh phải đúng bằng 100%.',
    );
    expect(diagnosticMessage(translator('en'), problem!, names)).toBe(
      '“Chia A/B” shares out 90% of contacts; the variants must add up to exactly 100%.',
    );
  });

  it('names template parameters, lengths, settings fields and channels from the diagnostic', () => {
    const vi = translator('vi');
    expect(
      diagnosticMessage(
        vi,
        diagnostic({
          code: 'TEMPLATE_PARAM_TOO_LONG',
          nodeId: 'zns',
          path: 'nodes[1].data.params.order_code',
          params: { template: 'Xác nhận đơn hàng', param: 'order_code', length: 40, maxLength: 30 },
        }),
        names,
      ),
    ).toBe(
      'Gửi Zalo ZNS (zns): giá trị của “order_code” dài 40 ký tự; mẫu “Xác nhận đơn hàng” cho phép tối đa 30. Hãy rút gọn.',
    );
    expect(
      diagnosticMessage(vi, diagnostic({ code: 'SETTINGS_INVALID', path: 'settings.quietHours.end' }), names),
    ).toBe('Cài đặt chiến dịch: trường “end” chưa hợp lệ.');
    expect(
      diagnosticMessage(
        vi,
        diagnostic({ code: 'ACCOUNT_MISSING', nodeId: 'zns', params: { channel: 'zns', account: 'x' } }),
        names,
      ),
    ).toBe(
      'Gửi Zalo ZNS (zns) gửi qua một tài khoản không còn tồn tại. Hãy chọn một tài khoản ZNS của workspace.',
    );
  });

  it('picks the sentence that fits and falls back to the English message for an unknown code', () => {
    const exists = (id: string) => id === 'zns';
    expect(messageKey(diagnostic({ code: 'EDGE_INVALID', params: { problem: 'target' } }), exists)).toBe(
      'EDGE_INVALID_target',
    );
    expect(messageKey(diagnostic({ code: 'HANDLE_NOT_OFFERED', nodeId: 'zns' }), exists)).toBe(
      'HANDLE_NOT_OFFERED_end',
    );
    expect(
      messageKey(diagnostic({ code: 'SEND_OUTCOME_NODE_INVALID', params: { sendStep: 'zns' } }), exists),
    ).toBe('SEND_OUTCOME_NODE_INVALID_notSend');
    expect(
      messageKey(diagnostic({ code: 'SEND_OUTCOME_NODE_INVALID', params: { sendStep: 'gone' } }), exists),
    ).toBe('SEND_OUTCOME_NODE_INVALID');
    expect(messageKey(diagnostic({ code: 'EVENT_NEVER_SEEN', path: 'settings.goal.event' }), exists)).toBe(
      'EVENT_NEVER_SEEN_goal',
    );
    const unknown = {
      ...diagnostic({ code: 'NO_TRIGGER' }),
      code: 'FROM_A_NEWER_API',
    } as unknown as Diagnostic;
    expect(diagnosticMessage(translator('vi'), unknown, names)).toBe('English');
  });

  it('reads the field name at the end of a path', () => {
    expect(lastName('nodes[2].data.params.order_code')).toBe('order_code');
    expect(lastName('nodes[2].data.variants[1].weight')).toBe('weight');
    expect(lastName('nodes[2].data')).toBeUndefined();
    expect(lastName('settings')).toBeUndefined();
  });
});
