import { ROUTE_ROLES, type ApiRoute } from '@loa/api-contract';
import type { Role } from './session';

/**
 * What the interface offers each role: every action is the API route that does it, and a role may do it when the
 * route admits that role (ROUTE_ROLES, generated from the API's access rules), so the interface and the API cannot
 * disagree. The interface hides what a role may not do; the API refuses it anyway.
 */
const PERMISSIONS = {
  'campaign.edit': 'PUT /campaigns/{id}/draft',
  'campaign.submit': 'POST /campaigns/{id}/submit',
  'campaign.publish': 'POST /campaigns/{id}/publish',
  'campaign.decide': 'POST /campaigns/{id}/approve',
  'campaign.operate': 'POST /campaigns/{id}/pause',
  'contacts.view': 'GET /contacts',
  'system.status': 'GET /auth/me',
  'settings.users': 'GET /users',
  'settings.apiKeys': 'GET /api-keys',
  'settings.workspace': 'PATCH /workspace',
  'settings.auditLog': 'GET /audit-log',
  'channels.manage': 'POST /channel-accounts',
  'contacts.import': 'POST /imports',
  'segments.edit': 'POST /segments',
} as const satisfies Record<string, ApiRoute>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (ROUTE_ROLES[PERMISSIONS[permission]] as readonly string[]).includes(role);
}
