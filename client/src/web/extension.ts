// The VS Code client in the browser (vscode.dev, github.dev, VS Code in the browser): the language server
// runs in a web worker (dist/web/server.js), and the workspace is read through vscode.workspace.fs, so
// virtual file systems work: this client sends the server the .cablerc.json files and the headers of
// the cables (for references to other cables), and reads an extra TAGS file when the server asks.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { CABLE_IGNORE_FILE, SKIPPED_FOLDERS, ignoreRules, isIgnoredFile, type IgnoreRules } from '../../../server/src/cableIgnore';
import { configFilesNotification, readFileRequest, workspaceCablesNotification } from '../../../server/src/web/protocol';
import { activateCable, cableClientOptions } from '../activate';

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

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const worker = await startWorker(vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js'));
  const watchers = [vscode.workspace.createFileSystemWatcher('**/*.cable'), vscode.workspace.createFileSystemWatcher('**/.cablerc.json'), vscode.workspace.createFileSystemWatcher('**/*.cableguide.json')];
  const ignoreWatcher = vscode.workspace.createFileSystemWatcher(`**/${CABLE_IGNORE_FILE}`);
  context.subscriptions.push(...watchers, ignoreWatcher);
  const schemes = ['file', 'untitled', 'vscode-vfs', 'vscode-test-web', 'vscode-remote', 'memfs'];
  client = new LanguageClient('cable', 'Cable Language Server', cableClientOptions(watchers, schemes), worker);
  await activateCable(context, client, true);
  const languageClient = client;
  languageClient.onRequest(readFileRequest, (params: { uri: string }) => readText(resolveUri(params.uri)));
  await sendConfigFiles(languageClient);
  cableIgnores = await readCableIgnores();
  void sendCables(languageClient);
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
  };
  context.subscriptions.push(
    ignoreWatcher.onDidCreate(rereadIgnores),
    ignoreWatcher.onDidChange(rereadIgnores),
    ignoreWatcher.onDidDelete(rereadIgnores),
    cables.onDidCreate((uri) => sendCable(languageClient, uri)),
    cables.onDidChange((uri) => sendCable(languageClient, uri)),
    cables.onDidDelete((uri) => languageClient.sendNotification(workspaceCablesNotification, { cables: [], removed: [uri.toString()] })),
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

/** Every .cablerc.json and classification guide (`*.cableguide.json`) of the workspace. */
async function sendConfigFiles(languageClient: LanguageClient): Promise<void> {
  const found = [...(await vscode.workspace.findFiles('**/.cablerc.json', EXCLUDE)), ...(await vscode.workspace.findFiles('**/*.cableguide.json', EXCLUDE))];
  const files: Array<{ uri: string; text: string }> = [];
  for (const uri of found) {
    const text = await readText(uri);
    if (text !== null) files.push({ uri: uri.toString(), text });
  }
  await languageClient.sendNotification(configFilesNotification, { files });
}

async function readCableIgnores(): Promise<IgnoreRules[]> {
  const rules: IgnoreRules[] = [];
  for (const uri of await vscode.workspace.findFiles(`**/${CABLE_IGNORE_FILE}`, EXCLUDE)) {
    const text = await readText(uri);
    if (text !== null) rules.push(ignoreRules(vscode.Uri.joinPath(uri, '..').path, text));
  }
  return rules;
}

/** Whether a `.cableignore` of its workspace folder leaves the cable out of the index. */
function isLeftOut(uri: vscode.Uri): boolean {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  return folder !== undefined && isIgnoredFile(uri.path, folder.uri.path, cableIgnores);
}

async function sendCable(languageClient: LanguageClient, uri: vscode.Uri): Promise<void> {
  if (isLeftOut(uri)) return;
  const text = await readText(uri);
  if (text !== null) await languageClient.sendNotification(workspaceCablesNotification, { cables: [{ uri: uri.toString(), text: text.slice(0, HEADER_CHARACTERS) }] });
}

/** The headers of the workspace's cables, a batch at a time; those a `.cableignore` leaves out, as removed. */
async function sendCables(languageClient: LanguageClient): Promise<void> {
  const listed = await vscode.workspace.findFiles('**/*.cable', EXCLUDE);
  const removed = listed.filter(isLeftOut).map((uri) => uri.toString());
  if (removed.length > 0) await languageClient.sendNotification(workspaceCablesNotification, { cables: [], removed });
  const found = listed.filter((uri) => !isLeftOut(uri));
  for (let start = 0; start < found.length; start += BATCH_SIZE) {
    const cables: Array<{ uri: string; text: string }> = [];
    for (const uri of found.slice(start, start + BATCH_SIZE)) {
      const text = await readText(uri);
      if (text !== null) cables.push({ uri: uri.toString(), text: text.slice(0, HEADER_CHARACTERS) });
    }
    await languageClient.sendNotification(workspaceCablesNotification, { cables });
  }
}

/** Said once per installation: what only the desktop can do. */
function tellOnceWhatNeedsTheDesktop(context: vscode.ExtensionContext): void {
  const key = 'cable.web.toldLimits';
  if (context.globalState.get(key)) return;
  void context.globalState.update(key, true);
  void vscode.window.showInformationMessage(
    'Cable runs in the browser: highlighting, checks and fixes, completion, hovers, references, renumbering and the status bar all work. The cable-lint command-line linter and its task, and Check All Cables in Workspace, need VS Code on the desktop.',
  );
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
