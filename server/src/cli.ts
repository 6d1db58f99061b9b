// cable-lint: the editor's checks on the command line, for batch work and CI. It runs the very same
// language service as the server, with the same configuration, so editor and CI never disagree.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createTwoFilesPatch } from 'diff';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { parseCliArguments, usage, UsageError, type CliOptions } from './cli/args';
import { expandPaths, standardInput } from './cli/files';
import { formatJson, formatSarif, formatText, type CliProblem, type CliSeverity, type RuleHelp } from './cli/formats';
import { ConfigFiles } from './configFiles';
import { anchorLink, findRuleDocs, type RuleDocs } from './ruleDocs';
import { createCableService, type CableService, type DocumentSettings } from './service';
import { describeConfigProblem, type ConfigFile } from './service/configLoader';
import { allRules, ruleById } from './service/rules';
import { CableIndex } from './service/workspaceIndex';
import { indexHeaders } from './workspaceIndexing';

// esbuild defines CABLE_VERSION from package.json; a test build without it says 'dev'.
declare const CABLE_VERSION: string | undefined;
const version = typeof CABLE_VERSION === 'string' ? CABLE_VERSION : 'dev';
/** Files read and checked at once: enough to keep the disk busy, few enough to bound memory. */
const concurrency = 16;
const maxFixPasses = 3;

interface FileResult {
  problems: CliProblem[];
  /** Printed on stderr: why the file could not be checked. */
  failure?: string;
  /** --fix-dry-run: the diff to print. */
  diff?: string;
}

interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
  isTerminal: boolean;
}

