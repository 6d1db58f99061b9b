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
import { formatJson, formatSarif, formatText, type CliProblem, type CliSeverity } from './cli/formats';
import { createCableService, type CableService } from './service';
import { defaultConfig, type CableConfig } from './service/config';
import { resolveConfig } from './service/configLoader';
import { allRules, ruleById } from './service/rules';
import { loadTagVocabulary } from './service/tagVocabulary';
import { CableIndex } from './service/workspaceIndex';
import { indexHeaders } from './workspaceIndexing';

// esbuild defines CABLE_VERSION from package.json; a test build without it says 'dev'.
declare const CABLE_VERSION: string | undefined;
const version = typeof CABLE_VERSION === 'string' ? CABLE_VERSION : 'dev';
const rcFileName = '.cablerc.json';
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
  const configs = new ConfigFinder(options, (message) => {
    couldNotRun = true;
    io.err(`cable-lint: ${message}\n`);
  });
  if (options.configFile) configs.loadExplicit(path.resolve(cwd, options.configFile));

  const { files, errors } = await expandPaths(options.paths, cwd);
  for (const error of errors) io.err(`cable-lint: ${error}\n`);
  if (errors.length > 0) couldNotRun = true;

  const service = createCableService({
    logger: { error: (message) => io.err(`cable-lint: ${message}\n`) },
    vocabulary: loadTagVocabulary(undefined, (file) => fs.readFileSync(file, 'utf8')).vocabulary,
    workspace: await indexCables(files),
  });
  const progress = new Progress(files.length, io);
  const results: Array<FileResult | undefined> = new Array(files.length);
  const allProblems: CliProblem[] = [];
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
      if (result.diff) io.out(result.diff);
      const shown = options.quiet ? result.problems.filter((problem) => problem.severity === 'error') : result.problems;
      if (options.format === 'text' && !options.fixDryRun) for (const problem of shown) io.out(`${formatText(problem)}\n`);
      for (const problem of result.problems) allProblems.push(problem);
      nextToPrint++;
    }
  };

  let nextFile = 0;
  const worker = async () => {
    while (nextFile < files.length) {
      const index = nextFile++;
      results[index] = await checkFile(files[index], cwd, options, service, configs);
      progress.tick();
      flush();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
  flush();
  progress.clear();

  if (options.format === 'json') io.out(`${formatJson(options.quiet ? allProblems.filter((p) => p.severity === 'error') : allProblems)}\n`);
  if (options.format === 'sarif') io.out(`${formatSarif(allProblems, allRules, version)}\n`);

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

async function checkFile(file: string, cwd: string, options: CliOptions, service: CableService, configs: ConfigFinder): Promise<FileResult> {
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
  service.setConfig(configs.forFile(file === standardInput ? path.join(cwd, 'stdin.cable') : file));
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
  }
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
    throw new Error(`cannot write the fixed file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
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

/** Finds the nearest .cablerc.json above each file (or the --config file), with --rule overrides on top. */
class ConfigFinder {
  private readonly byFolder = new Map<string, CableConfig>();
  private explicit?: CableConfig;

  constructor(
    private readonly options: CliOptions,
    private readonly report: (message: string) => void,
  ) {}

  loadExplicit(file: string): void {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      this.report(`${file}: cannot read the configuration: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      this.explicit = this.withOverrides(defaultConfig);
      return;
    }
    this.explicit = this.resolve({ name: file, text });
  }

  forFile(file: string): CableConfig {
    if (this.explicit) return this.explicit;
    return this.forFolder(path.dirname(file));
  }

  private forFolder(folder: string): CableConfig {
    const cached = this.byFolder.get(folder);
    if (cached) return cached;
    let config: CableConfig;
    const rcPath = path.join(folder, rcFileName);
    let text: string | undefined;
    try {
      text = fs.readFileSync(rcPath, 'utf8');
    } catch {
      text = undefined;
    }
    if (text !== undefined) config = this.resolve({ name: rcPath, text });
    else {
      const parent = path.dirname(folder);
      config = parent === folder ? this.withOverrides(defaultConfig) : this.forFolder(parent);
    }
    this.byFolder.set(folder, config);
    return config;
  }

  private resolve(rcFile: { name: string; text: string }): CableConfig {
    const { config, errors } = resolveConfig({ rcFile });
    for (const error of errors) this.report(error);
    return this.withOverrides(config);
  }

  private withOverrides(config: CableConfig): CableConfig {
    if (Object.keys(this.options.ruleOverrides).length === 0) return config;
    return { ...config, rules: { ...config.rules, ...this.options.ruleOverrides } };
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
