import { join } from 'node:path';

/** The repository root (this file lives in tools/process). */
export const workspaceRoot = join(__dirname, '..', '..');
