// Calls every feature of the language service on one text, each under the hang guard, and checks that
// every range and edit it returns is one an editor can use (inside the document, edits not overlapping).
import type { CodeAction, DocumentSymbol, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { semanticTokensLegend } from '../../server/src/service/semanticTokens';
import { assertEditsSound, assertRangeInside, comparePositions, documentOf, guarded, linesOf, rangeContains, service } from './support';

function checkSymbols(lines: string[], symbols: DocumentSymbol[], label: string): void {
  for (const symbol of symbols) {
    assertRangeInside(lines, symbol.range, `${label} ${symbol.name}`);
    assertRangeInside(lines, symbol.selectionRange, `${label} ${symbol.name} selection`);
    // VS Code rejects the whole outline when a selection range is not inside its symbol's range.
    if (!rangeContains(symbol.range, symbol.selectionRange)) throw new Error(`${label} ${symbol.name}: selectionRange outside range`);
    if (typeof symbol.name !== 'string' || symbol.name.trim() === '') throw new Error(`${label}: a symbol without a name (VS Code rejects it)`);
    checkSymbols(lines, symbol.children ?? [], label);
  }
}

/** Decodes LSP semantic tokens and checks each lies on one line of the document, in order, types in the legend. */
export function checkSemanticTokens(lines: string[], data: number[], label: string): void {
  if (data.length % 5 !== 0) throw new Error(`${label}: ${data.length} integers is not a multiple of 5`);
  let line = 0;
  let character = 0;
  let previousEnd = -1;
  for (let index = 0; index < data.length; index += 5) {
    const [deltaLine, deltaStart, length, type, modifiers] = data.slice(index, index + 5);
    if (deltaLine < 0 || deltaStart < 0 || length <= 0) throw new Error(`${label}: bad token ${data.slice(index, index + 5)}`);
    if (deltaLine > 0) {
      line += deltaLine;
      character = deltaStart;
      previousEnd = -1;
    } else character += deltaStart;
    if (line >= lines.length || character + length > lines[line].length) throw new Error(`${label}: token at ${line}:${character}+${length} is outside its line`);
    if (character < previousEnd) throw new Error(`${label}: tokens overlap at ${line}:${character}`);
    previousEnd = character + length;
    if (type >= semanticTokensLegend.tokenTypes.length || modifiers >= 2 ** semanticTokensLegend.tokenModifiers.length) throw new Error(`${label}: token type ${type} / modifiers ${modifiers} not in the legend`);
  }
}

function checkActions(text: string, uri: string, actions: CodeAction[], label: string): void {
  for (const action of actions) {
    const edits: TextEdit[] = action.edit?.changes?.[uri] ?? [];
    if (action.edit?.changes && Object.keys(action.edit.changes).some((other) => other !== uri)) throw new Error(`${label}: "${action.title}" edits another document`);
    assertEditsSound(text, edits, `${label} "${action.title}"`);
  }
}

/** Every feature of the service on `text`, at `positions`; throws on the first failure, naming the feature. */
export function exerciseEverything(text: string, positions: Position[]): void {
  const cable = service();
  const document = documentOf(text);
  const lines = linesOf(text);

  const diagnostics = guarded('diagnostics', () => cable.diagnostics(document));
  for (const diagnostic of diagnostics) {
    assertRangeInside(lines, diagnostic.range, `diagnostic ${diagnostic.code}`);
    if (!diagnostic.message) throw new Error(`diagnostic ${diagnostic.code} without a message`);
  }
  checkSymbols(lines, guarded('documentSymbols', () => cable.documentSymbols(document)), 'symbol');
  for (const folding of guarded('foldingRanges', () => cable.foldingRanges(document))) {
    if (folding.startLine > folding.endLine || folding.endLine >= lines.length || folding.startLine < 0) throw new Error(`folding range ${JSON.stringify(folding)} outside the document`);
  }
  checkSemanticTokens(lines, guarded('semanticTokens', () => cable.semanticTokens(document)), 'semantic tokens');

  for (const [index, position] of positions.entries()) {
    const inside = position.line < lines.length && position.character <= lines[position.line].length;
    const at = `at ${position.line}:${position.character}`;
    const hover = guarded(`hover ${at}`, () => cable.hover(document, position));
    if (hover?.range) assertRangeInside(lines, hover.range, `hover ${at}`);
    const items = guarded(`completion ${at}`, () => cable.completions(document, position));
    for (const item of items) {
      const edit = item.textEdit;
      if (!edit || !inside) continue;
      const range: Range = 'range' in edit ? edit.range : edit.replace;
      assertRangeInside(lines, range, `completion "${item.label}" ${at}`);
      // VS Code drops an item whose edit range is multi-line or does not contain the cursor.
      if (range.start.line !== range.end.line || comparePositions(range.start, position) > 0 || comparePositions(position, range.end) > 0) {
        throw new Error(`completion "${item.label}" ${at}: edit range ${JSON.stringify(range)} does not hold the cursor`);
      }
    }
    for (const location of guarded(`definition ${at}`, () => cable.definition(document, position))) {
      if (location.uri === document.uri) assertRangeInside(lines, location.range, `definition ${at}`);
    }
    for (const location of guarded(`references ${at}`, () => cable.references(document, position, index % 2 === 0))) {
      if (location.uri === document.uri) assertRangeInside(lines, location.range, `references ${at}`);
    }
    for (const highlight of guarded(`documentHighlights ${at}`, () => cable.documentHighlights(document, position))) assertRangeInside(lines, highlight.range, `highlight ${at}`);
    guarded(`prepareRename ${at}`, () => cable.prepareRename(document, position));
    const next = positions[(index + 1) % positions.length];
    const range = comparePositions(position, next) <= 0 ? { start: position, end: next } : { start: next, end: position };
    checkSemanticTokens(lines, guarded(`semanticTokens range ${JSON.stringify(range)}`, () => cable.semanticTokens(document, range)), 'range tokens');
    const near = diagnostics.filter((diagnostic) => diagnostic.range.start.line <= range.end.line && diagnostic.range.end.line >= range.start.line);
    checkActions(text, document.uri, guarded(`codeActions ${at}`, () => cable.codeActions(document, { range, diagnostics: near })), `quick fix ${at}`);
  }

  const whole: Range = { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1].length } };
  checkActions(text, document.uri, guarded('codeActions (all diagnostics)', () => cable.codeActions(document, { range: whole, diagnostics })), 'quick fix');
  checkActions(text, document.uri, guarded('codeActions source', () => cable.codeActions(document, { range: whole, diagnostics, only: ['source'] })), 'source action');
  assertEditsSound(text, guarded('fixAllEdits', () => cable.fixAllEdits(document)), 'fix-all');
  assertEditsSound(text, guarded('renumberParagraphEdits', () => cable.renumberParagraphEdits(document)), 'renumber');
  assertEditsSound(text, guarded('reletterReferenceEdits', () => cable.reletterReferenceEdits(document)), 're-letter');
  assertEditsSound(text, guarded('updateBannerEdits', () => cable.updateBannerEdits(document)), 'update banner');
  for (const link of guarded('documentLinks', () => cable.documentLinks(document))) assertRangeInside(lines, link.range, 'document link');
  guarded('classificationSummary', () => cable.classificationSummary(document));
  cable.forget(document.uri);
}
