import { formatDate, formatDateTime } from '../format/formats';
import type { SeriesInterval } from './report-queries';

/** A bucket's start as the chart and its table show it: the UTC day, or the UTC hour. */
export function bucketLabel(at: string, interval: SeriesInterval): string {
  return interval === 'day' ? formatDate(at, 'UTC') : formatDateTime(at, 'UTC');
}
