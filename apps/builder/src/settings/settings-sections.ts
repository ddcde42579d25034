import { can, type Permission } from '../auth/permissions';
import type { Role } from '../auth/session';

/** The admin settings screens, each under /settings/<path> and shown only to the roles its permission names. */
export const SETTINGS_SECTIONS: Array<{ path: string; label: string; permission: Permission }> = [
  { path: 'users', label: 'sections.users', permission: 'settings.users' },
  { path: 'api-keys', label: 'sections.apiKeys', permission: 'settings.apiKeys' },
  { path: 'workspace', label: 'sections.workspace', permission: 'settings.workspace' },
  { path: 'audit-log', label: 'sections.auditLog', permission: 'settings.auditLog' },
  { path: 'channels', label: 'sections.channels', permission: 'channels.manage' },
];

export function settingsSectionsFor(role: Role) {
  return SETTINGS_SECTIONS.filter((section) => can(role, section.permission));
}
