// The language server on Node: the features of features.ts, and what needs a disk: configuration files,
// the workspace index of cables, the problems of the whole workspace, the rule pages.
import {
  createConnection,
  DiagnosticRefreshRequest,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type Diagnostic,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createCableService, type CableDocument } from './service';
import { RC_FILE_NAME } from './configFiles';
import { editorLink, findRuleDocs } from './ruleDocs';
import { ServerConfiguration } from './serverConfiguration';
import { featureCapabilities, guardWith, wireFeatures } from './features';
import { startWorkspaceIndexing, type WorkspaceIndexer } from './workspaceIndexing';
import { WorkspaceProblems } from './workspaceProblems';

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
      ...featureCapabilities(),
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

const guarded = guardWith(connection);

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
  if (params.changes.some((change) => change.uri.endsWith(`/${RC_FILE_NAME}`) || change.uri.endsWith('.cableguide.json'))) void reloadConfiguration();
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

/** Each open cable's text as last opened or saved: with validate.run onSave, its diagnostics are the ones shown. */
const savedTexts = new Map<string, { version: number; text: string }>();

function noteSaved(document: TextDocument): void {
  savedTexts.set(document.uri, { version: document.version, text: document.getText() });
}

/** The text whose diagnostics are shown: the document as it is, or as saved when validate.run is onSave. */
function checkedText(document: TextDocument): CableDocument {
  const saved = savedTexts.get(document.uri);
  if (!saved || saved.version === document.version || configuration.forUri(document.uri).config.validateRun !== 'onSave') return document;
  return { uri: document.uri, version: saved.version, getText: () => saved.text };
}

function diagnosticsOf(document: CableDocument): Diagnostic[] {
  return guarded('diagnostics', [], () => service.diagnostics(document));
}

connection.languages.diagnostics.on((params) => {
  const document = documents.get(params.textDocument.uri);
  return { kind: 'full', items: document ? diagnosticsOf(checkedText(document)) : [] };
});

/** Asks a pulling client to pull again; one that cannot be asked pulls on its next change. */
function refreshPulls(): void {
  if (!clientRefreshes) return;
  connection.sendRequest(DiagnosticRefreshRequest.type).catch((error: unknown) => connection.console.error(`cable: diagnostic refresh failed: ${String(error)}`));
}

/** Every open cable checked again (the configuration or the workspace index changed). */
function revalidateOpenCables(): void {
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
      const checked = checkedText(current);
      void connection.sendDiagnostics({ uri: current.uri, version: checked.version, diagnostics: diagnosticsOf(checked) });
    }),
  );
}

documents.onDidOpen((event) => {
  noteSaved(event.document);
  if (!clientPulls) scheduleValidation(event.document);
});
documents.onDidChangeContent((event) => {
  if (!clientPulls && configuration.forUri(event.document.uri).config.validateRun === 'onType') scheduleValidation(event.document);
});
documents.onDidSave((event) => {
  noteSaved(event.document);
  if (clientPulls) refreshPulls();
  else scheduleValidation(event.document);
});
documents.onDidClose(async (event) => {
  const uri = event.document.uri;
  service.forget(uri);
  savedTexts.delete(uri);
  if (clientPulls || (await workspaceProblems.documentClosed(uri))) return;
  void connection.sendDiagnostics({ uri, diagnostics: [] });
});

wireFeatures(connection, documents, service, guarded);

documents.listen(connection);
connection.listen();
