import type { Role } from '../auth/session';

/** The roles an admin can give, most powerful first. */
export const ROLES = ['admin', 'marketer', 'analyst'] as const satisfies readonly Role[];
