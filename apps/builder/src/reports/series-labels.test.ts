import { bucketLabel } from './series-labels';

describe('time-series bucket labels', () => {
  it('show the UTC day or the UTC hour of the bucket', () => {
    expect(bucketLabel('2026-12-01T00:00:00.000Z', 'day')).toBe('01/12/2026');
    expect(bucketLabel('2026-12-01T17:00:00.000Z', 'hour')).toBe('17:00 01/12/2026');
  });
});
