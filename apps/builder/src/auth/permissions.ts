import type { Role } from './session';

/**
 * What each role may do, as the API enforces it (apps/api/README.md, Campaigns): the interface hides what a role
 * may not do; the API refuses it anyway.
 */
const PERMISSIONS = {
  'campaign.edit': ['admin', 'marketer'],
  'campaign.submit': ['admin', 'marketer'],
  'campaign.publish': ['admin', 'marketer'],
  'campaign.decide': ['admin'],
  'campaign.operate': ['admin'],
  'contacts.view': ['admin', 'marketer', 'analyst'],
  'system.status': ['admin', 'marketer', 'analyst'],
  'settings.users': ['admin'],
  'settings.apiKeys': ['admin'],
  'settings.workspace': ['admin'],
  'settings.auditLog': ['admin'],
  'channels.manage': ['admin'],
  'contacts.import': ['admin', 'marketer'],
  'segments.edit': ['admin', 'marketer'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
