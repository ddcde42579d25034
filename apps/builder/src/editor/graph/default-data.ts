import type { GraphNodeInput, NodeType } from '@loa/engine/browser';

type DataOf<T extends NodeType> = Extract<GraphNodeInput, { type: T }>['data'];

/** Tomorrow at 09:00, local, as the schedule trigger's "once" wants it. */
function tomorrowAtNine(now: Date): string {
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}T09:00`;
}

/**
 * What a freshly added step holds: valid where a sensible value exists (a delay of 1 day, a 50/50 split), empty
 * where only the marketer can say (which template, which event), so the problems panel asks for it.
 */
export function defaultDataOf<T extends NodeType>(type: T, now: Date = new Date()): DataOf<T> {
  const defaults: { [K in NodeType]: DataOf<K> } = {
    'trigger.event': { event: '' },
    'trigger.segment': { segmentId: '' },
    'trigger.schedule': { audience: { kind: 'all' }, schedule: { kind: 'once', at: tomorrowAtNine(now) } },
    'trigger.date': { attribute: 'birthday', offsetDays: 0, timeOfDay: '09:00', recurring: 'yearly' },
    'trigger.manual': {},
    'wait.delay': { amount: 1, unit: 'days' },
    'wait.until': { until: { kind: 'time_of_day', time: '09:00', weekdays: [1, 2, 3, 4, 5, 6, 7] } },
    'wait.event': { event: '', timeout: { amount: 1, unit: 'days' } },
    'branch.condition': { rule: { match: 'all', rules: [] } },
    'branch.split': {
      variants: [
        { id: 'a', label: 'A', weight: 50 },
        { id: 'b', label: 'B', weight: 50 },
      ],
    },
    'send.zns': { accountId: '', templateId: '', params: {} },
    'send.oa': { accountId: '', kind: 'consultation', message: { type: 'text', text: '' } },
    'send.sms': { accountId: '', brandName: '', text: '', purpose: 'care' },
    'send.email': {
      accountId: '',
      from: { email: '' },
      subject: '',
      html: '',
      text: '',
      purpose: 'transactional',
    },
    'contact.update': { addTags: [] },
    'http.request': { method: 'POST', url: 'https://' },
    'flow.exit': { reason: 'completed' },
  };
  return structuredClone(defaults[type] as DataOf<T>);
}
