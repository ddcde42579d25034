import { audienceMessages } from '../audience/audience.messages';
import { authMessages } from '../auth/auth.messages';
import { campaignsMessages } from '../campaigns/campaigns.messages';
import { channelsMessages } from '../channels/channels.messages';
import { configMessages } from '../editor/config/config.messages';
import { editorMessages } from '../editor/editor.messages';
import { lifecycleMessages } from '../editor/lifecycle/lifecycle.messages';
import { simulationMessages } from '../editor/simulation/simulation.messages';
import { diagnosticsMessages } from '../editor/validation/diagnostics.messages';
import { versionsMessages } from '../editor/versions/versions.messages';
import { importsMessages } from '../imports/imports.messages';
import { reportsMessages } from '../reports/reports.messages';
import { segmentsMessages } from '../segments/segments.messages';
import { settingsMessages } from '../settings/settings.messages';
import { shellMessages } from '../shell/shell.messages';

/** Every namespace's messages; each feature keeps its own beside its code. */
const namespaces = {
  common: shellMessages,
  auth: authMessages,
  audience: audienceMessages,
  campaigns: campaignsMessages,
  channels: channelsMessages,
  config: configMessages,
  editor: editorMessages,
  lifecycle: lifecycleMessages,
  versions: versionsMessages,
  simulation: simulationMessages,
  diagnostics: diagnosticsMessages,
  settings: settingsMessages,
  imports: importsMessages,
  reports: reportsMessages,
  segments: segmentsMessages,
};

type Namespaces = typeof namespaces;

export const resources = {
  vi: Object.fromEntries(Object.entries(namespaces).map(([ns, messages]) => [ns, messages.vi])),
  en: Object.fromEntries(Object.entries(namespaces).map(([ns, messages]) => [ns, messages.en])),
} as Record<'vi' | 'en', { [K in keyof Namespaces]: Namespaces[K]['vi'] }>;

export { namespaces as messageNamespaces };
