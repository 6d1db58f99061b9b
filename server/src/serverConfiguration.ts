// The server's side of configuration: each cable gets the `cable` settings of its workspace folder
// (settings are resource-scoped) under the nearest .cablerc.json, as cable-lint reads them (configFiles.ts).
// A configuration file's problems are diagnostics in that file; a bad setting is one warning message.
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver/node';
import { ConfigFiles } from './configFiles';
import type { DocumentSettings } from './service';
import type { ConfigProblem } from './service/configLoader';

export class ServerConfiguration {
  private readonly files = new ConfigFiles();

  /** Settings per workspace folder URI; `global` for files outside every folder. */
  private settingsByFolder = new Map<string, unknown>();

  private globalSettings: unknown;

  private readonly byUri = new Map<string, DocumentSettings>();

  /** Problems found since the last reload: per configuration file, and the messages already shown. */
  private readonly fileProblems = new Map<string, Diagnostic[]>();

  private readonly shown = new Set<string>();

  /** Configuration files that have diagnostics published, to clear them when they are fixed. */
  private published = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly clientHasConfiguration: () => boolean,
    private readonly folders: () => readonly string[],
  ) {}

  /** The settings of a document: cached until the next reload. */
  forUri(uri: string): DocumentSettings {
    let settings = this.byUri.get(uri);
    if (!settings) {
      const before = this.fileProblems.size;
      settings = this.resolve(uri);
      this.byUri.set(uri, settings);
      // A nested configuration first read now: its problems show at once.
      if (this.fileProblems.size !== before) this.publish();
    }
    return settings;
  }

  /** The `cable.problems.workspace` setting: show the problems of every cable in the workspace from the start. */
  workspaceProblemsSetting(): boolean {
    const problems = (this.globalSettings as { problems?: { workspace?: unknown } } | undefined)?.problems;
    return problems?.workspace === true;
  }

  /** Reads the settings of every folder again, forgets every file read, and checks the open cables' configuration. */
  async reload(openUris: readonly string[]): Promise<void> {
    const folders = this.folders();
    this.globalSettings = await this.fetchSettings(undefined);
    const byFolder = new Map<string, unknown>();
    for (const folder of folders) byFolder.set(folder, await this.fetchSettings(folder));
    this.settingsByFolder = byFolder;
    this.files.forget();
    this.byUri.clear();
    this.fileProblems.clear();
    this.shown.clear();
    // A configuration at a folder's root is checked even while no cable below it is open.
    for (const folder of folders) if (folder.startsWith('file:')) this.resolve(pathToFileURL(path.join(fileURLToPath(folder), 'any.cable')).href);
    for (const uri of openUris) this.forUri(uri);
    this.publish();
  }

  /** Publishes the configuration files' problems, and clears those of files that have none now. */
  publish(): void {
    const now = new Set(this.fileProblems.keys());
    for (const uri of this.published) if (!now.has(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    for (const [uri, diagnostics] of this.fileProblems) void this.connection.sendDiagnostics({ uri, diagnostics });
    this.published = now;
  }

  private async fetchSettings(scopeUri: string | undefined): Promise<unknown> {
    if (!this.clientHasConfiguration()) return undefined;
    try {
      return (await this.connection.workspace.getConfiguration({ scopeUri, section: 'cable' })) ?? undefined;
    } catch {
      return undefined;
    }
  }

  private folderOf(uri: string): string | undefined {
    let best: string | undefined;
    for (const folder of this.folders()) {
      const prefix = folder.endsWith('/') ? folder : `${folder}/`;
      if (uri.startsWith(prefix) && (!best || folder.length > best.length)) best = folder;
    }
    return best;
  }

  private resolve(uri: string): DocumentSettings {
    const folder = this.folderOf(uri);
    const settings = folder ? this.settingsByFolder.get(folder) : this.globalSettings;
    const settingsFolder = folder?.startsWith('file:') ? fileURLToPath(folder) : undefined;
    const resolved = uri.startsWith('file:')
      ? this.files.resolve(fileURLToPath(uri), { settings, settingsFolder })
      : this.files.resolve('/untitled.cable', { settings, settingsFolder, rcFile: { name: '', text: '' } });
    for (const problem of resolved.problems) this.note(problem);
    const vocabulary = this.files.vocabulary(resolved.config.tagsExtraFile);
    for (const error of vocabulary.errors) this.show(error);
    return { config: resolved.config, vocabulary: vocabulary.vocabulary };
  }

  private note(problem: ConfigProblem): void {
    if (!problem.file || !problem.range) {
      this.show(problem.message);
      return;
    }
    const uri = pathToFileURL(problem.file).href;
    const diagnostics = this.fileProblems.get(uri) ?? [];
    if (diagnostics.some((known) => known.message === problem.message && known.range.start.line === problem.range!.start.line)) return;
    diagnostics.push({ range: problem.range, message: problem.message, severity: DiagnosticSeverity.Warning, source: 'cable' });
    this.fileProblems.set(uri, diagnostics);
  }

  private show(message: string): void {
    if (this.shown.has(message)) return;
    this.shown.add(message);
    void this.connection.window.showWarningMessage(`Cable: ${message}`);
  }
}
