/**
 * The environment for a child process: this one's (PATH, HOME…) without what Jest sets for itself, plus
 * the given variables. NODE_ENV is dropped so the API and Vite run as they would outside the tests.
 */
export function childEnv(variables: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('JEST_')),
  );
  return { ...inherited, ...variables };
}
