import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type ProxyOptions } from 'vite';

// The browser calls the API as /api/*; the dev and preview servers forward those requests to the API
// without the /api prefix (GET /api/health -> GET <LOA_API_URL>/health).
const apiUrl = process.env.LOA_API_URL ?? 'http://127.0.0.1:3000';
const port = parsePort(process.env.LOA_BUILDER_PORT, 5173);

const apiProxy: Record<string, ProxyOptions> = {
  '^/api(/|$)': {
    target: apiUrl,
    changeOrigin: true,
    rewrite: (path) => path.replace(/^\/api/, '') || '/',
  },
};

export default defineConfig({
  plugins: [react()],
  // Workspace packages are compiled from their TypeScript sources, like the builder's own code.
  resolve: {
    alias: [
      { find: '@loa/api-contract', replacement: source('packages/api-contract/src/index.ts') },
      { find: '@loa/engine/browser', replacement: source('packages/engine/src/browser.ts') },
      { find: /^@loa\/engine\/examples\/(.*)$/, replacement: source('packages/engine/examples/$1') },
      { find: '@loa/sms-text', replacement: source('packages/sms-text/src/index.ts') },
    ],
  },
  server: { port, proxy: apiProxy },
  preview: { port, proxy: apiProxy },
  build: { outDir: 'dist', emptyOutDir: true },
});

function source(path: string): string {
  return fileURLToPath(new URL(`../../${path}`, import.meta.url));
}

function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > 65535) {
    throw new Error(`LOA_BUILDER_PORT must be a port number (1-65535), got "${value}"`);
  }
  return parsed;
}
