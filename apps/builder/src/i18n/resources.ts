import { authMessages } from '../auth/auth.messages';
import { campaignsMessages } from '../campaigns/campaigns.messages';
import { configMessages } from '../editor/config/config.messages';
import { editorMessages } from '../editor/editor.messages';
import { shellMessages } from '../shell/shell.messages';

/** Every namespace's messages; each feature keeps its own beside its code. */
const namespaces = {
  common: shellMessages,
  auth: authMessages,
  campaigns: campaignsMessages,
  config: configMessages,
  editor: editorMessages,
};

type Namespaces = typeof namespaces;

export const resources = {
  vi: Object.fromEntries(Object.entries(namespaces).map(([ns, messages]) => [ns, messages.vi])),
  en: Object.fromEntries(Object.entries(namespaces).map(([ns, messages]) => [ns, messages.en])),
} as Record<'vi' | 'en', { [K in keyof Namespaces]: Namespaces[K]['vi'] }>;

export { namespaces as messageNamespaces };
