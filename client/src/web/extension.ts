// The VS Code client in the browser (vscode.dev, github.dev, VS Code in the browser): the language server
// runs in a web worker (dist/web/server.js), and the workspace is read through vscode.workspace.fs, so
// virtual file systems work: this client sends the server the .cablerc.json files and the headers of
// the cables (for references to other cables), the cables whole while the workspace is checked, and reads
// an extra TAGS file when the server asks.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { CABLE_IGNORE_FILE, SKIPPED_FOLDERS, ignoreRules, isIgnoredFile, outermostFirst, type IgnoreRules } from '../../../server/src/cableIgnore';
import { configFilesNotification, readFileRequest, workspaceCablesNotification, workspaceTextsNotification } from '../../../server/src/web/protocol';
import { activateCable, cableClientOptions, hasWorkspaceToCheck } from '../activate';

let client: LanguageClient | undefined;

/** The browser's Worker, as the client library takes it (the project compiles without the DOM library). */
declare const Worker: { new (url: string): ConstructorParameters<typeof LanguageClient>[3] };

/** The header of a cable fits in this many characters; the index reads no more of each file. */
const HEADER_CHARACTERS = 16 * 1024;
/** Cables sent to the server at once while the workspace is read. */
const BATCH_SIZE = 100;
const EXCLUDE = `{${SKIPPED_FOLDERS.map((name) => `**/${name}/**`).join(',')}}`;

/** The workspace's `.cableignore` files, read as the desktop's folder walk reads them. */
let cableIgnores: IgnoreRules[] = [];

/** The cables sent whole, while the workspace is checked (Check All Cables in Workspace, `cable.problems.workspace`). */
let checkedCables: Set<string> | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const worker = await startWorker(vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js'));
  const watchers = [vscode.workspace.createFileSystemWatcher('**/*.cable'), vscode.workspace.createFileSystemWatcher('**/.cablerc.json'), vscode.workspace.createFileSystemWatcher('**/*.cableguide.json')];
  const ignoreWatcher = vscode.workspace.createFileSystemWatcher(`**/${CABLE_IGNORE_FILE}`);
  context.subscriptions.push(...watchers, ignoreWatcher);
  const schemes = ['file', 'untitled', 'vscode-vfs', 'vscode-test-web', 'vscode-remote', 'memfs'];
  client = new LanguageClient('cable', 'Cable Language Server', cableClientOptions(watchers, schemes), worker);
  const languageClient = client;
  await activateCable(context, languageClient, async () => {
    if (!hasWorkspaceToCheck()) return;
    await checkWorkspace(languageClient);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
  });
  languageClient.onRequest(readFileRequest, (params: { uri: string }) => readText(resolveUri(params.uri)));
  await sendConfigFiles(languageClient);
  cableIgnores = await readCableIgnores();
  void sendCables(languageClient);
  const workspaceSetting = () => vscode.workspace.getConfiguration('cable').get<boolean>('problems.workspace', false);
  if (workspaceSetting()) void checkWorkspace(languageClient);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration('cable.problems.workspace')) return;
      if (workspaceSetting()) void checkWorkspace(languageClient);
      else void stopCheckingWorkspace(languageClient);
    }),
  );
  const [cables, ...configs] = watchers;
  for (const watcher of configs) {
    context.subscriptions.push(
      watcher.onDidCreate(() => sendConfigFiles(languageClient)),
      watcher.onDidChange(() => sendConfigFiles(languageClient)),
      watcher.onDidDelete(() => sendConfigFiles(languageClient)),
    );
  }
  // A changed .cableignore: the cables it now leaves out leave the index, those it takes back come in.
  const rereadIgnores = async (): Promise<void> => {
    cableIgnores = await readCableIgnores();
    await sendCables(languageClient);
    if (checkedCables) await checkWorkspace(languageClient);
  };
  context.subscriptions.push(
    ignoreWatcher.onDidCreate(rereadIgnores),
    ignoreWatcher.onDidChange(rereadIgnores),
    ignoreWatcher.onDidDelete(rereadIgnores),
    cables.onDidCreate((uri) => sendCable(languageClient, uri)),
    cables.onDidChange((uri) => sendCable(languageClient, uri)),
    cables.onDidDelete((uri) => {
      checkedCables?.delete(uri.toString());
      void languageClient.sendNotification(workspaceCablesNotification, { cables: [], removed: [uri.toString()] });
      if (checkedCables) void languageClient.sendNotification(workspaceTextsNotification, { cables: [], removed: [uri.toString()] });
    }),
  );
  tellOnceWhatNeedsTheDesktop(context);
}

/**
 * The server's worker. An extension served over http (vscode.dev) starts it from its URL; one served by a
 * remote (code-server, a VS Code server) may not (the host refuses workers from remote URIs), so its
 * script is read through the file system and started from a blob.
 */
async function startWorker(script: vscode.Uri): Promise<ConstructorParameters<typeof LanguageClient>[3]> {
  if (script.scheme === 'http' || script.scheme === 'https') return new Worker(script.toString(true));
  const code = await vscode.workspace.fs.readFile(script);
  return new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
}

/** A path from a setting (relative to the first workspace folder) or a URI. */
function resolveUri(text: string): vscode.Uri {
  if (/^[a-z][a-z0-9+.-]*:/i.test(text)) return vscode.Uri.parse(text);
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, text) : vscode.Uri.file(text);
}