export async function main(argv: string[], io: Output = defaultOutput(), cwd = process.cwd()): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCliArguments(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`cable-lint: ${error.message}\n`);
      io.err('Try cable-lint --help.\n');
      return 2;
    }
    throw error;
  }
  if (options.help) {
    io.out(`${usage}\n`);
    return 0;
  }
  if (options.version) {
    io.out(`${version}\n`);
    return 0;
  }
  if (options.fix && options.paths.includes(standardInput)) {
    io.err('cable-lint: --fix cannot write standard input back; use --fix-dry-run to see the changes\n');
    return 2;
  }

  let couldNotRun = false;
  const configs = new CliSettings(options, (message) => {
    couldNotRun = true;
    io.err(`cable-lint: ${message}\n`);
  });
  if (options.configFile) configs.loadExplicit(path.resolve(cwd, options.configFile));

  const { files, errors } = await expandPaths(options.paths, cwd);
  for (const error of errors) io.err(`cable-lint: ${error}\n`);
  if (errors.length > 0) couldNotRun = true;

  const service = createCableService({
    logger: { error: (message) => io.err(`cable-lint: ${message}\n`) },
    workspace: await indexCables(files),
  });
  const settingsByUri = new Map<string, DocumentSettings>();
  service.setDocumentSettings((uri) => settingsByUri.get(uri));
  const progress = new Progress(files.length, io);
  const results: Array<FileResult | undefined> = new Array(files.length);
  const allProblems: CliProblem[] = [];
  // The report: standard output, or gathered for --output-file. A diff beside JSON or SARIF goes to stderr.
  const reportChunks: string[] = [];
  const report = options.outputFile ? (text: string) => reportChunks.push(text) : io.out;
  const reported = (problems: CliProblem[]) => (options.quiet ? problems.filter((problem) => problem.severity === 'error') : problems);
  let nextToPrint = 0;
  const flush = () => {
    while (nextToPrint < files.length && results[nextToPrint]) {
      const result = results[nextToPrint]!;
      results[nextToPrint] = undefined; // printed: let it go, to keep memory bounded
      if (result.failure) {
        couldNotRun = true;
        progress.clear();
        io.err(`cable-lint: ${result.failure}\n`);
      }
      if (result.diff) (options.format === 'text' ? report : io.err)(result.diff);
      if (options.format === 'text' && !options.fixDryRun) for (const problem of reported(result.problems)) report(`${formatText(problem)}\n`);
      for (const problem of result.problems) allProblems.push(problem);
      nextToPrint++;
    }
  };

  let nextFile = 0;
  const worker = async () => {
    while (nextFile < files.length) {
      const index = nextFile++;
      results[index] = await checkFile(files[index], cwd, options, service, configs, settingsByUri);
      progress.tick();
      flush();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
  flush();
  progress.clear();

  if (options.format === 'json') report(`${formatJson(reported(allProblems))}\n`);
  if (options.format === 'sarif') report(`${formatSarif(reported(allProblems), allRules, version, sarifHelp(findRuleDocs()))}\n`);
  if (options.outputFile) {
    const outputFile = path.resolve(cwd, options.outputFile);
    try {
      await fs.promises.mkdir(path.dirname(outputFile), { recursive: true });
      await writeAtomically(outputFile, reportChunks.join(''), 0o644);
    } catch (error) {
      io.err(`cable-lint: ${options.outputFile}: ${error instanceof Error ? error.message : String(error)}\n`);
      couldNotRun = true;
    }
  }

  const errorCount = allProblems.filter((problem) => problem.severity === 'error').length;
  const warningCount = allProblems.filter((problem) => problem.severity === 'warning').length;
  io.err(`${files.length} ${files.length === 1 ? 'file' : 'files'}, ${errorCount} ${errorCount === 1 ? 'error' : 'errors'}, ${warningCount} ${warningCount === 1 ? 'warning' : 'warnings'}\n`);
  if (couldNotRun) return 2;
  if (errorCount > 0) return 1;
  if (options.maxWarnings !== undefined && warningCount > options.maxWarnings) {
    io.err(`cable-lint: ${warningCount} warnings, more than --max-warnings ${options.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

/**
 * The headers of the cables being linted, as the editor's workspace index: a REF naming one of them is then
 * checked against it (CBL030). Read before any fix.
 */
async function indexCables(files: string[]): Promise<CableIndex | undefined> {
  const onDisk = files.filter((file) => file !== standardInput);
  if (onDisk.length < 2) return undefined;
  const index = new CableIndex();
  await indexHeaders(index, onDisk);
  return index;
}

async function checkFile(
  file: string,
  cwd: string,
  options: CliOptions,
  service: CableService,
  configs: CliSettings,
  settingsByUri: Map<string, DocumentSettings>,
): Promise<FileResult> {
  const display = file === standardInput ? '<stdin>' : path.relative(cwd, file) || file;
  let bytes: Buffer;
  let mode = 0o644;
  try {
    if (file === standardInput) {
      bytes = await readStandardInput();
    } else {
      mode = (await fs.promises.stat(file)).mode & 0o7777;
      bytes = await fs.promises.readFile(file);
    }
  } catch (error) {
    return { problems: [], failure: `${display}: cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
  }
  if (bytes.subarray(0, 8192).includes(0)) return { problems: [], failure: `${display}: skipped: binary content, not a cable` };

  const originalText = bytes.toString('utf8');
  const uri = file === standardInput ? 'untitled:stdin.cable' : pathToFileURL(file).href;
  settingsByUri.set(uri, configs.forFile(file === standardInput ? path.join(cwd, 'stdin.cable') : file));
  let text = originalText;
  let version = 1;
  try {
    if (options.fix || options.fixDryRun) {
      for (let pass = 0; pass < maxFixPasses; pass++) {
        const document = TextDocument.create(uri, 'cable', version++, text);
        const edits = service.fixAllEdits(document);
        if (edits.length === 0) break;
        text = TextDocument.applyEdits(document, edits);
      }
    }
    const checkedText = options.fixDryRun ? originalText : text;
    const diagnostics = service.diagnostics(TextDocument.create(uri, 'cable', version++, checkedText));
    const problems = diagnostics.map((diagnostic) => toProblem(display, diagnostic));
    if (options.fixDryRun && text !== originalText) {
      return { problems, diff: createTwoFilesPatch(display, display, originalText, text, 'original', 'fixed') };
    }
    if (options.fix && text !== originalText) await writeAtomically(file, text, mode);
    return { problems };
  } catch (error) {
    return { problems: [], failure: `${display}: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    service.forget(uri);
    settingsByUri.delete(uri);
  }
}

/** Each rule's section of docs/rules.md, for SARIF's helpUri and fullDescription. */
function sarifHelp(docs: RuleDocs | undefined): (ruleId: string) => RuleHelp {
  return (ruleId) => (docs ? { uri: anchorLink(docs, ruleId), text: docs.rules.get(ruleId)?.summary } : {});
}

const severityName: Record<number, CliSeverity> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'hint',
};

function toProblem(file: string, diagnostic: Diagnostic): CliProblem {
  const rule = String(diagnostic.code ?? '');
  return {
    file,
    line: diagnostic.range.start.line + 1,
    column: diagnostic.range.start.character + 1,
    endLine: diagnostic.range.end.line + 1,
    endColumn: diagnostic.range.end.character + 1,
    severity: severityName[diagnostic.severity ?? DiagnosticSeverity.Error],
    rule,
    alias: ruleById(rule)?.alias ?? rule,
    message: diagnostic.message.replace(/\s*\n\s*/g, ' '),
  };
}

/** Writes a temporary file beside the original, with its mode, and renames it over the original. */
async function writeAtomically(file: string, text: string, mode: number): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`);
  try {
    await fs.promises.writeFile(temporary, text, { mode });
    await fs.promises.chmod(temporary, mode);
    await fs.promises.rename(temporary, file);
  } catch (error) {
    await fs.promises.rm(temporary, { force: true });
    throw new Error(`cannot write ${path.basename(file)}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

function readStandardInput(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (chunk: Buffer) => chunks.push(chunk));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks)));
    process.stdin.on('error', reject);
  });
}

/**
 * Each file's configuration and vocabulary: the nearest .cablerc.json above it (or the --config file), with
 * --rule on top. A configuration file's problems are reported once, with their file:line:column.
 */
class CliSettings {
  private readonly files = new ConfigFiles();
  private readonly reported = new Set<string>();
  private explicit?: ConfigFile;

  constructor(
    private readonly options: CliOptions,
    private readonly report: (message: string) => void,
  ) {}

  loadExplicit(file: string): void {
    try {
      this.explicit = { name: file, text: fs.readFileSync(file, 'utf8') };
    } catch (error) {
      this.report(`${file}: cannot read the configuration: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      this.explicit = { name: file, text: '' };
    }
  }

  forFile(file: string): DocumentSettings {
    const { config, problems } = this.files.resolve(file, { rcFile: this.explicit });
    for (const problem of problems) this.reportOnce(describeConfigProblem(problem));
    const vocabulary = this.files.vocabulary(config.tagsExtraFile);
    for (const error of vocabulary.errors) this.reportOnce(error);
    const rules = Object.keys(this.options.ruleOverrides).length === 0 ? config.rules : { ...config.rules, ...this.options.ruleOverrides };
    return { config: { ...config, rules }, vocabulary: vocabulary.vocabulary };
  }

  private reportOnce(message: string): void {
    if (this.reported.has(message)) return;
    this.reported.add(message);
    this.report(message);
  }
}

/** A progress line on a terminal when there are many files; nothing when piped. */
class Progress {
  private done = 0;
  private lastDraw = 0;
  private readonly active: boolean;

  constructor(
    private readonly total: number,
    private readonly io: Output,
  ) {
    this.active = io.isTerminal && total > 300;
  }

  tick(): void {
    this.done++;
    if (!this.active) return;
    const now = Date.now();
    if (now - this.lastDraw < 100 && this.done < this.total) return;
    this.lastDraw = now;
    this.io.err(`\rchecking ${this.done}/${this.total} files`);
  }

  clear(): void {
    if (this.active && this.lastDraw > 0) this.io.err('\r\x1b[K');
    this.lastDraw = 0;
  }
}

function defaultOutput(): Output {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    isTerminal: Boolean(process.stderr.isTTY),
  };
}

if (require.main === module) {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    // A reader that stops early (`cable-lint ... | head`) ends the output, not with a stack trace.
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`cable-lint: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
