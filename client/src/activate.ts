// What the extension does the same on the desktop (extension.ts, a Node language server) and in the
// browser (web/extension.ts, a web worker): the client's options, the commands, the status bar.
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type BaseLanguageClient, type ErrorHandler, type LanguageClientOptions } from 'vscode-languageclient';
import { cableFor } from './activeCable';
import { newCableBody } from './cableTemplate';
import { checkWorkspaceRequest, clientCommands, isServerCommand, nothingToChange } from './commandIds';
import { CablePreviews } from './preview';
import { RestartPolicy } from './restartPolicy';
import { ClassificationStatus, requestSummary, type ClassificationSummary } from './statusBar';

const commandTitles: Record<string, string> = {
  'cable.renumberParagraphs': 'Renumber Paragraphs',
  'cable.reletterReferences': 'Re-letter References',
  'cable.updateBanner': 'Update Banner from Portions',
  'cable.fixAll': 'Fix All',
  'cable.showPortionMarks': 'Show Portion Marks',
};

/** Restarts a crashed server, telling the user once; gives up after five crashes in three minutes (RestartPolicy). */
function restartingErrorHandler(): ErrorHandler {
  const policy = new RestartPolicy();
  return {
    error: () => ({ action: ErrorAction.Continue }),
    closed: () => {
      const decision = policy.stopped();
      if (!decision.restart) return { action: CloseAction.DoNotRestart, message: decision.message };
      if (decision.tellUser) void vscode.window.showWarningMessage('Cable: the language server stopped unexpectedly and was restarted.');
      return { action: CloseAction.Restart, handled: true };
    },
  };
}

/** The client's options: cables on disk, untitled and (in the browser) on virtual file systems. */
export function cableClientOptions(watchers: vscode.FileSystemWatcher[], schemes: string[]): LanguageClientOptions {
  return {
    documentSelector: schemes.map((scheme) => ({ scheme, language: 'cable' })),
    synchronize: { configurationSection: 'cable', fileEvents: watchers },
    errorHandler: restartingErrorHandler(),
    middleware: {
      // The server's commands (registered by the client library under their own ids) get the cable's URI here.
      executeCommand: async (command, args, next) => {
        if (!isServerCommand(command)) return next(command, args);
        const title = commandTitles[command] ?? command;
        const document = await cableFor(args[0], title);
        if (!document) return undefined;
        try {
          const result = (await next(command, [document.uri.toString()])) as { applied?: boolean; changes?: number } | undefined;
          if (result?.applied === false) void vscode.window.showWarningMessage(`Cable: ${title}: the editor did not apply the changes (the document changed meanwhile?). Try again.`);
          else if (result?.changes === 0) void vscode.window.showInformationMessage(`Cable: ${nothingToChange[command]}`);
          return result;
        } catch (error) {
          void vscode.window.showErrorMessage(`Cable: ${title} failed: ${error instanceof Error ? error.message : String(error)}`);
          return undefined;
        }
      },
    },
  };
}

/**
 * The commands and the status bar over a started client. Checking the whole workspace is each client's
 * own: the desktop's server reads the files, the browser's client sends them.
 */
export async function activateCable(context: vscode.ExtensionContext, languageClient: BaseLanguageClient, checkWorkspace: () => Promise<void>): Promise<void> {
  context.subscriptions.push(languageClient);
  const previews = new CablePreviews(languageClient);
  context.subscriptions.push(previews);
  const handlers: Record<(typeof clientCommands)[keyof typeof clientCommands], (...args: unknown[]) => unknown> = {
    'cable.newCable': () => newCable(context),
    'cable.showPortionMarks': (argument) => showPortionMarks(languageClient, argument),
    'cable.checkWorkspace': () => checkWorkspace(),
    'cable.createConfig': () => createConfig(),
    'cable.showPreview': (argument) => previews.show(argument, false),
    'cable.showPreviewToSide': (argument) => previews.show(argument, true),
    'cable.exportHtml': (argument) => previews.exportHtml(argument),
  };
  for (const [command, handler] of Object.entries(handlers)) context.subscriptions.push(vscode.commands.registerCommand(command, handler));
  await languageClient.start();
  context.subscriptions.push(new ClassificationStatus(languageClient));
}

/** Whether a folder is open to check; if not, says what is checked instead. */
export function hasWorkspaceToCheck(): boolean {
  if (vscode.workspace.workspaceFolders?.length) return true;
  void vscode.window.showInformationMessage('Cable: open a folder to check its cables; an open cable is checked as it is.');
  return false;
}

