import { can, type Permission } from './permissions';
import type { Role } from './session';

const ROLES: Role[] = ['admin', 'marketer', 'analyst'];

/** DESIGN §1's roles, as the API's access rules give them to the interface. */
const EXPECTED: Record<Permission, Role[]> = {
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
};

describe('what the interface offers each role', () => {
  it.each(Object.entries(EXPECTED) as Array<[Permission, Role[]]>)('%s: %j', (permission, roles) => {
    expect(ROLES.filter((role) => can(role, permission))).toEqual(roles);
  });
});
