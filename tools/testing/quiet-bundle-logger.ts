/** A logger for `bundleWorkflowCode` in tests: webpack's progress stays quiet, its warnings and errors are shown. */
export const quietBundleLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
};
