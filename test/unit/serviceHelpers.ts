// Helpers for unit tests of the language service: a service over one text, its diagnostics, the
// result of edits and fixes, completion and hover at a `|` cursor.
import { applyTextEdits } from '../../server/src/service/textEdits';
import type { CodeAction, CompletionItem, Diagnostic, Hover } from 'vscode-languageserver-types';
import { defaultConfig, type CableConfig } from '../../server/src/service/config';
import { createCableService, type CableDocument, type CableService } from '../../server/src/service';
import { withCursor } from '../helpers';

export const testUri = 'file:///test/draft.cable';

export function documentOf(text: string, uri = testUri, version = 1): CableDocument {
  return { uri, version, getText: () => text };
}

/** A service configured with `config` (merged over the defaults), and the document holding `text`. */
export function serviceFor(text: string, config: Partial<CableConfig> = {}): { service: CableService; document: CableDocument } {
  const service = createCableService({ config: { ...defaultConfig, ...config, rules: { ...defaultConfig.rules, ...(config.rules ?? {}) } } });
  return { service, document: documentOf(text) };
}

export function diagnosticsOf(text: string, config: Partial<CableConfig> = {}): Diagnostic[] {
  const { service, document } = serviceFor(text, config);
  return service.diagnostics(document);
}

/** `line:code` for each diagnostic (1-based lines), sorted, optionally only for some rule ids. */
export function diagnosticKeys(diagnostics: Diagnostic[], ids?: ReadonlySet<string>): string[] {
  return diagnostics
    .filter((diagnostic) => !ids || ids.has(String(diagnostic.code)))
    .map((diagnostic) => `${diagnostic.range.start.line + 1} ${String(diagnostic.code)}`)
    .sort(compareKeys);
}

export function compareKeys(a: string, b: string): number {
  const [lineA, codeA] = a.split(' ');
  const [lineB, codeB] = b.split(' ');
  return Number(lineA) - Number(lineB) || codeA.localeCompare(codeB);
}


/** The quick fixes offered for the diagnostics of one rule. */
export function quickFixesFor(text: string, ruleId: string, config: Partial<CableConfig> = {}): CodeAction[] {
  const { service, document } = serviceFor(text, config);
  const diagnostics = service.diagnostics(document).filter((diagnostic) => diagnostic.code === ruleId);
  return diagnostics.flatMap((diagnostic) => service.codeActions(document, { range: diagnostic.range, diagnostics: [diagnostic], only: ['quickfix'] }));
}

/** The text after the quick fix whose title matches (the first fix of the rule when no title is given). */
export function applyFix(text: string, ruleId: string, title?: string | RegExp, config: Partial<CableConfig> = {}): string {
  const actions = quickFixesFor(text, ruleId, config);
  const action = title === undefined ? actions[0] : actions.find((candidate) => (typeof title === 'string' ? candidate.title === title : title.test(candidate.title)));
  if (!action) throw new Error(`no fix for ${ruleId}${title ? ` titled ${String(title)}` : ''}; offered: ${actions.map((candidate) => candidate.title).join(' | ')}`);
  return applyTextEdits(text, action.edit?.changes?.[testUri] ?? []);
}

export function completionsAt(markedText: string, config: Partial<CableConfig> = {}): CompletionItem[] {
  const { text, position } = withCursor(markedText);
  const { service, document } = serviceFor(text, config);
  return service.completions(document, position);
}

export function hoverAt(markedText: string, config: Partial<CableConfig> = {}): Hover | null {
  const { text, position } = withCursor(markedText);
  const { service, document } = serviceFor(text, config);
  return service.hover(document, position);
}
