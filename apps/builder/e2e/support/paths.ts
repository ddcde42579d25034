import { join, resolve } from 'node:path';

export const workspaceRoot = resolve(__dirname, '../../../..');
export const builderRoot = join(workspaceRoot, 'apps/builder');
export const apiMain = join(workspaceRoot, 'apps/api/dist/main.js');
export const workerMain = join(workspaceRoot, 'apps/api/dist/worker.main.js');
export const screenshotDir = join(workspaceRoot, 'tmp/screenshots');
