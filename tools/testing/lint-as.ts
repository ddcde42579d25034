import { ESLint } from 'eslint';
import { join } from 'node:path';

const workspaceRoot = join(__dirname, '..', '..');

/**
 * Lints `code` as if it were the file `file` (relative to `project`) with that project's real ESLint
 * configuration; returns "rule: message" lines. Used to prove that a boundary rule rejects a forbidden import.
 */
export async function lintAs(project: string, file: string, code: string): Promise<string[]> {
  const cwd = join(workspaceRoot, project);
  const eslint = new ESLint({ cwd });
  const [result] = await eslint.lintText(code, { filePath: join(cwd, file) });
  return result.messages.map((message) => `${message.ruleId}: ${message.message}`);
}
