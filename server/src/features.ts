// The protocol side of every feature that needs only the open documents: the Node server (server.ts)
// and the web worker server (web/server.ts) both wire the language service to their connection here.
// Imported from 'vscode-languageserver', which each bundle resolves to its platform's build.
import {
  CodeActionKind,
  ErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  type Connection,
  type ServerCapabilities,
  type TextDocuments,
  type TextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CableDocument, CableService } from './service';
import { EXPORT_CSP, renderBody, renderDocument, renderStyle, type PageBanner } from './service/render';
import { semanticTokensLegend } from './service/semanticTokens';

export const commands = {
  renumberParagraphs: 'cable.renumberParagraphs',
  reletterReferences: 'cable.reletterReferences',
  fixAll: 'cable.fixAll',
  updateBanner: 'cable.updateBanner',
} as const;

export const classificationSummaryRequest = 'cable/classificationSummary';

/** The cable as telegram pages (service/render.ts): the preview's style and body, or a whole page to export. */
export const renderRequest = 'cable/render';

export interface RenderParams {
  uri: string;
  pageLines: number;
  pageBanner: PageBanner;
  /** A whole exported page (inline style, no script) instead of the preview's body with findings in the margin. */
  document?: { title: string };
}

/** Runs a handler; a failure is logged and answered with the fallback, never a crash. */
export type Guard = <T>(name: string, fallback: T, handler: () => T) => T;

export function guardWith(connection: Connection): Guard {
  return (name, fallback, handler) => {
    try {
      return handler();
    } catch (error) {
      connection.console.error(`cable: ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return fallback;
    }
  };
}

/** What both servers announce; each adds what its platform can do (diagnostic pull, workspace folders). */
export function featureCapabilities(): ServerCapabilities {
  return {
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
  };
}

/** Each handler finds the document, answers an empty result for an unknown one, and calls the service. */
export function wireFeatures(connection: Connection, documents: TextDocuments<TextDocument>, service: CableService, guarded: Guard): void {
  function withDocument<T>(uri: string, name: string, fallback: T, handler: (document: CableDocument) => T): T {
    const document = documents.get(uri);
    return document ? guarded(name, fallback, () => handler(document)) : fallback;
  }

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
  connection.onRequest(renderRequest, (params: RenderParams) =>
    withDocument(params.uri, 'render', null, (document) => {
      const model = service.modelOf(document);
      const options = { pageLines: params.pageLines, pageBanner: params.pageBanner };
      if (params.document) return renderDocument(model, { ...options, title: params.document.title, csp: EXPORT_CSP });
      const severities = { 1: 'error', 2: 'warning' } as const;
      // Errors and warnings in the margin; style findings would bury them.
      const findings = service.diagnostics(document).filter((diagnostic) => (diagnostic.severity ?? 1) <= 2);
      const notes = findings.map((diagnostic) => ({
        line: diagnostic.range.start.line,
        message: `${diagnostic.code}: ${diagnostic.message}`,
        severity: severities[diagnostic.severity as 1 | 2] ?? ('info' as const),
      }));
      return { style: renderStyle(), body: renderBody(model, { ...options, notes }) };
    }),
  );

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
}
