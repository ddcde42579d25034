import type { CliIo } from '../cli/cli-io';

/** An in-memory CliIo: files by path, and what the command printed. */
export function fakeCliIo(files: Record<string, unknown>): CliIo & {
  out: () => string;
  err: () => string;
  written: Record<string, string>;
} {
  let stdout = '';
  let stderr = '';
  const written: Record<string, string> = {};
  return {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readFile: (path) => {
      if (!(path in files)) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      const content = files[path];
      return typeof content === 'string' ? content : JSON.stringify(content);
    },
    writeFile: (path, text) => void (written[path] = text),
    out: () => stdout,
    err: () => stderr,
    written,
  };
}
