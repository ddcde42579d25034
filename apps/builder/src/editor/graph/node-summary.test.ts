import i18next from 'i18next';
import { resources } from '../../i18n/resources';
import { nodeTypes, type GraphNodeInput } from '@loa/engine/browser';
import { defaultDataOf } from './default-data';
import { displayNameOf, summaryOf, type Translate } from './node-summary';

let vi: Translate;
let en: Translate;
beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({
    resources,
    lng: 'vi',
    fallbackLng: 'en',
    defaultNS: 'editor',
    interpolation: { escapeValue: false },
  });
  const fixed = (language: string): Translate => {
    const t = instance.getFixedT(language, 'editor');
    return (key, values) => t(key, values ?? {});
  };
  vi = fixed('vi');
  en = fixed('en');
});

const node = (type: GraphNodeInput['type'], data: object) =>
  ({ id: 'x', type, position: { x: 0, y: 0 }, data }) as GraphNodeInput;

describe('step summaries', () => {
  it('says what a step does in Vietnamese and English', () => {
    expect(summaryOf(node('wait.delay', { amount: 2, unit: 'days' }), vi)).toBe('2 ngày');
    expect(summaryOf(node('wait.delay', { amount: 1, unit: 'days' }), en)).toBe('1 day');
    expect(summaryOf(node('trigger.event', { event: 'cart.abandoned' }), vi)).toBe('cart.abandoned');
    expect(summaryOf(node('send.zns', { templateId: '2471' }), vi)).toBe('Mẫu ZNS #2471');
    expect(
      summaryOf(node('wait.event', { event: 'order.paid', timeout: { amount: 3, unit: 'hours' } }), en),
    ).toBe('order.paid, at most 3 hours');
    expect(
      summaryOf(
        node('branch.condition', {
          rule: {
            match: 'all',
            rules: [
              { kind: 'tag', tag: 'vip', has: true },
              { kind: 'tag', tag: 'x' },
            ],
          },
        }),
        en,
      ),
    ).toBe('has tag vip and 1 more');
    expect(summaryOf(node('branch.split', defaultDataOf('branch.split')), en)).toBe('A 50% · B 50%');
    expect(summaryOf(node('http.request', { method: 'POST', url: 'https://hooks.example.com/x' }), en)).toBe(
      'POST hooks.example.com/x',
    );
  });

  it('has a non-empty summary for every default step, and shortens long texts', () => {
    for (const type of nodeTypes) expect(summaryOf(node(type, defaultDataOf(type)), vi)).not.toBe('');
    const long = summaryOf(node('send.sms', { text: 'x'.repeat(200) }), vi);
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long.endsWith('…')).toBe(true);
  });

  it('summarises configs of the wrong shape (from the API or a paste) without throwing', () => {
    expect(summaryOf(node('contact.update', { addTags: 'vip', removeTags: 7, set: 'x' }), en)).toBe(
      en('summary.nothingToUpdate'),
    );
    expect(summaryOf(node('contact.update', { addTags: ['vip', null, 3], scoreDelta: 'x' }), en)).toBe(
      '+vip, +3',
    );
    expect(summaryOf(node('branch.split', { variants: [null, 'x', { id: 'b', weight: 20 }] }), en)).toContain(
      'b 20%',
    );
    expect(summaryOf(node('branch.condition', { rule: { rules: 'all' } }), en)).toBe(en('summary.noRules'));
    for (const type of nodeTypes) {
      expect(() =>
        summaryOf({ ...node(type, {}), data: null } as unknown as GraphNodeInput, en),
      ).not.toThrow();
      expect(() =>
        summaryOf(node(type, { schedule: 3, until: 'x', message: 1, variants: {} }), vi),
      ).not.toThrow();
    }
  });
});

describe('step display names', () => {
  it('reads as the step’s own label, else what it does, else its type', () => {
    expect(displayNameOf(node('wait.delay', { label: '  Nghỉ  ', amount: 2, unit: 'days' }), vi)).toBe(
      'Nghỉ',
    );
    expect(displayNameOf(node('wait.delay', { amount: 1, unit: 'days' }), en)).toBe('1 day');
    expect(displayNameOf(node('trigger.manual', {}), en)).toBe(en('summary.manual'));
    const typeOnly = nodeTypes.find((type) => summaryOf(node(type, {}), en) === '')!;
    expect(displayNameOf(node(typeOnly, {}), en)).toBe(en(`types.${typeOnly}`));
    expect(displayNameOf({ ...node(typeOnly, {}), data: null } as unknown as GraphNodeInput, vi)).toBe(
      vi(`types.${typeOnly}`),
    );
  });
});
