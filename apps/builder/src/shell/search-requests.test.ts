import { SearchRequests } from './search-requests';

const set =
  (key: string, value: string) =>
  (current: URLSearchParams): URLSearchParams => {
    current.set(key, value);
    return current;
  };

describe('changes to the address asked for before the router shows them', () => {
  it('builds each change on the one before, even when neither has been committed yet', () => {
    const requests = new SearchRequests(new URLSearchParams('version=1'));
    expect(requests.request(set('from', '2020-01-01')).toString()).toBe('version=1&from=2020-01-01');
    expect(requests.request(set('to', '2020-01-31')).toString()).toBe(
      'version=1&from=2020-01-01&to=2020-01-31',
    );
  });

  it('keeps later changes when an earlier one is committed, and when the router skips straight to the last', () => {
    const requests = new SearchRequests(new URLSearchParams(''));
    const first = requests.request(set('from', '2020-01-01'));
    requests.request(set('to', '2020-01-31'));
    requests.arrived(first);
    expect(requests.request(set('version', '2')).toString()).toBe('from=2020-01-01&to=2020-01-31&version=2');

    const skipping = new SearchRequests(new URLSearchParams(''));
    skipping.request(set('from', '2020-01-01'));
    const last = skipping.request(set('to', '2020-01-31'));
    skipping.arrived(last);
    expect(skipping.request(set('interval', 'hour')).toString()).toBe(
      'from=2020-01-01&to=2020-01-31&interval=hour',
    );
  });

  it('starts again from the address when something else moved it (a link, the back button)', () => {
    const requests = new SearchRequests(new URLSearchParams('version=1'));
    requests.request(set('from', '2020-01-01'));
    requests.arrived(new URLSearchParams('interval=hour'));
    expect(requests.request(set('to', '2020-01-31')).toString()).toBe('interval=hour&to=2020-01-31');
  });

  it('is not changed by what a caller does with the queries it was given or gave', () => {
    const committed = new URLSearchParams('version=1');
    const requests = new SearchRequests(committed);
    committed.set('version', '9');
    const asked = requests.request(set('from', '2020-01-01'));
    asked.delete('from');
    expect(requests.request(set('to', '2020-01-31')).toString()).toBe(
      'version=1&from=2020-01-01&to=2020-01-31',
    );
  });
});
