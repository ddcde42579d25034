import { personalisationScope } from '@loa/engine';
import { renderSmsTemplate } from './render-sms-template';

const scope = personalisationScope({
  contact: { id: 'c1', attributes: { name: 'Nguyen Van An', city: 'Hà Nội' }, tags: [] },
  event: { code: 'SALE50' },
});
const timezone = 'Asia/Ho_Chi_Minh';

describe('renderSmsTemplate', () => {
  it('counts a plain-ASCII text as GSM-7 and labels advertising with [QC]', () => {
    const rendered = renderSmsTemplate(
      { text: 'Chao {{ contact.name }}, ma {{ event.code }}. Tu choi: gui TC 8xxx', advertising: true },
      scope,
      timezone,
    );
    expect(rendered).toMatchObject({
      text: '[QC] Chao Nguyen Van An, ma SALE50. Tu choi: gui TC 8xxx',
      encoding: 'GSM-7',
      segments: 1,
      unicode: false,
      errors: [],
    });
  });

  it('makes the whole text UCS-2 for one Vietnamese diacritic, 70 characters for one part and 67 beyond', () => {
    const one = renderSmsTemplate(
      { text: `${'a'.repeat(65)} {{ contact.city }}`, advertising: false },
      scope,
      timezone,
    );
    expect(one).toMatchObject({ encoding: 'UCS-2', characters: 72, segments: 2, unicode: true });
    expect(one.text.startsWith('[QC]')).toBe(false);
    const short = renderSmsTemplate({ text: 'Đơn đã giao', advertising: false }, scope, timezone);
    expect(short).toMatchObject({ encoding: 'UCS-2', characters: 11, segments: 1 });
  });

  it('normalises decomposed Vietnamese to NFC before counting', () => {
    const decomposed = 'Cảm ơn'.normalize('NFD');
    const rendered = renderSmsTemplate({ text: decomposed, advertising: false }, scope, timezone);
    expect(rendered.text).toBe('Cảm ơn'.normalize('NFC'));
    expect(rendered.characters).toBe(6);
  });
});
