import { prepareSmsText } from '@loa/sms-text';
import {
  advertisingRequestCount,
  advertisingRequests,
  ESMS_ADVERTISING_MAX_RECIPIENTS,
} from './esms.advertising';

const entries = (count: number, text = 'Sale 30%') =>
  Array.from({ length: count }, (_, i) => ({
    idempotencyKey: `run_1:contact_${String(i).padStart(5, '0')}`,
    text: prepareSmsText({ text, purpose: 'advertising' }),
  }));
const shape = (requests: ReturnType<typeof advertisingRequests>) =>
  requests.map(({ correlationId, entries }) => ({
    correlationId,
    keys: entries.map(({ idempotencyKey }) => idempotencyKey),
  }));

describe('advertisingRequests', () => {
  it('gives the same requests and RequestIds for the same batch key and items, in any order', () => {
    const items = [...entries(40), ...entries(35, 'Mua 1 tang 1')];
    const shuffled = [...items].reverse();
    expect(shape(advertisingRequests('batch_1', shuffled))).toEqual(
      shape(advertisingRequests('batch_1', items)),
    );
  });

  it('derives RequestIds from the batch key, the text and exactly the items of the request', () => {
    const [first] = advertisingRequests('batch_1', entries(40));
    const [fewer] = advertisingRequests('batch_1', entries(39));
    const [otherKey] = advertisingRequests('batch_2', entries(40));
    const [otherText] = advertisingRequests('batch_1', entries(40, 'Sale 50%'));
    expect(fewer.correlationId).not.toBe(first.correlationId);
    expect(otherKey.correlationId).not.toBe(first.correlationId);
    expect(otherText.correlationId).not.toBe(first.correlationId);
    expect(first.correlationId).toMatch(/^[A-Za-z0-9_-]{1,40}$/);
  });

  it('splits a text over 5,000 numbers evenly into requests with their own RequestIds', () => {
    const requests = advertisingRequests('batch_1', entries(ESMS_ADVERTISING_MAX_RECIPIENTS + 1));
    expect(requests.map(({ entries }) => entries.length)).toEqual([2501, 2500]);
    expect(new Set(requests.map(({ correlationId }) => correlationId)).size).toBe(2);
  });

  it('cuts a retry of whole requests the same way again, so each keeps its RequestId', () => {
    const all = entries(3 * ESMS_ADVERTISING_MAX_RECIPIENTS - 100);
    const requests = advertisingRequests('batch_1', all);
    expect(requests).toHaveLength(3);
    const [first, , third] = requests;
    const retried = advertisingRequests('batch_1', [...third.entries, ...first.entries]);
    expect(shape(retried)).toEqual(shape([first, third]));
  });
});

describe('advertisingRequestCount', () => {
  it('counts the requests advertisingRequests makes: none for a text fewer than 30 share', () => {
    const texts = (count: number, text: string) => Array.from({ length: count }, () => text);
    const cases = [
      [...texts(29, 'a')],
      [...texts(30, 'a'), ...texts(12, 'b')],
      [...texts(ESMS_ADVERTISING_MAX_RECIPIENTS + 1, 'a'), ...texts(31, 'b'), ...texts(3, 'c')],
    ];
    for (const batch of cases) {
      const made = advertisingRequests(
        'batch_1',
        batch.map((text, i) => ({
          idempotencyKey: `k${i}`,
          text: prepareSmsText({ text, purpose: 'advertising' }),
        })),
      ).filter((request) => request.entries.length >= 30);
      expect(advertisingRequestCount(batch)).toBe(made.length);
    }
    expect(cases.map(advertisingRequestCount)).toEqual([0, 1, 3]);
  });
});
