// How both servers tell the user what is wrong with the configuration: a problem with its place in a
// .cablerc.json or guide file is a diagnostic in that file; any other (a bad setting, an unreadable TAGS
// file) is a warning message, shown once until the next reload. Imported from 'vscode-languageserver',
// which each bundle resolves to its platform's build.
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver';
import { describeConfigProblem, type ConfigProblem } from './service/configLoader';

export class ConfigReport {
  /** Problems noted since the last reload, per file URI. */
  private files = new Map<string, Diagnostic[]>();

  private readonly shown = new Set<string>();

  /** Files that have diagnostics published, to clear them once they are fixed. */
  private published = new Set<string>();

  /** `uriOf` turns a problem's file name into the URI its diagnostics go to (a path on the desktop, already a URI in the browser). */
  constructor(
    private readonly connection: Connection,
    private readonly uriOf: (file: string) => string,
  ) {}

  /** Forgets what was noted and shown: the configuration is read again. */
  reset(): void {
    this.files = new Map();
    this.shown.clear();
  }

  /** Notes a problem; returns whether it is new in a file (then `publish` has something to send). */
  note(problem: ConfigProblem): boolean {
    if (!problem.file || !problem.range) {
      this.show(describeConfigProblem(problem));
      return false;
    }
    const uri = this.uriOf(problem.file);
    const diagnostics = this.files.get(uri) ?? [];
    if (diagnostics.some((known) => known.message === problem.message && known.range.start.line === problem.range!.start.line)) return false;
    diagnostics.push({ range: problem.range, message: problem.message, severity: DiagnosticSeverity.Warning, source: 'cable' });
    this.files.set(uri, diagnostics);
    return true;
  }

  show(message: string): void {
    if (this.shown.has(message)) return;
    this.shown.add(message);
    void this.connection.window.showWarningMessage(`Cable: ${message}`);
  }

  /** Publishes each file's problems, and clears those of files that have none now. */
  publish(): void {
    const now = new Set(this.files.keys());
    for (const uri of this.published) if (!now.has(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    for (const [uri, diagnostics] of this.files) void this.connection.sendDiagnostics({ uri, diagnostics });
    this.published = now;
  }
}
