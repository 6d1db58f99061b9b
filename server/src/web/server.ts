// The language server in a web worker, for VS Code in the browser (vscode.dev, github.dev): the same
// features (features.ts) over postMessage. There is no disk: the client sends the workspace's
// .cablerc.json files and the headers of its cables, read through vscode.workspace.fs (virtual file
// systems too), and reads an extra TAGS file when the server asks for it. Problems in those files are
// diagnostics in them, as on the desktop. To check the whole workspace, the client sends its cables whole.
import {
  BrowserMessageReader,
  BrowserMessageWriter,
  createConnection,
  DidChangeConfigurationNotification,
  TextDocuments,
  type InitializeResult,
} from 'vscode-languageserver/browser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { featureCapabilities, guardWith, wireFeatures } from '../features';
import { createCableService, type DocumentSettings } from '../service';
import { ConfigReport } from '../configReport';
import { resolveConfig, type ConfigFile } from '../service/configLoader';
import { GUIDE_FILE_NAME, applyingGuideNames, parseGuide } from '../service/guides';
import { innermostFolder } from '../service/paths';
import { builtinVocabulary, loadTagVocabulary, type TagVocabulary } from '../service/tagVocabulary';
import { CableIndex, messageRefKey, yearlessKey } from '../service/workspaceIndex';
import {
  configFilesNotification,
  readFileRequest,
  workspaceCablesNotification,
  workspaceTextsNotification,
  type ConfigFilesParams,
  type WorkspaceCablesParams,
  type WorkspaceTextsParams,
} from './protocol';

/** The worker's global scope, as much of it as the message reader and writer use. */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

/**
 * Messages go as JSON, as over the Node server's pipes: postMessage would clone objects as they are, and
 * the model's ranges become LSP ranges only in their toJSON.
 */
class JsonMessageWriter extends BrowserMessageWriter {
  override write(message: Parameters<BrowserMessageWriter['write']>[0]): Promise<void> {
    return super.write(JSON.parse(JSON.stringify(message)));
  }
}

const connection = createConnection(new BrowserMessageReader(self), new JsonMessageWriter(self));
const documents = new TextDocuments(TextDocument);
const index = new CableIndex();
const service = createCableService({ logger: { error: (message) => connection.console.error(message) }, workspace: index });
const guarded = guardWith(connection);

let settings: unknown;
/** The workspace's .cablerc.json files, by the URI of their folder. */
let configFiles = new Map<string, ConfigFile>();
/** The workspace's classification guides as read, by URI. */
let guides = new Map<string, ReturnType<typeof parseGuide>>();
/** The folders that hold a `.cableguide.json` (the guide nearest above a cable applies to it). */
let guideFolders: string[] = [];
const byUri = new Map<string, DocumentSettings>();
const vocabularies = new Map<string, TagVocabulary>();
const report = new ConfigReport(connection, (file) => file);

connection.onInitialize(
  (): InitializeResult => ({
    capabilities: { ...featureCapabilities(), workspace: { workspaceFolders: { supported: true, changeNotifications: true } } },
    serverInfo: { name: 'cable-language-server (web)', version: '0.1.0' },
  }),
);

connection.onInitialized(() => {
  void connection.client.register(DidChangeConfigurationNotification.type, { section: 'cable' });
  void reloadSettings();
});

// --- configuration: the settings, and the nearest .cablerc.json the client sent ---

async function reloadSettings(): Promise<void> {
  settings = (await connection.workspace.getConfiguration('cable').catch(() => undefined)) ?? undefined;
  configurationChanged();
}

function configurationChanged(): void {
  byUri.clear();
  report.reset();
  for (const document of documents.all()) settingsFor(document.uri);
  report.publish();
  for (const document of documents.all()) validate(document);
  for (const document of workspaceTexts.values()) if (!documents.get(document.uri)) publishWorkspaceText(document);
}


function settingsFor(uri: string): DocumentSettings {
  let resolved = byUri.get(uri);
  if (resolved) return resolved;
  const rcFolder = innermostFolder(uri, configFiles.keys());
  const { config, problems } = resolveConfig({ settings, rcFile: rcFolder === undefined ? undefined : configFiles.get(rcFolder), target: uri });
  const guideFolder = innermostFolder(uri, guideFolders);
  const applying = applyingGuideNames(guideFolder === undefined ? undefined : `${guideFolder}/${GUIDE_FILE_NAME}`, config.guideFiles);
  config.guides = applying.flatMap((name) => guides.get(name)?.guide ?? []);
  for (const name of applying) problems.push(...(guides.get(name)?.problems ?? [{ message: `the classification guide ${name} is not in the workspace.` }]));
  if (problems.map((problem) => report.note(problem)).some(Boolean)) report.publish();
  resolved = { config, vocabulary: vocabularyFor(config.tagsExtraFile) };
  byUri.set(uri, resolved);
  return resolved;
}

