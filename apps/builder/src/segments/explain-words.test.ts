import i18next from 'i18next';
import { resources } from '../i18n/resources';
import { explainLeaf, type Translate } from './explain-words';

let vi: Translate;
let en: Translate;
beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({
    resources,
    lng: 'en',
    fallbackLng: 'en',
    defaultNS: 'segments',
    interpolation: { escapeValue: false },
  });
  const fixed = (language: string): Translate => {
    const t = instance.getFixedT(language, 'segments');
    return (key, values) => t(key, values ?? {});
  };
  vi = fixed('vi');
  en = fixed('en');
});

describe('why a condition held or not, in the reader’s language', () => {
  it('says what an attribute was and what the rule needs', () => {
    const rule = { kind: 'attribute', field: 'city', operator: 'equals', value: 'Hà Nội' } as const;
    expect(explainLeaf(rule, 'Đà Nẵng', en)).toBe('city is “Đà Nẵng”; needs equals “Hà Nội”');
    expect(explainLeaf(rule, 'Đà Nẵng', vi)).toBe('city là “Đà Nẵng”; cần: bằng “Hà Nội”');
    expect(explainLeaf(rule, null, en)).toBe('city is missing; needs equals “Hà Nội”');
    expect(
      explainLeaf({ kind: 'attribute', field: 'city', operator: 'in', value: ['Huế', 'Vinh'] }, 'Huế', en),
    ).toBe('city is “Huế”; needs is one of “Huế”, “Vinh”');
    expect(explainLeaf({ kind: 'attribute', field: 'age', operator: 'exists' }, 31, en)).toBe(
      'age is 31; needs has a value',
    );
  });

  it('says a relative date with its period', () => {
    const rule = {
      kind: 'attribute',
      field: 'lastOrderAt',
      operator: 'within_last',
      period: { amount: 7, unit: 'days' },
    } as const;
    expect(explainLeaf(rule, '2026-11-20', vi)).toBe(
      'lastOrderAt là “2026-11-20”; cần: trong vòng … vừa qua 7 ngày',
    );
  });

  it('says tags, events with their counts, consent and reachability', () => {
    expect(explainLeaf({ kind: 'tag', tag: 'vip', has: true }, false, en)).toBe(
      'tag “vip” absent; needs present',
    );
    expect(
      explainLeaf({ kind: 'event_seen', event: 'order.completed', withinDays: 30, minCount: 2 }, 1, en),
    ).toBe('order.completed done 1× in the last 30 days; needs ≥ 2');
    expect(
      explainLeaf(
        { kind: 'event_seen', event: 'cart.viewed', withinDays: 7, minCount: 0, maxCount: 0 },
        3,
        vi,
      ),
    ).toBe('cart.viewed: 3 lần trong 7 ngày qua; cần: = 0');
    expect(explainLeaf({ kind: 'consent', channel: 'sms', state: 'granted' }, 'denied', en)).toBe(
      'SMS consent is denied; needs granted',
    );
    expect(
      explainLeaf(
        { kind: 'reachable', channel: 'zns', reachable: true },
        { identifier: true, consent: 'unknown', doNotContact: true },
        en,
      ),
    ).toBe('ZNS: phone present, consent unknown, on do-not-contact; needs reachable');
  });

  it('names a referred segment when it is known, else its id', () => {
    const rule = { kind: 'segment', segmentId: 'f0f0', member: false } as const;
    expect(explainLeaf(rule, true, en, (id) => (id === 'f0f0' ? 'Khách VIP' : undefined))).toBe(
      'member of “Khách VIP”; needs not a member',
    );
    expect(explainLeaf(rule, false, en)).toBe('not a member of “f0f0”; needs not a member');
  });
});
