import { CreateWorkspaces1763740000000 } from './1763740000000-create-workspaces';

/** Every migration, oldest first. */
export const migrations = [CreateWorkspaces1763740000000];
