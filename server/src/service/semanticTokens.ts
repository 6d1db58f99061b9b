// Semantic tokens for what the TextMate grammar cannot know: the level of each mark and of the banner,
// citations of references that exist or not, tags in the vocabulary or not, paragraph numbers out of sequence.
import type { Range, SemanticTokensLegend } from 'vscode-languageserver-types';
import type { Level, TextRange } from './model';
import type { RuleContext } from './rules/rule';

export const tokenTypes = ['portionMark', 'classification', 'refCitation', 'paragraphReference', 'tag', 'paragraphNumber'] as const;
export const tokenModifiers = ['unclassified', 'sbu', 'confidential', 'secret', 'topSecret', 'invalid', 'unresolved', 'unknown', 'outOfSequence', 'controlled'] as const;

export type TokenType = (typeof tokenTypes)[number];
export type TokenModifier = (typeof tokenModifiers)[number];

export const semanticTokensLegend: SemanticTokensLegend = { tokenTypes: [...tokenTypes], tokenModifiers: [...tokenModifiers] };

/** One token before encoding; tests read these instead of the relative integers. */
export interface SemanticToken {
  line: number;
  character: number;
  length: number;
  type: TokenType;
  modifiers: TokenModifier[];
}

const TYPE = Object.fromEntries(tokenTypes.map((type, index) => [type, index])) as Record<TokenType, number>;
const BIT = Object.fromEntries(tokenModifiers.map((modifier, index) => [modifier, 1 << index])) as Record<TokenModifier, number>;
const levelBit: Record<Level, number> = { U: BIT.unclassified, SBU: BIT.sbu, C: BIT.confidential, S: BIT.secret, TS: BIT.topSecret };

/** A token takes five integers: line, character, length, type index, modifier bits. */
const WIDTH = 5;

// Reused from call to call (the tokens are read before the next call): fresh big typed arrays cost page faults.
let gatherScratch = new Int32Array(WIDTH * 1024);
let sortScratch = new Int32Array(WIDTH * 1024);
let lineScratch = new Int32Array(1024);

/**
 * Tokens as integers in a typed array: a long cable has thousands of marks, and integers are far cheaper to
 * gather, sort and encode than objects. Each kind is appended in document order, one kind after another.
 */
class TokenList {
  data = gatherScratch;
  length = 0;

  push(range: TextRange, type: number, bits: number): void {
    // Tokens are single-line: a span across lines (never expected for these constructs) is left to the grammar.
    if (range.startLine === range.endLine) this.pushOnLine(range.startLine, range.startCharacter, range.endCharacter, type, bits);
  }

  pushOnLine(line: number, startCharacter: number, endCharacter: number, type: number, bits: number): void {
    if (endCharacter <= startCharacter) return;
    if (this.length + WIDTH > this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = gatherScratch = grown;
    }
    const data = this.data;
    const at = this.length;
    data[at] = line;
    data[at + 1] = startCharacter;
    data[at + 2] = endCharacter - startCharacter;
    data[at + 3] = type;
    data[at + 4] = bits;
    this.length = at + WIDTH;
  }

  /**
   * The tokens in order of start, stably (on a tie the one pushed first comes first); the first `length`
   * integers of the result count. Bucketed by line, then put in order of character within each line: linear,
   * where merging the kinds compared every kind for every token.
   */
  sorted(): Int32Array {
    const { data, length } = this;
    let lastLine = 0;
    for (let at = 0; at < length; at += WIDTH) if (data[at] > lastLine) lastLine = data[at];
    if (lineScratch.length < lastLine + 2) lineScratch = new Int32Array(lastLine + 2);
    if (sortScratch.length < length) sortScratch = new Int32Array(data.length);
    const firstOfLine = lineScratch;
    const result = sortScratch;
    firstOfLine.fill(0, 0, lastLine + 2);
    for (let at = 0; at < length; at += WIDTH) firstOfLine[data[at] + 1] += WIDTH;
    for (let line = 1; line <= lastLine + 1; line++) firstOfLine[line] += firstOfLine[line - 1];
    for (let at = 0; at < length; at += WIDTH) {
      const to = firstOfLine[data[at]];
      firstOfLine[data[at]] = to + WIDTH;
      for (let k = 0; k < WIDTH; k++) result[to + k] = data[at + k];
    }
    // Within a line: insertion by character (few tokens per line; a strict comparison keeps ties in order).
    for (let at = WIDTH; at < length; at += WIDTH) {
      for (let j = at; j > 0 && result[j - WIDTH] === result[j] && result[j - WIDTH + 1] > result[j + 1]; j -= WIDTH) {
        for (let k = 0; k < WIDTH; k++) {
          const swap = result[j - WIDTH + k];
          result[j - WIDTH + k] = result[j + k];
          result[j + k] = swap;
        }
      }
    }
    return result;
  }
}

function intersects(data: Int32Array, at: number, range: Range): boolean {
  const { start, end } = range;
  const line = data[at];
  const character = data[at + 1];
  if (line < start.line || line > end.line) return false;
  if (line === end.line && character >= end.character && !(start.line === end.line && start.character === end.character)) return false;
  if (line === start.line && character + data[at + 2] <= start.character) return false;
  return true;
}

