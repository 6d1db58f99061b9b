// The VS Code client on the desktop: starts the bundled Node language server for `cable` documents, with
// the commands and status bar of activate.ts, and the cable-lint task, which runs the CLI from disk.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateCable, cableClientOptions, checkWorkspace } from './activate';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const watchers = [vscode.workspace.createFileSystemWatcher('**/*.cable'), vscode.workspace.createFileSystemWatcher('**/.cablerc.json'), vscode.workspace.createFileSystemWatcher('**/*.cableguide.json')];
  context.subscriptions.push(...watchers);
  // The client id `cable` makes the `cable.trace.server` setting trace the protocol.
  client = new LanguageClient('cable', 'Cable Language Server', serverOptions, cableClientOptions(watchers, ['file', 'untitled']));
  context.subscriptions.push(vscode.tasks.registerTaskProvider(CABLE_LINT_TASK, cableLintTasks(context)));
  const languageClient = client;
  await activateCable(context, languageClient, () => checkWorkspace(languageClient));
}

const CABLE_LINT_TASK = 'cable-lint';

/** `Tasks: Run Task` offers cable-lint over each workspace folder, its output read by the $cable-lint problem matcher. */
function cableLintTasks(context: vscode.ExtensionContext): vscode.TaskProvider {
  const taskFor = (definition: vscode.TaskDefinition & { paths?: string[] }, folder: vscode.WorkspaceFolder | vscode.TaskScope): vscode.Task => {
    // The extension host's own runtime runs the bundled CLI (VS Code's Electron as Node).
    const execution = new vscode.ProcessExecution(process.execPath, [context.asAbsolutePath(path.join('dist', 'cli.js')), ...(definition.paths ?? ['.'])], {
      env: { ELECTRON_RUN_AS_NODE: '1' },
    });
    const task = new vscode.Task(definition, folder, 'check cables', CABLE_LINT_TASK, execution, '$cable-lint');
    task.group = vscode.TaskGroup.Test;
    return task;
  };
  return {
    provideTasks: () => (vscode.workspace.workspaceFolders ?? []).map((folder) => taskFor({ type: CABLE_LINT_TASK }, folder)),
    resolveTask: (task) => (task.definition.type === CABLE_LINT_TASK ? taskFor(task.definition, task.scope ?? vscode.TaskScope.Workspace) : undefined),
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
