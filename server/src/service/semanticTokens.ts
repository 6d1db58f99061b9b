// Semantic tokens for what the TextMate grammar cannot know: the level of each mark and of the banner,
// citations of references that exist or not, tags in the vocabulary or not, paragraph numbers out of sequence.
import type { Range, SemanticTokensLegend } from 'vscode-languageserver-types';
import type { Level } from './model';
import type { RuleContext } from './rules/rule';

export const tokenTypes = ['portionMark', 'classification', 'refCitation', 'paragraphReference', 'tag', 'paragraphNumber'] as const;
export const tokenModifiers = ['unclassified', 'sbu', 'confidential', 'secret', 'topSecret', 'invalid', 'unresolved', 'unknown', 'outOfSequence', 'controlled'] as const;

export type TokenType = (typeof tokenTypes)[number];
export type TokenModifier = (typeof tokenModifiers)[number];

export const semanticTokensLegend: SemanticTokensLegend = { tokenTypes: [...tokenTypes], tokenModifiers: [...tokenModifiers] };

const levelModifier: Record<Level, TokenModifier> = { U: 'unclassified', SBU: 'sbu', C: 'confidential', S: 'secret', TS: 'topSecret' };

/** One token before encoding; tests read these instead of the relative integers. */
export interface SemanticToken {
  line: number;
  character: number;
  length: number;
  type: TokenType;
  modifiers: TokenModifier[];
}

function tokenAt(range: Range, type: TokenType, modifiers: TokenModifier[]): SemanticToken | undefined {
  // Tokens are single-line: a span across lines (never expected for these constructs) is left to the grammar.
  if (range.start.line !== range.end.line || range.end.character <= range.start.character) return undefined;
  return { line: range.start.line, character: range.start.character, length: range.end.character - range.start.character, type, modifiers };
}

function intersects(token: SemanticToken, range: Range): boolean {
  const { start, end } = range;
  if (token.line < start.line || token.line > end.line) return false;
  if (token.line === end.line && token.character >= end.character && !(start.line === end.line && start.character === end.character)) return false;
  if (token.line === start.line && token.character + token.length <= start.character) return false;
  return true;
}

/** Every token of the cable (within `range` when given), in document order, without overlaps. */
export function collectSemanticTokens(context: RuleContext, range?: Range): SemanticToken[] {
  const { model, vocabulary } = context;
  const tokens: Array<SemanticToken | undefined> = [];

  if (model.banner) {
    tokens.push(tokenAt(model.banner.classification.range, 'classification', [levelModifier[model.banner.level]]));
  }
  for (const mark of model.marks) {
    const modifiers: TokenModifier[] = mark.valid && mark.level ? [levelModifier[mark.level]] : ['invalid'];
    if (mark.level && !mark.valid) modifiers.unshift(levelModifier[mark.level]);
    if (mark.controls.length > 0) modifiers.push('controlled');
    tokens.push(tokenAt(mark.range, 'portionMark', modifiers));
  }

  const defined = new Set((model.refs?.entries ?? []).map((entry) => entry.letter).filter((letter): letter is string => letter !== undefined));
  const refCount = model.refs?.entries.length ?? 0;
  for (const citation of model.refCitations) {
    if (citation.reftel) {
      // REFTEL names the only reference: it resolves when the cable has one.
      tokens.push(tokenAt(citation.range, 'refCitation', refCount > 0 ? [] : ['unresolved']));
      continue;
    }
    for (const part of citation.parts) {
      const from = part.from.letter.charCodeAt(0);
      const to = (part.to ?? part.from).letter.charCodeAt(0);
      let resolves = to >= from;
      for (let code = from; code <= to; code++) if (!defined.has(String.fromCharCode(code))) resolves = false;
      const modifiers: TokenModifier[] = resolves ? [] : ['unresolved'];
      tokens.push(tokenAt(part.from.range, 'refCitation', modifiers));
      if (part.to) tokens.push(tokenAt(part.to.range, 'refCitation', modifiers));
    }
  }

  if (model.paragraphXrefs.length > 0) {
    const numbers = new Set<number>();
    for (const paragraph of model.paragraphs) numbers.add(paragraph.number.value);
    for (const xref of model.paragraphXrefs) {
      for (const part of xref.parts) {
        tokens.push(tokenAt(part.from.range, 'paragraphReference', numbers.has(part.from.number) ? [] : ['unresolved']));
        if (part.to) tokens.push(tokenAt(part.to.range, 'paragraphReference', numbers.has(part.to.number) ? [] : ['unresolved']));
      }
    }
  }

  for (const tag of model.tags?.tags ?? []) {
    tokens.push(tokenAt(tag.range, 'tag', vocabulary.get(tag.code) ? [] : ['unknown']));
  }

  // Numbered paragraphs run 1..n: a number that is not its position is out of sequence.
  model.paragraphs.forEach((paragraph, index) => {
    tokens.push(tokenAt(paragraph.number.range, 'paragraphNumber', paragraph.number.value === index + 1 ? [] : ['outOfSequence']));
  });

  const sorted: SemanticToken[] = [];
  for (const token of tokens) if (token !== undefined && (!range || intersects(token, range))) sorted.push(token);
  // Each kind comes in document order: the sort merges those runs.
  sorted.sort((a, b) => a.line - b.line || a.character - b.character);
  const result: SemanticToken[] = [];
  for (const token of sorted) {
    const previous = result[result.length - 1];
    if (previous && previous.line === token.line && previous.character + previous.length > token.character) continue;
    result.push(token);
  }
  return result;
}

const typeIndex = new Map<string, number>(tokenTypes.map((type, index) => [type, index]));
const modifierBit = new Map<string, number>(tokenModifiers.map((modifier, index) => [modifier, 1 << index]));

/** Encodes tokens as LSP's relative integers: line delta, start delta, length, type, modifier bits. */
export function encodeSemanticTokens(tokens: readonly SemanticToken[]): number[] {
  const data = new Array<number>(tokens.length * 5);
  let at = 0;
  let line = 0;
  let character = 0;
  for (const token of tokens) {
    const deltaLine = token.line - line;
    const deltaStart = deltaLine === 0 ? token.character - character : token.character;
    let bits = 0;
    for (const modifier of token.modifiers) bits |= modifierBit.get(modifier)!;
    data[at++] = deltaLine;
    data[at++] = deltaStart;
    data[at++] = token.length;
    data[at++] = typeIndex.get(token.type)!;
    data[at++] = bits;
    line = token.line;
    character = token.character;
  }
  return data;
}

/** Decodes LSP's relative integers back into tokens (tests and the protocol check use it). */
export function decodeSemanticTokens(data: readonly number[], legend: SemanticTokensLegend = semanticTokensLegend): Array<Omit<SemanticToken, 'type' | 'modifiers'> & { type: string; modifiers: string[] }> {
  const tokens: Array<Omit<SemanticToken, 'type' | 'modifiers'> & { type: string; modifiers: string[] }> = [];
  let line = 0;
  let character = 0;
  for (let index = 0; index + 4 < data.length; index += 5) {
    line += data[index];
    character = data[index] === 0 ? character + data[index + 1] : data[index + 1];
    const bits = data[index + 4];
    tokens.push({
      line,
      character,
      length: data[index + 2],
      type: legend.tokenTypes[data[index + 3]],
      modifiers: legend.tokenModifiers.filter((_, bit) => (bits & (1 << bit)) !== 0),
    });
  }
  return tokens;
}

export function semanticTokens(context: RuleContext, range?: Range): number[] {
  return encodeSemanticTokens(collectSemanticTokens(context, range));
}