/** The built-in TAGS with an extra file's codes: asked of the client (it reads the workspace's files), then every cable is checked again. */
function vocabularyFor(extraFile: string): TagVocabulary {
  if (!extraFile) return builtinVocabulary();
  const loaded = vocabularies.get(extraFile);
  if (loaded) return loaded;
  vocabularies.set(extraFile, builtinVocabulary());
  connection.sendRequest<string | null>(readFileRequest, { uri: extraFile }).then(
    (text) => {
      if (text === null) {
        report.show(`cannot read the extra tags file ${extraFile} (tags.extraFile); using the built-in TAGS vocabulary.`);
        return;
      }
      const { vocabulary, errors } = loadTagVocabulary(extraFile, () => text);
      for (const error of errors) report.show(error);
      vocabularies.set(extraFile, vocabulary);
      configurationChanged();
    },
    (error: unknown) => report.show(`cannot read the extra tags file ${extraFile}: ${String(error)}`),
  );
  return vocabularies.get(extraFile)!;
}

service.setDocumentSettings(settingsFor);
connection.onDidChangeConfiguration(() => void reloadSettings());
connection.onNotification(configFilesNotification, (params: ConfigFilesParams) => {
  const rcFiles = params.files.filter((file) => file.uri.endsWith('/.cablerc.json'));
  configFiles = new Map(rcFiles.map((file) => [file.uri.slice(0, file.uri.lastIndexOf('/')), { name: file.uri, text: file.text }]));
  guides = new Map(params.files.filter((file) => file.uri.endsWith('.cableguide.json')).map((file) => [file.uri, parseGuide({ name: file.uri, text: file.text })]));
  guideFolders = [...guides.keys()].filter((guideUri) => guideUri.endsWith(`/${GUIDE_FILE_NAME}`)).map((guideUri) => guideUri.slice(0, -GUIDE_FILE_NAME.length - 1));
  configurationChanged();
});

// --- the workspace index: headers the client read ---

connection.onNotification(workspaceCablesNotification, (params: WorkspaceCablesParams) => {
  /** The cables whose entry went, came or changed, as post and serial. */
  const changed = new Set<string>();
  const noteChange = (uri: string) => {
    const key = index.byUri(uri)?.key;
    if (key) changed.add(yearlessKey(key));
  };
  for (const uri of params.removed ?? []) {
    if (documents.get(uri)) continue;
    noteChange(uri);
    index.remove(uri);
  }
  for (const cable of params.cables) {
    if (documents.get(cable.uri)) continue;
    noteChange(cable.uri);
    index.update(cable.uri, cable.text);
    noteChange(cable.uri);
  }
  for (const document of documents.all()) validate(document);
  recheckWorkspaceTexts(changed);
});

/**
 * The checked workspace's closed cables that are, or cite, a changed cable: what their REFs name may have
 * changed (CBL030), or the index learnt their own references only now.
 */
function recheckWorkspaceTexts(changed: ReadonlySet<string>): void {
  if (changed.size === 0) return;
  for (const document of workspaceTexts.values()) {
    const entry = index.byUri(document.uri);
    if (documents.get(document.uri) || !entry) continue;
    if (changed.has(yearlessKey(entry.key)) || entry.cites.some((cited) => changed.has(messageRefKey(cited.post, cited.serial)))) publishWorkspaceText(document);
  }
}

// --- Check All Cables in Workspace: the whole cables the client sent, checked as if open ---

/** The workspace's cables as last read by the client, while the workspace is checked. */
const workspaceTexts = new Map<string, TextDocument>();

connection.onNotification(workspaceTextsNotification, (params: WorkspaceTextsParams) => {
  for (const uri of params.removed ?? []) {
    workspaceTexts.delete(uri);
    if (!documents.get(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
  }
  for (const cable of params.cables) {
    const document = TextDocument.create(cable.uri, 'cable', 0, cable.text);
    workspaceTexts.set(cable.uri, document);
    if (!documents.get(cable.uri)) publishWorkspaceText(document);
  }
});

/** A closed cable's problems, from its text as read; its model is not kept (a workspace may hold thousands). */
function publishWorkspaceText(document: TextDocument): void {
  const diagnostics = guarded('diagnostics', [], () => service.diagnostics(document));
  service.forget(document.uri);
  void connection.sendDiagnostics({ uri: document.uri, diagnostics });
}

// --- diagnostics, published as the text changes ---

const pending = new Map<string, ReturnType<typeof setTimeout>>();

function validate(document: TextDocument): void {
  clearTimeout(pending.get(document.uri));
  pending.set(
    document.uri,
    setTimeout(() => {
      pending.delete(document.uri);
      const current = documents.get(document.uri);
      if (!current || current.version !== document.version) return;
      const diagnostics = guarded('diagnostics', [], () => service.diagnostics(current));
      void connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics });
    }, 0),
  );
}

documents.onDidOpen((event) => validate(event.document));
documents.onDidChangeContent((event) => {
  index.update(event.document.uri, event.document.getText());
  if (settingsFor(event.document.uri).config.validateRun === 'onType') validate(event.document);
});
documents.onDidSave((event) => validate(event.document));
documents.onDidClose((event) => {
  service.forget(event.document.uri);
  // A cable of the checked workspace keeps its problems, as its text was last read.
  const checked = workspaceTexts.get(event.document.uri);
  if (checked) publishWorkspaceText(checked);
  else void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

wireFeatures(connection, documents, service, guarded);
documents.listen(connection);
connection.listen();
