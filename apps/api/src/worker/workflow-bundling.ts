import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { WorkerOptions } from '@temporalio/worker';
import { TsconfigPathsPlugin } from 'tsconfig-paths-webpack-plugin';

type BundlerOptions = NonNullable<WorkerOptions['bundlerOptions']>;

/** The engine's workflow entry point: its TypeScript source in tests and development, its build in production. */
export function workflowsPath(): string {
  return require.resolve('@loa/engine/workflows');
}

/**
 * Lets Temporal's workflow bundler (webpack) resolve the `@loa/*` path aliases of tsconfig.base.json when it
 * bundles workflow sources. Built output needs no aliases, so without the workspace's tsconfig nothing changes.
 */
export function workflowBundlerOptions(startDir = __dirname): BundlerOptions {
  const tsconfig = findUp('tsconfig.base.json', startDir);
  if (!tsconfig) return {};
  return {
    webpackConfigHook: (config) => {
      const resolve = config.resolve ?? {};
      const aliasPlugin = new TsconfigPathsPlugin({
        configFile: tsconfig,
        extensions: ['.ts', '.js'],
        logLevel: 'ERROR',
      });
      return { ...config, resolve: { ...resolve, plugins: [...(resolve.plugins ?? []), aliasPlugin] } };
    },
  };
}

function findUp(fileName: string, from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, fileName);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}