/** Every token in document order (within `range` when given), without overlaps, as integers (see WIDTH). */
function collectTokens(context: RuleContext, range?: Range): { data: Int32Array; length: number } {
  const { model, vocabulary } = context;
  const gathered = new TokenList();

  if (model.banner) gathered.push(model.banner.classification.range, TYPE.classification, levelBit[model.banner.level]);

  // Not for...of over the long lists: in code run once per version V8 runs a for...of unoptimised for many
  // runs, making an iterator result per item. forEach loops without one.
  model.marks.forEach((mark) => {
    let bits = mark.valid && mark.level ? levelBit[mark.level] : BIT.invalid;
    if (mark.level && !mark.valid) bits |= levelBit[mark.level];
    if (mark.controls.length > 0) bits |= BIT.controlled;
    if (mark.endLine === mark.line) {
      gathered.pushOnLine(mark.line, mark.startCharacter, mark.endCharacter, TYPE.portionMark, bits);
    } else {
      // Tokens are single-line: a wrapped mark is two, one on each line.
      gathered.pushOnLine(mark.line, mark.startCharacter, model.lines[mark.line].length, TYPE.portionMark, bits);
      gathered.pushOnLine(mark.endLine, 0, mark.endCharacter, TYPE.portionMark, bits);
    }
  });

  const defined = new Set<string>();
  for (const entry of model.refs?.entries ?? []) if (entry.letter !== undefined) defined.add(entry.letter);
  const refCount = model.refs?.entries.length ?? 0;
  model.refCitations.forEach((citation) => {
    if (citation.reftel) {
      // REFTEL names the only reference: it resolves when the cable has one.
      gathered.push(citation.range, TYPE.refCitation, refCount > 0 ? 0 : BIT.unresolved);
      return;
    }
    for (const part of citation.parts) {
      const from = part.from.letter.charCodeAt(0);
      const to = (part.to ?? part.from).letter.charCodeAt(0);
      let resolves = to >= from;
      for (let code = from; code <= to; code++) if (!defined.has(String.fromCharCode(code))) resolves = false;
      const bits = resolves ? 0 : BIT.unresolved;
      gathered.push(part.from.range, TYPE.refCitation, bits);
      if (part.to) gathered.push(part.to.range, TYPE.refCitation, bits);
    }
  });

  if (model.paragraphXrefs.length > 0) {
    const numbers = model.structure.paragraphIndex;
    model.paragraphXrefs.forEach((xref) => {
      for (const part of xref.parts) {
        gathered.push(part.from.range, TYPE.paragraphReference, numbers.has(part.from.number) ? 0 : BIT.unresolved);
        if (part.to) gathered.push(part.to.range, TYPE.paragraphReference, numbers.has(part.to.number) ? 0 : BIT.unresolved);
      }
    });
  }

  for (const tag of model.tags?.tags ?? []) gathered.push(tag.range, TYPE.tag, vocabulary.get(tag.code) ? 0 : BIT.unknown);

  // Numbered paragraphs run 1..n: a number that is not its position is out of sequence.
  const paragraphs = model.paragraphs;
  for (let index = 0; index < paragraphs.length; index++) {
    const number = paragraphs[index].number;
    gathered.push(number.range, TYPE.paragraphNumber, number.value === index + 1 ? 0 : BIT.outOfSequence);
  }

  // Kept tokens move down in place: outside the range, or overlapping the previous kept one, they go.
  // The sorted tokens fill the first gathered.length integers of a reused array.
  const data = gathered.sorted();
  let length = 0;
  for (let at = 0; at < gathered.length; at += WIDTH) {
    if (range && !intersects(data, at, range)) continue;
    const last = length - WIDTH;
    if (last >= 0 && data[last] === data[at] && data[last + 1] + data[last + 2] > data[at + 1]) continue;
    if (length !== at) data.copyWithin(length, at, at + WIDTH);
    length += WIDTH;
  }
  return { data, length };
}

/** Every token of the cable (within `range` when given), in document order, without overlaps. */
export function collectSemanticTokens(context: RuleContext, range?: Range): SemanticToken[] {
  const { data, length } = collectTokens(context, range);
  const tokens: SemanticToken[] = [];
  for (let at = 0; at < length; at += WIDTH) {
    const bits = data[at + 4];
    tokens.push({
      line: data[at],
      character: data[at + 1],
      length: data[at + 2],
      type: tokenTypes[data[at + 3]],
      modifiers: tokenModifiers.filter((_, bit) => (bits & (1 << bit)) !== 0),
    });
  }
  return tokens;
}

/** Encodes tokens as LSP's relative integers: line delta, start delta, length, type, modifier bits. */
export function encodeSemanticTokens(tokens: readonly SemanticToken[]): number[] {
  const data = new Int32Array(tokens.length * WIDTH);
  tokens.forEach((token, index) => {
    let bits = 0;
    for (const modifier of token.modifiers) bits |= BIT[modifier];
    data.set([token.line, token.character, token.length, TYPE[token.type], bits], index * WIDTH);
  });
  return relative(data, data.length);
}

/** Absolute tokens (see WIDTH) to the LSP encoding: each token's line and start relative to the previous one. */
function relative(tokens: Int32Array, length: number): number[] {
  const data = new Array<number>(length);
  let line = 0;
  let character = 0;
  for (let at = 0; at < length; at += WIDTH) {
    const deltaLine = tokens[at] - line;
    data[at] = deltaLine;
    data[at + 1] = deltaLine === 0 ? tokens[at + 1] - character : tokens[at + 1];
    data[at + 2] = tokens[at + 2];
    data[at + 3] = tokens[at + 3];
    data[at + 4] = tokens[at + 4];
    line = tokens[at];
    character = tokens[at + 1];
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
  const { data, length } = collectTokens(context, range);
  return relative(data, length);
}
