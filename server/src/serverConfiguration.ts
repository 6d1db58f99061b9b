// The server's side of configuration: each cable gets the `cable` settings of its workspace folder
// (settings are resource-scoped) under the nearest .cablerc.json, as cable-lint reads them (configFiles.ts).
// What is wrong with them is told through configReport.ts.
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Connection } from 'vscode-languageserver/node';
import { ConfigFiles } from './configFiles';
import { ConfigReport } from './configReport';
import type { DocumentSettings } from './service';
import { innermostFolder } from './service/paths';

export class ServerConfiguration {
  private readonly files = new ConfigFiles();

  /** Settings per workspace folder URI; `global` for files outside every folder. */
  private settingsByFolder = new Map<string, unknown>();

  private globalSettings: unknown;

  private readonly byUri = new Map<string, DocumentSettings>();

  private readonly report: ConfigReport;

  constructor(
    private readonly connection: Connection,
    private readonly clientHasConfiguration: () => boolean,
    private readonly folders: () => readonly string[],
  ) {
    this.report = new ConfigReport(connection, (file) => pathToFileURL(file).href);
  }

  /** The settings of a document: cached until the next reload. */
  forUri(uri: string): DocumentSettings {
    let settings = this.byUri.get(uri);
    if (!settings) {
      const resolved = this.resolve(uri);
      settings = resolved.settings;
      this.byUri.set(uri, settings);
      // A nested configuration first read now: its problems show at once.
      if (resolved.newProblems) this.report.publish();
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
    this.report.reset();
    // A configuration at a folder's root is checked even while no cable below it is open.
    for (const folder of folders) if (folder.startsWith('file:')) this.resolve(pathToFileURL(path.join(fileURLToPath(folder), 'any.cable')).href);
    for (const uri of openUris) this.forUri(uri);
    this.report.publish();
  }

  private async fetchSettings(scopeUri: string | undefined): Promise<unknown> {
    if (!this.clientHasConfiguration()) return undefined;
    try {
      return (await this.connection.workspace.getConfiguration({ scopeUri, section: 'cable' })) ?? undefined;
    } catch {
      return undefined;
    }
  }

  private resolve(uri: string): { settings: DocumentSettings; newProblems: boolean } {
    const folder = innermostFolder(uri, this.folders());
    const settings = folder ? this.settingsByFolder.get(folder) : this.globalSettings;
    const settingsFolder = folder?.startsWith('file:') ? fileURLToPath(folder) : undefined;
    const resolved = uri.startsWith('file:')
      ? this.files.resolve(fileURLToPath(uri), { settings, settingsFolder })
      : this.files.resolve('/untitled.cable', { settings, settingsFolder, rcFile: { name: '', text: '' } });
    let newProblems = false;
    for (const problem of resolved.problems) newProblems = this.report.note(problem) || newProblems;
    const vocabulary = this.files.vocabulary(resolved.config.tagsExtraFile);
    for (const error of vocabulary.errors) this.report.show(error);
    return { settings: { config: resolved.config, vocabulary: vocabulary.vocabulary }, newProblems };
  }
}
