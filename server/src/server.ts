// The language server: wires the pure language service to the Language Server Protocol. Each handler
// finds the document, returns an empty result for an unknown one, and calls the service.
import {
  CodeActionKind,
  createConnection,
  DiagnosticRefreshRequest,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  ErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type Diagnostic,
  type TextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createCableService, type CableDocument } from './service';
import { RC_FILE_NAME } from './configFiles';
import { editorLink, findRuleDocs } from './ruleDocs';
import { ServerConfiguration } from './serverConfiguration';
import { semanticTokensLegend } from './service/semanticTokens';
import { startWorkspaceIndexing, type WorkspaceIndexer } from './workspaceIndexing';
import { WorkspaceProblems } from './workspaceProblems';

const commands = {
  renumberParagraphs: 'cable.renumberParagraphs',
  reletterReferences: 'cable.reletterReferences',
  fixAll: 'cable.fixAll',
  updateBanner: 'cable.updateBanner',
} as const;

const classificationSummaryRequest = 'cable/classificationSummary';
/** Turns on the problems of every cable in the workspace (the client's "Check All Cables in Workspace"). */
const checkWorkspaceRequest = 'cable/checkWorkspace';

const connection: Connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
// Errors a feature catches to stay alive reach the client's log (window/logMessage), not a silent void.
const ruleDocs = findRuleDocs();
const service = createCableService({
  logger: { error: (message) => connection.console.error(message) },
  ruleDocsLink: (ruleId) => (ruleDocs ? editorLink(ruleDocs, ruleId) : undefined),
});

let workspaceFolders: string[] = [];
let clientHasConfiguration = false;
/** Whether the client pulls diagnostics (LSP 3.17): then it asks for them, for open cables and the workspace. */
let clientPulls = false;
/** Whether the client can be told to pull again (workspace/diagnostic/refresh). */
let clientRefreshes = false;
let clientHasWorkspaceFolders = false;

connection.onInitialize((params: InitializeParams): InitializeResult => {
  clientHasConfiguration = Boolean(params.capabilities.workspace?.configuration);
  clientHasWorkspaceFolders = Boolean(params.capabilities.workspace?.workspaceFolders);
  clientPulls = Boolean(params.capabilities.textDocument?.diagnostic);
  clientRefreshes = Boolean(params.capabilities.workspace?.diagnostics?.refreshSupport);
  workspaceFolders = (params.workspaceFolders ?? []).map((folder) => folder.uri).concat(params.rootUri && !params.workspaceFolders ? [params.rootUri] : []);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      documentSymbolProvider: { label: 'Cable' },
      foldingRangeProvider: true,
      hoverProvider: true,
      completionProvider: { triggerCharacters: [' ', '(', ',', ':', '/', '.'], resolveProvider: false },
      definitionProvider: true,
      referencesProvider: true,
      documentHighlightProvider: true,
      renameProvider: { prepareProvider: true },
      documentLinkProvider: { resolveProvider: false },
      codeActionProvider: {
        codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, `${CodeActionKind.SourceFixAll}.cable`, CodeActionKind.Source],
        resolveProvider: false,
      },
      executeCommandProvider: { commands: Object.values(commands) },
      semanticTokensProvider: { legend: semanticTokensLegend, full: true, range: true },
      ...(clientPulls ? { diagnosticProvider: { identifier: 'cable', interFileDependencies: true, workspaceDiagnostics: true } } : {}),
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'cable-language-server', version: '0.1.0' },
  };
});

let workspaceIndexer: WorkspaceIndexer | undefined;

connection.onInitialized(() => {
  if (clientHasConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'cable' });
  void reloadConfiguration();
  workspaceIndexer = startWorkspaceIndexing({
    connection,
    documents,
    service,
    folders: workspaceFolders,
    revalidate: revalidateOpenCables,
  });
  if (clientHasWorkspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      const removed = new Set(event.removed.map((folder) => folder.uri));
      workspaceFolders = workspaceFolders.filter((uri) => !removed.has(uri)).concat(event.added.map((folder) => folder.uri));
      void workspaceIndexer?.foldersChanged(workspaceFolders, [...removed]);
      void reloadConfiguration();
    });
  }
});

