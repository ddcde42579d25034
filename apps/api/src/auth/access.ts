/** Roles of DESIGN §1 and the scopes an API key may have (issue 8 §1). */
export const ROLES = ['admin', 'marketer', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

export const KEY_SCOPES = ['ingest', 'read', 'write'] as const;
export type KeyScope = (typeof KEY_SCOPES)[number];

/** Who may call a route: the user roles and API-key scopes it admits; `public` routes need no credentials. */
export interface AccessRule {
  name: AccessName;
  public: boolean;
  roles: readonly Role[];
  keyScopes: readonly KeyScope[];
}

export type AccessName = 'public' | 'signedIn' | 'read' | 'write' | 'admin' | 'ingest';

/**
 * The access rules every route picks from. `read` lets everyone see; `write` is for marketers and admins;
 * `admin` is people and channels (no key may do it); `ingest` is events and identify from a server.
 */
export const Access = {
  public: { name: 'public', public: true, roles: [], keyScopes: [] },
  signedIn: { name: 'signedIn', public: false, roles: ROLES, keyScopes: [] },
  read: { name: 'read', public: false, roles: ROLES, keyScopes: ['read', 'write'] },
  write: { name: 'write', public: false, roles: ['admin', 'marketer'], keyScopes: ['write'] },
  admin: { name: 'admin', public: false, roles: ['admin'], keyScopes: [] },
  ingest: { name: 'ingest', public: false, roles: [], keyScopes: ['ingest', 'write'] },
} as const satisfies Record<AccessName, AccessRule>;
