import { CronExpressionParser } from 'cron-parser';
import type { DiagnosticSink } from './diagnostics';
import type { NodeInfo } from './graph-index';
import { field } from './json';
import { formatPath } from './paths';
import { clip, quote } from './text';
import { isValidTimeZone } from './timezone';

/** Scheduled triggers: a cron expression that parses and a time zone the platform knows. */
export function checkSchedules(nodes: readonly NodeInfo[], sink: DiagnosticSink): void {
  for (const node of nodes) {
    if (node.type !== 'trigger.schedule') continue;
    const schedule = field(node.data, 'schedule');
    const cron = field(schedule, 'cron');
    if (field(schedule, 'kind') === 'recurring' && typeof cron === 'string' && cron.length <= 100) {
      const problem = cronProblem(cron);
      if (problem !== undefined) {
        sink.add(
          'INVALID_CRON',
          `${node.name} repeats on ${quote(cron)}, which is not a valid schedule (${problem}). Use a cron expression such as "0 9 * * 1" (Mondays at 9:00).`,
          {
            nodeId: node.id,
            path: formatPath([...node.path, 'data', 'schedule', 'cron']),
            params: { cron, problem },
          },
        );
      }
    }
    const timezone = field(node.data, 'timezone');
    if (
      typeof timezone === 'string' &&
      timezone !== '' &&
      timezone.length <= 64 &&
      !isValidTimeZone(timezone)
    ) {
      sink.add(
        'INVALID_CONFIG',
        `${node.heading}: ${quote(timezone)} is not a known time zone. Pick one such as Asia/Ho_Chi_Minh.`,
        { nodeId: node.id, path: formatPath([...node.path, 'data', 'timezone']), params: { timezone } },
      );
    }
  }
}

function cronProblem(cron: string): string | undefined {
  try {
    CronExpressionParser.parse(cron);
    return undefined;
  } catch (error) {
    return clip(error instanceof Error ? error.message : String(error), 120);
  }
}
