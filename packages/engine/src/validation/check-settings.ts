import { campaignSettingsSchema } from '../graph/settings.schema';
import type { DiagnosticSink } from './diagnostics';
import { explainIssues } from './issue-messages';
import { field, isObject } from './json';
import { formatPath } from './paths';
import { quote } from './text';
import { isValidTimeZone } from './timezone';

/** graph.settings: its schema, and a time zone the platform knows. Absent settings take the defaults. */
export function checkSettings(settings: unknown, sink: DiagnosticSink): void {
  if (settings === undefined) return;
  if (!isObject(settings)) {
    sink.add('SETTINGS_INVALID', 'Campaign settings are damaged: open the settings and save them again.', {
      path: 'settings',
    });
    return;
  }
  const result = campaignSettingsSchema.safeParse(settings);
  if (!result.success) {
    for (const issue of explainIssues(result.error.issues, settings)) {
      sink.add('SETTINGS_INVALID', `Campaign settings: ${issue.text}.`, {
        path: formatPath(['settings', ...issue.path]),
      });
    }
  }
  const timezone = field(settings, 'timezone');
  if (
    typeof timezone === 'string' &&
    timezone !== '' &&
    timezone.length <= 64 &&
    !isValidTimeZone(timezone)
  ) {
    sink.add(
      'SETTINGS_INVALID',
      `Campaign settings: ${quote(timezone)} is not a known time zone. Pick one such as Asia/Ho_Chi_Minh.`,
      { path: 'settings.timezone', params: { timezone } },
    );
  }
}
