/** What `loa --help` prints. */
export const CLI_HELP = `Usage: loa <command> [file] [options]

Check, compile and try out Loa campaign graphs kept as JSON files.

Commands:
  validate FILE            Check a campaign graph; lists every error and warning
  compile FILE             Validate, then print the plan's content hash (and the plan with --json)
  simulate FILE --contacts FILE [--events FILE] [--outcomes FILE]
                           Run sample contacts through the campaign on a virtual clock; sends nothing
  schema [--out FILE]      Print the JSON Schema of campaign graphs (or write it to FILE)

Options:
  --json                   Machine-readable output on stdout
  --context FILE           Workspace facts for validation: { accounts, znsTemplates, contactFields,
                           segmentIds, eventNames }
  --contacts FILE          Sample contacts: an array, or { contacts, events?, outcomes?, prices?, startAt?, until? }
  --events FILE            Scripted events: an array of { contactId, name, properties, at } (at: ISO or +2d3h)
  --outcomes FILE          Scripted provider outcomes by node id: "failure", { "failure": "zns:-118" } …
  --start ISO              Start the virtual clock here (default: now)
  --until ISO|+OFFSET      Stop the virtual clock here; contacts still waiting are reported as waiting
  --campaign-id ID         Campaign id written into the plan (default: the file name)
  --version-id ID          Version id written into the plan (default: local)
  -h, --help               Show this help

Exit codes: 0 valid, 1 the campaign has errors, 2 a file is unreadable or not JSON, or the command is wrong.
`;
