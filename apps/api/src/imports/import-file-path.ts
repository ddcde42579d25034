import { join } from 'node:path';

/** Where an import's file is kept while the import exists. */
export function importFilePath(dataDir: string, workspaceId: string, id: string): string {
  return join(dataDir, 'imports', workspaceId, `${id}.csv`);
}
