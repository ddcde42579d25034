import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { childEnv } from './child-env';
import { freePort } from '@loa/testing';
import { builderRoot } from './paths';
import { tryGet, waitFor, type ManagedProcess, type ProcessGroup } from './processes';

export interface BuilderServer {
  url: string;
  vite: ManagedProcess;
}

/**
 * Serves the builder with the Vite dev server and the builder's own vite.config.ts, its /api proxy aimed
 * at apiUrl. Vite is ESM-only and Jest runs the tests as CommonJS, so Vite runs in a child process.
 */
export async function startBuilderServer(
  processes: ProcessGroup,
  apiUrl: string,
  mode: 'dev' | 'preview' = 'dev',
  /** The port to listen on, when the API must know the builder's address first (a free one otherwise). */
  port?: number,
): Promise<BuilderServer> {
  port ??= await freePort();
  const url = `http://127.0.0.1:${port}`;
  const viteCli = join(
    dirname(createRequire(join(builderRoot, 'package.json')).resolve('vite/package.json')),
    'bin/vite.js',
  );
  const vite = processes.start(
    'vite',
    process.execPath,
    [
      viteCli,
      ...(mode === 'preview' ? ['preview'] : []),
      '--config',
      'vite.config.ts',
      '--host',
      '127.0.0.1',
      '--strictPort',
      '--clearScreen',
      'false',
    ],
    { cwd: builderRoot, env: childEnv({ LOA_API_URL: apiUrl, LOA_BUILDER_PORT: String(port) }) },
  );
  await waitFor(
    `the Vite ${mode} server at ${url}`,
    async (note) => {
      const answer = await tryGet(url, note);
      if (answer?.status === 200 && answer.text.includes('id="root"')) return true;
      if (answer) note(`HTTP ${answer.status}: ${answer.text.slice(0, 200)}`);
      return undefined;
    },
    { watch: [vite] },
  );
  return { url, vite };
}
