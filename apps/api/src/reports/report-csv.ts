import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type {
  CampaignOverview,
  ChannelReport,
  NodeReport,
  SeriesReport,
  SplitReport,
} from './reports.schemas';

type Cell = string | number | boolean | null;

/** A report as CSV: one header row, then the rows the generator yields, stringified as they are read. */
export function csvStream(columns: string[], rows: () => Iterable<Cell[]>): Readable {
  return Readable.from(rows()).pipe(stringify({ bom: true, header: true, columns, escape_formulas: true }));
}

const counts = (record: Record<string, number>) =>
  Object.entries(record)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => `${key}:${value}`)
    .join(';');

export function overviewCsv(report: CampaignOverview): Readable {
  return csvStream(
    [
      'version',
      'entered',
      'in_progress',
      'completed',
      'exited',
      'conversions',
      'conversion_rate',
      'exited_by_reason',
    ],
    function* () {
      for (const figures of [{ ...report.overall, version: 'all' as const }, ...report.versions])
        yield [
          figures.version,
          figures.entered,
          figures.inProgress,
          figures.completed,
          figures.exited,
          figures.conversions,
          figures.conversionRate,
          counts(figures.exitedByReason),
        ];
    },
  );
}

export function nodesCsv(report: NodeReport): Readable {
  const columns = ['step_id', 'entered', 'waiting_now', 'succeeded', 'failed', 'exited', 'top_errors'];
  return csvStream(columns, function* () {
    for (const node of report.nodes)
      yield [
        node.stepId,
        node.entered,
        node.waitingNow,
        node.succeeded,
        node.failed,
        node.exited,
        node.topErrors.map((error) => `${error.code}:${error.count}`).join(';'),
      ];
  });
}

export function channelsCsv(report: ChannelReport): Readable {
  return csvStream(
    [
      'channel',
      'account_id',
      'account_name',
      'messages',
      'sent',
      'delivered',
      'seen',
      'failed',
      'failed_by_code',
      'cost_vnd',
      'cost_per_conversion_vnd',
    ],
    function* () {
      for (const account of report.accounts)
        yield [
          account.channel,
          account.accountId,
          account.accountName,
          account.messages,
          account.sent,
          account.delivered,
          account.seen,
          account.failed,
          account.failedByCode.map((error) => `${error.code}:${error.count}`).join(';'),
          account.costVnd,
          account.costPerConversionVnd,
        ];
    },
  );
}

export function splitsCsv(report: SplitReport): Readable {
  return csvStream(
    [
      'step_id',
      'variant_id',
      'holdout',
      'entered',
      'converted',
      'conversion_rate',
      'ci_low',
      'ci_high',
      'test_state',
      'p_value',
      'significant',
      'too_early_to_call',
    ],
    function* () {
      for (const split of report.splits)
        for (const variant of split.variants)
          yield [
            split.stepId,
            variant.variantId,
            variant.holdout,
            variant.entered,
            variant.converted,
            variant.conversionRate,
            variant.confidenceInterval?.low ?? null,
            variant.confidenceInterval?.high ?? null,
            split.test.state,
            split.test.pValue ?? null,
            split.test.significant,
            split.tooEarlyToCall,
          ];
    },
  );
}

export function seriesCsv(report: SeriesReport): Readable {
  return csvStream(['at', 'entries', 'sends', 'conversions'], function* () {
    for (const point of report.points) yield [point.at, point.entries, point.sends, point.conversions];
  });
}