async function readText(uri: vscode.Uri): Promise<string | null> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return null;
  }
}

/** The workspace's files that match `pattern`, with their text (unreadable ones left out). */
async function readFiles(pattern: string): Promise<Array<{ uri: vscode.Uri; text: string }>> {
  const files: Array<{ uri: vscode.Uri; text: string }> = [];
  for (const uri of await vscode.workspace.findFiles(pattern, EXCLUDE)) {
    const text = await readText(uri);
    if (text !== null) files.push({ uri, text });
  }
  return files;
}

/** Every .cablerc.json and classification guide (`*.cableguide.json`) of the workspace. */
async function sendConfigFiles(languageClient: LanguageClient): Promise<void> {
  const found = [...(await readFiles('**/.cablerc.json')), ...(await readFiles('**/*.cableguide.json'))];
  await languageClient.sendNotification(configFilesNotification, { files: found.map(({ uri, text }) => ({ uri: uri.toString(), text })) });
}

async function readCableIgnores(): Promise<IgnoreRules[]> {
  return outermostFirst((await readFiles(`**/${CABLE_IGNORE_FILE}`)).map(({ uri, text }) => ignoreRules(vscode.Uri.joinPath(uri, '..').path, text)));
}

/** Whether a `.cableignore` of its workspace folder leaves the cable out of the index. */
function isLeftOut(uri: vscode.Uri): boolean {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  return folder !== undefined && isIgnoredFile(uri.path, folder.uri.path, cableIgnores);
}

async function sendCable(languageClient: LanguageClient, uri: vscode.Uri): Promise<void> {
  if (isLeftOut(uri)) return;
  const text = await readText(uri);
  if (text === null) return;
  await languageClient.sendNotification(workspaceCablesNotification, { cables: [{ uri: uri.toString(), text: text.slice(0, HEADER_CHARACTERS) }] });
  if (checkedCables) {
    checkedCables.add(uri.toString());
    await languageClient.sendNotification(workspaceTextsNotification, { cables: [{ uri: uri.toString(), text }] });
  }
}

/**
 * Checks every cable of the workspace: sends them whole, a batch at a time, with progress; the server
 * publishes their problems. Cables checked before and now left out (a changed `.cableignore`) are cleared.
 */
async function checkWorkspace(languageClient: LanguageClient): Promise<void> {
  if (!vscode.workspace.workspaceFolders?.length) return;
  const previous = checkedCables ?? new Set<string>();
  const checking = new Set<string>();
  checkedCables = checking;
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Cable: checking the cables of the workspace' }, async (progress) => {
    const found = (await vscode.workspace.findFiles('**/*.cable', EXCLUDE)).filter((uri) => !isLeftOut(uri));
    await inBatches(found, (text) => text, async (cables, done) => {
      for (const cable of cables) checking.add(cable.uri);
      await languageClient.sendNotification(workspaceTextsNotification, { cables });
      progress.report({ message: `${done} of ${found.length}`, increment: (100 * cables.length) / found.length });
    });
  });
  const removed = [...previous].filter((uri) => !checking.has(uri));
  if (removed.length > 0) await languageClient.sendNotification(workspaceTextsNotification, { cables: [], removed });
}

/** Only the open cables' problems again: the others are cleared. */
async function stopCheckingWorkspace(languageClient: LanguageClient): Promise<void> {
  const removed = [...(checkedCables ?? [])];
  checkedCables = undefined;
  if (removed.length > 0) await languageClient.sendNotification(workspaceTextsNotification, { cables: [], removed });
}

/** The headers of the workspace's cables, a batch at a time; those a `.cableignore` leaves out, as removed. */
async function sendCables(languageClient: LanguageClient): Promise<void> {
  const listed = await vscode.workspace.findFiles('**/*.cable', EXCLUDE);
  const removed = listed.filter(isLeftOut).map((uri) => uri.toString());
  if (removed.length > 0) await languageClient.sendNotification(workspaceCablesNotification, { cables: [], removed });
  const found = listed.filter((uri) => !isLeftOut(uri));
  await inBatches(found, (text) => text.slice(0, HEADER_CHARACTERS), (cables) => languageClient.sendNotification(workspaceCablesNotification, { cables }));
}

/** Reads the files a batch at a time (what `keep` keeps of each; unreadable ones are skipped) and hands each batch on. */
async function inBatches(
  uris: readonly vscode.Uri[],
  keep: (text: string) => string,
  send: (cables: Array<{ uri: string; text: string }>, done: number) => Promise<void>,
): Promise<void> {
  for (let start = 0; start < uris.length; start += BATCH_SIZE) {
    const cables: Array<{ uri: string; text: string }> = [];
    for (const uri of uris.slice(start, start + BATCH_SIZE)) {
      const text = await readText(uri);
      if (text !== null) cables.push({ uri: uri.toString(), text: keep(text) });
    }
    await send(cables, Math.min(start + BATCH_SIZE, uris.length));
  }
}

/** Said once per installation: what only the desktop can do. */
function tellOnceWhatNeedsTheDesktop(context: vscode.ExtensionContext): void {
  const key = 'cable.web.toldLimits';
  if (context.globalState.get(key)) return;
  void context.globalState.update(key, true);
  void vscode.window.showInformationMessage(
    'Cable runs in the browser: highlighting, checks and fixes, completion, hovers, references, renumbering, the workspace check and the status bar all work. The cable-lint command-line linter and its task need VS Code on the desktop.',
  );
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
