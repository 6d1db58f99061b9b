// The language service: every feature as one object over a per-version model cache. No LSP transport here.
import type {
  CodeAction,
  CompletionItem,
  Diagnostic,
  DocumentHighlight,
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Location,
  Position,
  Range,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-types';
import { classificationSummary, updateBannerEdits, type ClassificationSummary } from './classification';
import { codeActions, fixAllEdits, type CodeActionRequest } from './codeActions';
import { completions } from './completion';
import { defaultConfig, type CableConfig } from './config';
import { computeDiagnostics } from './diagnostics';
import { foldingRanges } from './folding';
import { fieldHover } from './hover';
import { describeError, silentLogger, type Logger } from './logger';
import type { CableModel } from './model';
import { ModelCache } from './modelCache';
import * as references from './references';
import { renumberParagraphEdits, reletterReferenceEdits } from './renumber';
import type { RuleContext } from './rules/rule';
import { semanticTokens } from './semanticTokens';
import { documentSymbols } from './symbols';
import { guideHover } from './guideHelp';
import { builtinVocabulary, type TagVocabulary } from './tagVocabulary';
import type { WorkspaceIndex } from './workspaceIndex';

export { parse } from './parser';
export type { CableConfig } from './config';
export type { CableModel } from './model';
export type { Logger } from './logger';

/** What the service needs of a document: the LSP TextDocument fits. */
export interface CableDocument {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

/** A document's own configuration and TAGS vocabulary (the nearest .cablerc.json, its folder's settings). */
export interface DocumentSettings {
  config: CableConfig;
  vocabulary: TagVocabulary;
}

export interface CableServiceOptions {
  /** Errors the service catches to stay alive go here (the server: window/logMessage). */
  logger?: Logger;
  config?: CableConfig;
  vocabulary?: TagVocabulary;
  workspace?: WorkspaceIndex;
  /** Where a rule's documentation is: each diagnostic links there (`codeDescription.href`). */
  ruleDocsLink?: (ruleId: string) => string | undefined;
}

export function createCableService(options: CableServiceOptions = {}) {
  let config: CableConfig = options.config ?? defaultConfig;
  let vocabulary: TagVocabulary = options.vocabulary ?? builtinVocabulary();
  let workspace: WorkspaceIndex | undefined = options.workspace;
  const logger = options.logger ?? silentLogger;
  const models = new ModelCache(200, (error) => logger.error(describeError('Parsing', error)));

  let settingsFor: ((uri: string) => DocumentSettings | undefined) | undefined;

  const modelOf = (document: CableDocument): CableModel => models.get(document.uri, document.version, () => document.getText());
  const contextOf = (document: CableDocument): RuleContext => {
    const own = settingsFor?.(document.uri);
    return { uri: document.uri, model: modelOf(document), config: own?.config ?? config, vocabulary: own?.vocabulary ?? vocabulary, workspace, logger };
  };

  return {
    get config(): CableConfig {
      return config;
    },
    setConfig(next: CableConfig): void {
      config = next;
    },
    setVocabulary(next: TagVocabulary): void {
      vocabulary = next;
    },
    /** Gives each document its own configuration and vocabulary; where it answers undefined, those set above apply. */
    setDocumentSettings(resolver: ((uri: string) => DocumentSettings | undefined) | undefined): void {
      settingsFor = resolver;
    },
    setWorkspace(next: WorkspaceIndex | undefined): void {
      workspace = next;
    },
    modelOf,
    contextOf,
    forget(uri: string): void {
      models.delete(uri);
    },
    documentSymbols: (document: CableDocument): DocumentSymbol[] => documentSymbols(modelOf(document)),
    foldingRanges: (document: CableDocument): FoldingRange[] => foldingRanges(modelOf(document)),
    diagnostics(document: CableDocument): Diagnostic[] {
      const diagnostics = computeDiagnostics(contextOf(document));
      const docsLink = options.ruleDocsLink;
      if (docsLink) {
        for (const diagnostic of diagnostics) {
          const href = docsLink(String(diagnostic.code));
          if (href) diagnostic.codeDescription = { href };
        }
      }
      return diagnostics;
    },
    codeActions: (document: CableDocument, request: CodeActionRequest): CodeAction[] => codeActions(contextOf(document), request),
    fixAllEdits: (document: CableDocument): TextEdit[] => fixAllEdits(contextOf(document)),
    completions: (document: CableDocument, position: Position): CompletionItem[] => completions(contextOf(document), position),
    hover(document: CableDocument, position: Position): Hover | null {
      const context = contextOf(document);
      return references.referenceHover(context, position) ?? guideHover(context, position) ?? fieldHover(context, position);
    },
    definition: (document: CableDocument, position: Position): Location[] => references.definition(contextOf(document), position),
    references: (document: CableDocument, position: Position, includeDeclaration: boolean): Location[] =>
      references.findReferences(contextOf(document), position, includeDeclaration),
    documentHighlights: (document: CableDocument, position: Position): DocumentHighlight[] => references.documentHighlights(contextOf(document), position),
    prepareRename: (document: CableDocument, position: Position) => references.prepareRename(contextOf(document), position),
    rename: (document: CableDocument, position: Position, newName: string): WorkspaceEdit | { error: string } =>
      references.rename(contextOf(document), position, newName),
    documentLinks: (document: CableDocument): DocumentLink[] => references.documentLinks(contextOf(document)),
    renumberParagraphEdits: (document: CableDocument): TextEdit[] => renumberParagraphEdits(modelOf(document)),
    reletterReferenceEdits: (document: CableDocument): TextEdit[] => reletterReferenceEdits(modelOf(document)),
    semanticTokens: (document: CableDocument, range?: Range): number[] => semanticTokens(contextOf(document), range),
    classificationSummary: (document: CableDocument): ClassificationSummary => classificationSummary(contextOf(document)),
    updateBannerEdits: (document: CableDocument): TextEdit[] => updateBannerEdits(contextOf(document)),
  };
}

export type CableService = ReturnType<typeof createCableService>;