/** The problems of every cable in the workspace, in the Problems panel (the desktop's server reads the files). */
export async function checkWorkspace(languageClient: BaseLanguageClient): Promise<void> {
  if (!hasWorkspaceToCheck()) return;
  await languageClient.sendRequest(checkWorkspaceRequest);
  await vscode.commands.executeCommand('workbench.actions.view.problems');
}

/** A starting .cablerc.json: JSON with comments, every key at its default, one override as an example. */
const STARTER_CONFIG = `{
  // Cable's configuration for the cables below this folder (the nearest .cablerc.json wins),
  // read the same way by the editor and by cable-lint in CI. Rules: docs/rules.md.
  "rules": {},
  "classification": { "systemHigh": "SECRET" },
  "declassification": { "maxYears": 25, "defaultYears": 10 },
  "executiveOrder": "13526",
  "marking": { "bullets": "inherit" },
  "overrides": [
    // Received cables kept for reference: their authors' slips are not ours to fix.
    { "files": ["received/**"], "rules": { "missing-portion-mark": "off" } }
  ]
}
`;

/** Opens the workspace folder's .cablerc.json, writing a starting one first when there is none. */
async function createConfig(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showInformationMessage('Cable: open a folder first; .cablerc.json applies to the cables below it.');
    return;
  }
  const file = vscode.Uri.joinPath(folder.uri, '.cablerc.json');
  const exists = await vscode.workspace.fs.stat(file).then(
    () => true,
    () => false,
  );
  if (!exists) await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(STARTER_CONFIG));
  await vscode.window.showTextDocument(file);
}

/** Opens an untitled cable from the `cable` snippet, its DTG and declassification date in UTC. */
async function newCable(context: vscode.ExtensionContext): Promise<void> {
  const file = vscode.Uri.joinPath(context.extensionUri, 'snippets', 'cable.code-snippets');
  const snippets = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as Record<string, { prefix: string; body: string[] }>;
  const template = Object.values(snippets).find((entry) => entry.prefix === 'cable');
  if (!template) throw new Error('the cable snippet is missing from snippets/cable.code-snippets');
  const settings = vscode.workspace.getConfiguration('cable');
  const body = newCableBody(template.body.join('\n'), {
    now: new Date(),
    executiveOrder: String(settings.get('executiveOrder', '13526')),
    declassificationYears: Number(settings.get('declassification.defaultYears', 10)) || 10,
  });
  const document = await vscode.workspace.openTextDocument({ language: 'cable', content: '' });
  const editor = await vscode.window.showTextDocument(document);
  await editor.insertSnippet(new vscode.SnippetString(body), new vscode.Position(0, 0));
}

const levelOrder = ['TS', 'S', 'C', 'SBU', 'U', 'unmarked'];
const levelTitles: Record<string, string> = {
  TS: 'TOP SECRET',
  S: 'SECRET',
  C: 'CONFIDENTIAL',
  SBU: 'SENSITIVE BUT UNCLASSIFIED',
  U: 'UNCLASSIFIED',
  unmarked: 'Not marked',
};

/** A quick pick of every portion, grouped by level from the highest; choosing one reveals it. Returns the summary. */
async function showPortionMarks(languageClient: BaseLanguageClient, argument: unknown): Promise<ClassificationSummary | undefined> {
  const document = await cableFor(argument, 'Show Portion Marks');
  if (!document) return undefined;
  const summary = await requestSummary(languageClient, document);
  if (!summary) {
    void vscode.window.showWarningMessage('Cable: the language server has no summary for this cable yet. Try again in a moment.');
    return undefined;
  }
  type PortionItem = vscode.QuickPickItem & { portion?: ClassificationSummary['portions'][number] };
  const items: PortionItem[] = [];
  for (const level of levelOrder) {
    const portions = summary.portions.filter((portion) => portion.level === level);
    if (portions.length === 0) continue;
    items.push({ label: `${levelTitles[level]} (${portions.length})`, kind: vscode.QuickPickItemKind.Separator });
    for (const portion of portions) {
      items.push({ label: portion.mark || '(no mark)', description: portion.preview, detail: `line ${portion.line + 1}${portion.kind ? `, ${portion.kind}` : ''}`, portion });
    }
  }
  const bannerNote = summary.bannerMatches ? 'the banner agrees' : `the banner says ${summary.banner ?? 'nothing'}`;
  const picked = await vscode.window.showQuickPick(items, {
    title: `Portions require ${summary.required}; ${bannerNote}`,
    placeHolder: summary.portions.length === 0 ? 'This cable has no portions.' : 'Choose a portion to reveal it',
    matchOnDescription: true,
  });
  if (picked?.portion) {
    const editor = await vscode.window.showTextDocument(document);
    const position = new vscode.Position(picked.portion.line, picked.portion.character);
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
  }
  return summary;
}

