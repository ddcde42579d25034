import type { ValidationContext } from '../validation/diagnostics';
import { CliUsageError, type CliIo } from './cli-io';
import type { CliArgs } from './parse-cli-args';
import { readJsonFile } from './read-json-file';

/** The campaign file every command but `schema` needs. */
export function requireFile(args: CliArgs): string {
  if (!args.file)
    throw new CliUsageError(`${args.command} needs a campaign file, e.g. loa ${args.command} campaign.json`);
  return args.file;
}

/** `--context FILE`: accounts, ZNS templates and contact fields to validate against. */
export function readContext(args: CliArgs, io: CliIo): ValidationContext | undefined {
  if (!args.context) return undefined;
  const context = readJsonFile(io, args.context);
  if (context === null || typeof context !== 'object' || Array.isArray(context))
    throw new CliUsageError(`${args.context} must hold an object such as { "contactFields": ["name"] }`);
  return context as ValidationContext;
}

/** The file's base name without .json: the default campaign id of a compiled plan. */
export function campaignIdOf(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.json$/i, '') || 'campaign';
}
