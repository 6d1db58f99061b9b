// Command-line arguments of cable-lint: parsed strictly, with a one-line reason for anything wrong.
import { parseArgs } from 'node:util';
import type { RuleSeverity } from '../service/config';
import { ruleById } from '../service/rules';

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface CliOptions {
  paths: string[];
  format: OutputFormat;
  fix: boolean;
  fixDryRun: boolean;
  configFile?: string;
  ruleOverrides: Record<string, RuleSeverity>;
  maxWarnings?: number;
  help: boolean;
  version: boolean;
  quiet: boolean;
  /** Where the report goes instead of standard output (written whole, atomically). */
  outputFile?: string;
}

export class UsageError extends Error {}

const severities: readonly RuleSeverity[] = ['off', 'hint', 'info', 'warning', 'error'];

export const usage = `Usage: cable-lint [options] PATH...

Checks .cable files with the same rules as the Cable extension.
PATH is a file, a folder (searched for .cable files, skipping node_modules and .git), a glob, or - for standard input.

Options:
  --format text|json|sarif   output format (default: text, file:line:col severity rule message)
  --fix                      apply the safe fixes (fix-all) and write the files
  --fix-dry-run              print the diff that --fix would apply, change nothing
  --config FILE              use this configuration instead of the nearest .cablerc.json
  --rule ID=SEVERITY         set a rule's severity (off, hint, info, warning, error); repeatable
  --max-warnings N           exit 1 when there are more than N warnings
  --quiet                    report errors only, in every format
  -o, --output-file FILE     write the report to FILE (atomically) instead of standard output
  --version                  print the version
  --help                     print this help

Exit status: 0 clean, 1 errors remain (or too many warnings), 2 could not run.`;

export function parseCliArguments(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        fix: { type: 'boolean' },
        'fix-dry-run': { type: 'boolean' },
        config: { type: 'string', short: 'c' },
        rule: { type: 'string', multiple: true },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        'output-file': { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const format = (values.format ?? 'text') as OutputFormat;
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`unknown --format '${values.format}': use text, json or sarif`);
  const ruleOverrides: Record<string, RuleSeverity> = {};
  for (const rule of values.rule ?? []) {
    const match = /^([^=\s]+)=(\w+)$/.exec(rule);
    if (!match) throw new UsageError(`bad --rule '${rule}': use ID=off|hint|info|warning|error, e.g. --rule CBL026=off`);
    const known = ruleById(match[1]);
    if (!known) throw new UsageError(`unknown rule '${match[1]}' in --rule ${rule}: use a rule id (CBL001) or alias (missing-portion-mark); docs/rules.md lists them`);
    if (!severities.includes(match[2] as RuleSeverity)) throw new UsageError(`unknown severity '${match[2]}' in --rule ${rule}: use off, hint, info, warning or error`);
    ruleOverrides[known.id] = match[2] as RuleSeverity;
  }
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`bad --max-warnings '${values['max-warnings']}': use a whole number of 0 or more`);
  }
  if (values.fix && values['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run exclude each other');
  const options: CliOptions = {
    paths: positionals,
    format,
    fix: Boolean(values.fix),
    fixDryRun: Boolean(values['fix-dry-run']),
    configFile: values.config,
    ruleOverrides,
    maxWarnings,
    help: Boolean(values.help),
    version: Boolean(values.version),
    quiet: Boolean(values.quiet),
    outputFile: values['output-file'],
  };
  if (!options.help && !options.version && options.paths.length === 0) throw new UsageError('no PATH given (a file, a folder, a glob or - for standard input)');
  return options;
}
