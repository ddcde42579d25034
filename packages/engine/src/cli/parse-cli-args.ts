import { parseArgs } from 'node:util';
import { CliUsageError } from './cli-io';

export const COMMANDS = ['validate', 'compile', 'simulate', 'schema'] as const;
export type CommandName = (typeof COMMANDS)[number];

export interface CliArgs {
  command?: CommandName;
  file?: string;
  json: boolean;
  help: boolean;
  contacts?: string;
  events?: string;
  outcomes?: string;
  context?: string;
  start?: string;
  until?: string;
  out?: string;
  campaignId?: string;
  versionId?: string;
}

/** Parses `loa COMMAND [FILE] [options]`; unknown commands and options are usage errors. */
export function parseCliArgs(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        contacts: { type: 'string' },
        events: { type: 'string' },
        outcomes: { type: 'string' },
        context: { type: 'string' },
        start: { type: 'string' },
        until: { type: 'string' },
        out: { type: 'string' },
        'campaign-id': { type: 'string' },
        'version-id': { type: 'string' },
      },
    });
  } catch (error) {
    throw new CliUsageError(`${firstSentence((error as Error).message)} (see loa --help)`);
  }
  const { values, positionals } = parsed;
  const [command, file, ...extra] = positionals;
  if (command !== undefined && !(COMMANDS as readonly string[]).includes(command))
    throw new CliUsageError(`unknown command ${command}`);
  if (extra.length > 0) throw new CliUsageError(`unexpected argument ${extra[0]}`);
  return {
    command: command as CommandName | undefined,
    file,
    json: values.json,
    help: values.help,
    contacts: values.contacts,
    events: values.events,
    outcomes: values.outcomes,
    context: values.context,
    start: values.start,
    until: values.until,
    out: values.out,
    campaignId: values['campaign-id'],
    versionId: values['version-id'],
  };
}

function firstSentence(message: string): string {
  return message.split('\n')[0].replace(/\. .*$/, '');
}