/** Runs a handler; a failure is logged and answered with the fallback, never a crash. */
function guarded<T>(name: string, fallback: T, handler: () => T): T {
  try {
    return handler();
  } catch (error) {
    connection.console.error(`cable: ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return fallback;
  }
}

function withDocument<T>(uri: string, name: string, fallback: T, handler: (document: CableDocument) => T): T {
  const document = documents.get(uri);
  return document ? guarded(name, fallback, () => handler(document)) : fallback;
}

// --- configuration: each cable's folder settings under the nearest .cablerc.json (serverConfiguration.ts) ---

const configuration = new ServerConfiguration(connection, () => clientHasConfiguration, () => workspaceFolders);
service.setDocumentSettings((uri) => configuration.forUri(uri));

async function reloadConfiguration(): Promise<void> {
  await configuration.reload(documents.all().map((document) => document.uri));
  revalidateOpenCables();
  workspaceProblems.configurationChanged();
  if (configuration.workspaceProblemsSetting() && !workspaceProblems.isEnabled) void workspaceProblems.enable();
}

connection.onDidChangeConfiguration(() => void reloadConfiguration());
connection.onDidChangeWatchedFiles((params) => {
  if (params.changes.some((change) => change.uri.endsWith(`/${RC_FILE_NAME}`))) void reloadConfiguration();
  void workspaceIndexer?.filesChanged(params.changes);
  workspaceProblems.filesChanged();
});

// --- the problems of every cable in the workspace (workspaceProblems.ts) ---

const workspaceProblems = new WorkspaceProblems({ connection, documents, service, folders: () => workspaceFolders, pulls: () => clientPulls });
connection.languages.diagnostics.onWorkspace((params, token, _workDone, resultProgress) => workspaceProblems.pull(params, token, resultProgress));
connection.onRequest(checkWorkspaceRequest, async () => {
  await workspaceProblems.enable();
  return { enabled: true };
});

// --- diagnostics of open cables: pulled by the client when it can, else published, coalesced per document ---

/** validate.run onSave: the diagnostics of the text as last opened or saved, answered until the next save. */
const savedDiagnostics = new Map<string, Diagnostic[]>();

function diagnosticsOf(document: TextDocument): Diagnostic[] {
  return guarded('diagnostics', [], () => service.diagnostics(document));
}

connection.languages.diagnostics.on((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return { kind: 'full', items: [] };
  if (configuration.forUri(document.uri).config.validateRun === 'onSave') {
    let saved = savedDiagnostics.get(document.uri);
    if (!saved) savedDiagnostics.set(document.uri, (saved = diagnosticsOf(document)));
    return { kind: 'full', items: saved };
  }
  return { kind: 'full', items: diagnosticsOf(document) };
});

/** Asks a pulling client to pull again; one that cannot be asked pulls on its next change. */
function refreshPulls(): void {
  if (!clientRefreshes) return;
  connection.sendRequest(DiagnosticRefreshRequest.type).catch((error: unknown) => connection.console.error(`cable: diagnostic refresh failed: ${String(error)}`));
}

/** Every open cable checked again (the configuration or the workspace index changed). */
function revalidateOpenCables(): void {
  savedDiagnostics.clear();
  if (clientPulls) refreshPulls();
  else for (const document of documents.all()) scheduleValidation(document);
}

const pendingValidation = new Map<string, NodeJS.Immediate>();

function scheduleValidation(document: TextDocument): void {
  const previous = pendingValidation.get(document.uri);
  if (previous) clearImmediate(previous);
  // One tick of coalescing: a burst of changes is checked once, at its last version.
  pendingValidation.set(
    document.uri,
    setImmediate(() => {
      pendingValidation.delete(document.uri);
      const current = documents.get(document.uri);
      if (!current || current.version !== document.version) return;
      void connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics: diagnosticsOf(current) });
    }),
  );
}

documents.onDidOpen((event) => {
  if (!clientPulls) scheduleValidation(event.document);
});
documents.onDidChangeContent((event) => {
  if (!clientPulls && configuration.forUri(event.document.uri).config.validateRun === 'onType') scheduleValidation(event.document);
});
documents.onDidSave((event) => {
  savedDiagnostics.delete(event.document.uri);
  if (clientPulls) refreshPulls();
  else scheduleValidation(event.document);
});
documents.onDidClose(async (event) => {
  const uri = event.document.uri;
  service.forget(uri);
  savedDiagnostics.delete(uri);
  if (clientPulls || (await workspaceProblems.documentClosed(uri))) return;
  void connection.sendDiagnostics({ uri, diagnostics: [] });
});

// --- features ---

connection.onDocumentSymbol((params) => withDocument(params.textDocument.uri, 'symbols', [], (document) => service.documentSymbols(document)));
connection.onFoldingRanges((params) => withDocument(params.textDocument.uri, 'folding', [], (document) => service.foldingRanges(document)));
connection.onHover((params) => withDocument(params.textDocument.uri, 'hover', null, (document) => service.hover(document, params.position)));
connection.onCompletion((params) => withDocument(params.textDocument.uri, 'completion', [], (document) => service.completions(document, params.position)));
connection.onDefinition((params) => withDocument(params.textDocument.uri, 'definition', [], (document) => service.definition(document, params.position)));
connection.onReferences((params) =>
  withDocument(params.textDocument.uri, 'references', [], (document) => service.references(document, params.position, params.context.includeDeclaration)),
);
connection.onDocumentHighlight((params) => withDocument(params.textDocument.uri, 'highlights', [], (document) => service.documentHighlights(document, params.position)));
connection.onDocumentLinks((params) => withDocument(params.textDocument.uri, 'links', [], (document) => service.documentLinks(document)));
connection.onCodeAction((params) => {
  // A request without its range or context is the client's mistake: say so, rather than fail inside.
  if (!params?.range || !params.context) throw new ResponseError(ErrorCodes.InvalidParams, 'textDocument/codeAction needs a range and a context');
  return withDocument(params.textDocument.uri, 'code actions', [], (document) =>
    service.codeActions(document, { range: params.range, diagnostics: params.context.diagnostics ?? [], only: params.context.only }),
  );
});

connection.onPrepareRename((params) => {
  const result = withDocument(params.textDocument.uri, 'prepare rename', null, (document) => service.prepareRename(document, params.position));
  if (result && 'error' in result) throw new ResponseError(0, result.error);
  return result;
});
connection.onRenameRequest((params) => {
  const result = withDocument(params.textDocument.uri, 'rename', null, (document) => service.rename(document, params.position, params.newName));
  if (result && 'error' in result) throw new ResponseError(0, result.error);
  return result;
});

connection.languages.semanticTokens.on((params) =>
  withDocument(params.textDocument.uri, 'semantic tokens', { data: [] }, (document) => ({ data: service.semanticTokens(document) })),
);
connection.languages.semanticTokens.onRange((params) =>
  withDocument(params.textDocument.uri, 'semantic tokens', { data: [] }, (document) => ({ data: service.semanticTokens(document, params.range) })),
);

connection.onRequest(classificationSummaryRequest, (params: { uri?: string; textDocument?: { uri: string } }) => {
  const uri = params?.textDocument?.uri ?? params?.uri ?? '';
  return withDocument(uri, 'classification summary', null, (document) => service.classificationSummary(document));
});

// Commands take [uri] and apply their edits through workspace/applyEdit, as one undoable change.
connection.onExecuteCommand(async (params) => {
  const uri = typeof params.arguments?.[0] === 'string' ? params.arguments[0] : (params.arguments?.[0] as { uri?: string } | undefined)?.uri;
  const document = uri ? documents.get(uri) : undefined;
  if (!document) {
    throw new ResponseError(-32602, `Cable: ${params.command} needs the URI of an open cable as its argument.`);
  }
  const editsOf: Record<string, (document: CableDocument) => TextEdit[]> = {
    [commands.renumberParagraphs]: service.renumberParagraphEdits,
    [commands.reletterReferences]: service.reletterReferenceEdits,
    [commands.fixAll]: service.fixAllEdits,
    [commands.updateBanner]: service.updateBannerEdits,
  };
  const compute = editsOf[params.command];
  if (!compute) throw new ResponseError(-32601, `Cable: unknown command ${params.command}.`);
  const edits = guarded(params.command, [], () => compute(document));
  if (edits.length === 0) return { applied: true, changes: 0 };
  const result = await connection.workspace.applyEdit({
    label: params.command,
    edit: { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] },
  });
  return { applied: result.applied, changes: edits.length };
});

documents.listen(connection);
connection.listen();
