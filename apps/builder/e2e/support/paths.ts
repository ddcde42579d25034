import { join } from 'node:path';
import { workspaceRoot } from '@loa/testing';

export { workspaceRoot };
export const builderRoot = join(workspaceRoot, 'apps/builder');
export const apiMain = join(workspaceRoot, 'apps/api/dist/main.js');
export const workerMain = join(workspaceRoot, 'apps/api/dist/worker.main.js');
export const screenshotDir = join(workspaceRoot, 'tmp/screenshots');
