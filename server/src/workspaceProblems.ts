// The problems of every cable in the workspace, not only the open ones: answered to the client's workspace
// diagnostic pull (LSP 3.17), or published when the client cannot pull. Off until "Cable: Check All Cables
// in Workspace" (or the `cable.problems.workspace` setting) turns it on. The client pulls again two seconds
// after each answer, so the server answers only what changed (each file's result id is its size, time and
// the configuration's generation) and holds the request open while nothing has.
import { promises as fsPromises } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type {
  CancellationToken,
  Connection,
  Diagnostic,
  ResultProgressReporter,
  TextDocuments,
  WorkspaceDiagnosticParams,
  WorkspaceDiagnosticReport,
  WorkspaceDiagnosticReportPartialResult,
  WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { findCableFiles } from './cableFiles';
import type { CableService } from './service';

/** Files checked between two progress reports (and sent as one partial result). */
const BATCH_SIZE = 50;

export interface WorkspaceProblemsOptions {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  service: CableService;
  folders: () => readonly string[];
  /** Whether the client pulls diagnostics (then answers go to its pull; else they are published). */
  pulls: () => boolean;
}

export class WorkspaceProblems {
  private enabled = false;

  /** Raised when the configuration changes: every file's result id changes with it. */
  private generation = 0;

  private readonly waiters = new Set<() => void>();

  /** Push mode: each file whose problems were published, with its result id then. */
  private published = new Map<string, string>();

  constructor(private readonly options: WorkspaceProblemsOptions) {}

  get isEnabled(): boolean {
    return this.enabled;
  }

  /** Turns the workspace's problems on; resolves when a client that cannot pull has them published. */
  async enable(): Promise<void> {
    this.enabled = true;
    this.wake();
    if (!this.options.pulls()) await this.publishAll();
  }

  /** The configuration changed: every file is checked again. */
  configurationChanged(): void {
    this.generation++;
    this.wake();
    if (this.enabled && !this.options.pulls()) void this.publishAll();
  }

  /** Files changed on disk. */
  filesChanged(): void {
    this.wake();
    if (this.enabled && !this.options.pulls()) void this.publishAll();
  }

  /** The workspace diagnostic pull: what changed since `previousResultIds`, or wait until something does. */
  async pull(params: WorkspaceDiagnosticParams, token: CancellationToken, resultProgress?: ResultProgressReporter<WorkspaceDiagnosticReportPartialResult>): Promise<WorkspaceDiagnosticReport> {
    const previous = new Map(params.previousResultIds.map((entry) => [entry.uri, entry.value]));
    while (!token.isCancellationRequested) {
      const wakeUp = this.nextChange(token);
      if (this.enabled) {
        const files = await this.stamps();
        const changed = [...files].filter(([uri, stamp]) => previous.get(uri) !== stamp);
        const gone = [...previous.keys()].filter((uri) => !files.has(uri));
        if (changed.length > 0 || gone.length > 0) {
          const items: WorkspaceDocumentDiagnosticReport[] = gone.map((uri) => ({ uri, version: null, kind: 'full', items: [] }));
          await this.check(changed, (batch) => {
            if (resultProgress) resultProgress.report({ items: batch });
            else items.push(...batch);
          });
          if (resultProgress) resultProgress.report({ items: items.splice(0) });
          return { items };
        }
      }
      await wakeUp;
    }
    return { items: [] };
  }

  /** Every cable of the workspace folders (with `.cableignore`), by URI, with its result id. */
  private async stamps(): Promise<Map<string, string>> {
    const stamps = new Map<string, string>();
    for (const folder of this.options.folders()) {
      if (!folder.startsWith('file:')) continue;
      for (const file of await findCableFiles(fileURLToPath(folder))) {
        const stat = await fsPromises.stat(file).catch(() => undefined);
        if (stat) stamps.set(pathToFileURL(file).href, `${this.generation}:${stat.size}:${stat.mtimeMs}`);
      }
    }
    return stamps;
  }

  /** Checks the files a batch at a time, with progress in the client's window. */
  private async check(files: Array<[string, string]>, deliver: (batch: WorkspaceDocumentDiagnosticReport[]) => void): Promise<void> {
    const progress = await this.options.connection.window.createWorkDoneProgress().catch(() => undefined);
    progress?.begin('Cable: checking the cables of the workspace', 0, `0/${files.length}`, false);
    try {
      for (let start = 0; start < files.length; start += BATCH_SIZE) {
        const batch: WorkspaceDocumentDiagnosticReport[] = [];
        for (const [uri, stamp] of files.slice(start, start + BATCH_SIZE)) {
          const items = await this.diagnose(uri);
          if (items) batch.push({ uri, version: null, kind: 'full', resultId: stamp, items });
        }
        deliver(batch);
        const done = Math.min(files.length, start + BATCH_SIZE);
        progress?.report(Math.round((done / files.length) * 100), `${done}/${files.length}`);
      }
    } finally {
      progress?.done();
    }
  }

  /** A file's diagnostics: its open document's text when it is open, else the file on disk. */
  private async diagnose(uri: string): Promise<Diagnostic[] | undefined> {
    const { documents, service } = this.options;
    const open = documents.get(uri);
    if (open) return service.diagnostics(open);
    const text = await fsPromises.readFile(fileURLToPath(uri), 'utf8').catch(() => undefined);
    if (text === undefined) return undefined;
    try {
      return service.diagnostics({ uri, version: -1, getText: () => text });
    } finally {
      service.forget(uri);
    }
  }

  /** For a client that cannot pull: publishes the problems of the closed cables that changed since the last time. */
  private async publishAll(): Promise<void> {
    const files = await this.stamps();
    const { documents, connection } = this.options;
    for (const uri of this.published.keys()) if (!files.has(uri) && !documents.get(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
    const changed = [...files].filter(([uri, stamp]) => !documents.get(uri) && this.published.get(uri) !== stamp);
    this.published = new Map([...this.published].filter(([uri]) => files.has(uri)));
    await this.check(changed, (batch) => {
      for (const report of batch) {
        this.published.set(report.uri, report.kind === 'full' ? (report.resultId ?? '') : '');
        void connection.sendDiagnostics({ uri: report.uri, diagnostics: report.kind === 'full' ? report.items : [] });
      }
    });
  }

  /**
   * A cable closed in a client that cannot pull: while the workspace's problems are on, its problems on
   * disk stay listed. False when they are not (then the caller clears the closed document's).
   */
  async documentClosed(uri: string): Promise<boolean> {
    if (!this.enabled || this.options.pulls()) return false;
    this.published.delete(uri);
    await this.publishAll();
    return this.published.has(uri);
  }

  private nextChange(token: CancellationToken): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.waiters.delete(done);
        subscription.dispose();
        resolve();
      };
      const subscription = token.onCancellationRequested(done);
      this.waiters.add(done);
    });
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}
