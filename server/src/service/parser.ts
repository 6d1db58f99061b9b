// The cable parser: text -> CableModel in one pass over the lines, each element with its LSP range.
// It never throws: what it does not recognise stays plain text (see shared/cable-format.md).
import type {
  AddressBlock,
  Addressee,
  Banner,
  Block,
  CableModel,
  Caption,
  CitedLetter,
  ClassifiedBy,
  DeclassificationInstruction,
  Dtg,
  EoLine,
  Level,
  ListItem,
  MessageRef,
  Paragraph,
  ParagraphTarget,
  ParagraphXref,
  Portion,
  PortionMark,
  PrecedenceLine,
  Range,
  ReasonLetter,
  RefBlock,
  RefCitation,
  RefEntry,
  Span,
  SubParagraph,
  Subject,
  Tag,
  TagsLine,
  TalkingPoint,
  TransmissionLine,
  WebArtifact,
} from './model';
import { EMPTY_STRUCTURE, readStructure } from './parser/structure';
import { isValidMark, LEVELS, levelRank, Mark, TextRange, type MarkMeaning } from './model';

/** Above this many characters only the first whole lines up to it are analysed. */
export const MAX_ANALYSED_CHARS = 5 * 1024 * 1024;

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const CAPTION_WORDS = new Set(['SIPDIS', 'NOFORN', 'SENSITIVE', 'EXDIS', 'NODIS', 'LIMDIS', 'STADIS']);
const KNOWN_EXEMPTIONS = new Set(['25X1', '25X2', '25X3', '25X4', '25X5', '25X6', '25X7', '25X8', '25X9', '50X1-HUM', '50X2-WMD']);
const SECURITY_LETTER_LEVELS: Record<string, Level> = { C: 'C', S: 'S', U: 'U', E: 'U', T: 'TS' };
// Words that end a post name: `TELCON OF 12 MAY` is not a cable.
const NOT_POST_WORDS = new Set(['OF', 'ON', 'AND', 'THE', 'FOR', 'TO', 'FROM', 'DATED', 'OR', 'IN', 'AT', 'PARA', 'PARAS', 'PARAGRAPH', 'SECTION', 'NO', 'NUMBER']);
/** A post's name may start with THE (`THE HAGUE 000123`); no other such word belongs in one. */
/** A banner with neither section nor message reference: the top of a page, repeated before the real one. */
function isPageBanner(banner: Banner): boolean {
  return !banner.messageRef && !banner.section;
}

function isNotPost(post: string): boolean {
  return post.split(' ').some((word, index) => NOT_POST_WORDS.has(word) && !(index === 0 && word === 'THE' && post.includes(' ')));
}
// Lines of a received cable's routing and distribution, anywhere before the E.O. line: `PAGE 01 ...`,
// `ACTION AF-00`, `INFO LOG-00 ADS-00 ...`, office lists `H-01 NSCE-00 ...`, `------352654 200910Z /23`.
const DISTRIBUTION_RE = /^\s*(?:PAGE\s+\d{2,3}\b|ACTION\s+[A-Z]{1,6}-\d{2}\b|INFO\s+LOG-|(?:[A-Z]{1,6}-\d{2}\s+)+(?:[A-Z]{1,6}-\d{2}|\/\d{3}\s+W)\s*$|[A-Z]{1,6}-\d{2}\s+\/\d{3}\s+W\s*$|-{6,}\s*\d+\s+\d{6}Z\s+\/\d+\s*$)/;
const BLOCK_KINDS = 'TALKING POINTS|SUMMARY AND COMMENT|GUIDANCE|TEXT|QUOTE|SUMMARY|COMMENT|NOTE|BACKGROUND';

const LINE_BREAK_RE = /\r\n?|\n/;
const ARTIFACT_RE = /\[([^[\]]{1,100})\]\(#\)/g;
const PRECEDENCE_RE = /^\s*([A-Za-z])(?:\s+([A-Za-z]))?\s+((\d{2})(\d{2})(\d{2})Z\s+([A-Za-z]{3})\s+(\d{2}))(?:\s+[A-Z]{3,4})?\s*$/i;
const ADDRESS_RE = /^(\s*)(FM|TO|INFO)(?=\s|$)/i;
const BANNER_RE =
  /^\s*(T\s?O\s?P\s{1,3}S\s?E\s?C\s?R\s?E\s?T|S\s?E\s?C\s?R\s?E\s?T|C\s?O\s?N\s?F\s?I\s?D\s?E\s?N\s?T\s?I\s?A\s?L|U\s?N\s?C\s?L\s?A\s?S\s?S\s?I\s?F\s?I\s?E\s?D|UNCLAS(?:\s+EFTO)?)(?![A-Za-z])/i;
const SECTION_RE = /^\s*SECTION\s+(\d{1,3})\s+OF\s+(\d{1,3})(?!\d)/i;
const MESSAGE_REF_RE = /^(?:(\d{2}|\d{4})\s+)?([A-Za-z]+(?:\s+[A-Za-z]+){0,3}?)\s*(\d{1,7})(?![\d/A-Za-z])/;
const EO_RE = /^(\s*)(E\.?\s?O\.?)(?=[\s\d:])\s*(?:(\d{4,5})(?!\d))?\s*:?\s*/i;
const DECL_ONLY_RE = /^(\s*)(?=DECL\s*:)/i;
const TAGS_RE = /^(\s*)(TAGS)(?![A-Za-z])\s*:?/i;
const SUBJECT_RE = /^(\s*)(SUBJ(?:ECT)?)\s*:\s*/i;
const REF_RE = /^(\s*)(REFS?|REFERENCES?)\s*:\s*/i;
const CLASSIFIED_BY_RE = /^\s*Classified\s+by(?![A-Za-z])/i;
const CLASSIFIED_BY_STICKY_RE = /Classified\s+by/iy;
const CLASSIFIED_BY_AT_RE = /(Classified\s+by)(?![A-Za-z])\s*:?\s*/iy;
// Up to four digits; a four-digit number is a head only when expected or marked (`2008. was a year` is not).
const PARAGRAPH_RE = /^(\s{0,4})(\d{1,4})\.(?!\d)(?=\s|\(|$)\s*/;
// `1.Text`: a head without the space, taken only at a line start after a blank line (`2.5 million` is not).
const TIGHT_PARAGRAPH_RE = /^(\s{0,4})(\d{1,4})\.(?=[A-Z])/;
// `1. (C/NF) Summary` right after the reason letters of a Classified By line.
const MID_LINE_PARAGRAPH_RE = /^(\d{1,3})\.[ \t]{0,3}\(([^()]{1,120})\)/;
const SUB_LETTER_RE = /^(\s{0,8})(\d{1,2})?([A-Za-z])\.(?=\s|\(|$)\s*/;
const SUB_PAREN_RE = /^(\s{0,8})\(([a-z]|\d{1,2})\)(?=\s|$)\s*/;
const TALKING_POINT_RE = /^(\s{0,8})(--?)(?!-)\s*(?=\S)/;
const SIGNATURE_RE = /^\s*(?!(?:END|BEGIN|UNQUOTE|QUOTE|NNNN)\b)[A-Z][A-Z'-]+(?:\s+[A-Z][A-Z'-]+){0,2}\s*$/;
const NNNN_RE = /^\s*NNNN\s*$/;
const REF_LABEL_AT_START_RE = /^(\s*)(?:([A-Z])[.)]|\(([A-Z])\))(?=\s|$)\s*/;
const COLON_KINDS = 'SUMMARY AND COMMENT|SUMMARY|COMMENT|NOTE|BACKGROUND';
// BEGIN X | END X | `NOTE:` | a `Summary` heading. `X:` and headings are tentative (dropped when never closed,
// as drafters often leave a final `Comment:` open); `BEGIN X` and `(X:` must be closed.
const BLOCK_RE = new RegExp(
  `\\b(?:(BEGIN)\\s+(${BLOCK_KINDS})\\b:?|(END)\\s+(${BLOCK_KINDS})\\b\\.?\\)?|(${COLON_KINDS})\\s*:|(SUMMARY AND COMMENT|SUMMARY|COMMENT)\\b)`,
  'gi',
);
// Where a block (BLOCK_RE), a citation (findCitationWord) or a cross-reference (findXrefWord) can first
// start on a line: where these words do; the keyword list lives here alone. Explicit classes, as V8 runs
// them faster than the `i` flag; `note` and `background` count only before a colon, as in BLOCK_RE.
const KEYWORD_RE = new RegExp(
  String.raw`\b(?:(${caseless('BEGIN')}|${caseless('END')}|${caseless('SUMMARY')}|${caseless('COMMENT')}|` +
    String.raw`(?:${caseless('NOTE')}|${caseless('BACKGROUND')})\s*:)|(${caseless('REF')})|(${caseless('PARA')}))`,
  'g',
);

/** `ab` -> `[Aa][Bb]`. */
function caseless(word: string): string {
  return word.replace(/[A-Z]/g, (letter) => `[${letter}${letter.toLowerCase()}]`);
}
// What may follow a cited letter or paragraph number; each must end within a few characters (matchEndWithin).
const CITED_RANGE_DASH_RE = /\s*(?:-|–|through\s|thru\s)\s*/iy;
const CITED_JOINER_RE = /\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)/iy;
const XREF_RANGE_DASH_RE = /\s*(?:-|–|through\s|to\s)\s*(?=\d)/iy;
const XREF_JOINER_RE = /\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)(?=\d)/iy;

// The citation and cross-reference words, matched by hand: a long cable has hundreds of each, and a
// regex match array apiece was a sixth of the parse's garbage. Each is exactly the regex in its comment
// (`i`: ASCII letters in any case; `\b`: next to a character other than [A-Za-z0-9_] or the text's end).

/** Where /\b(REFTELS?|REFS?)\b/i first matches from `from`, or -1 (citationWordLength tells its length). */
function findCitationWord(text: string, from: number): number {
  for (let at = from; at < text.length; at++) {
    if ((text.charCodeAt(at) | 32) === 114 /* r */ && citationWordLength(text, at) > 0) return at;
  }
  return -1;
}

/** The length of REF, REFS, REFTEL or REFTELS (any case) standing as a word at `at`, or 0. */
function citationWordLength(text: string, at: number): number {
  if (at > 0 && isWordCode(text.charCodeAt(at - 1))) return 0;
  if (!asciiWordAt(text, at, 'ref')) return 0;
  let end = at + 3;
  if (asciiWordAt(text, end, 'tel')) end += 3;
  if ((text.charCodeAt(end) | 32) === 115 /* s */) end++;
  return isWordCode(text.charCodeAt(end)) ? 0 : end - at;
}

/** Where /\b(paragraphs?|paras?)\b\.?\s*(?=\d)/i first matches from `from`, or -1 (xrefWordEnd tells its end). */
function findXrefWord(text: string, from: number): number {
  for (let at = from; at < text.length; at++) {
    if ((text.charCodeAt(at) | 32) === 112 /* p */ && xrefWordEnd(text, at) >= 0) return at;
  }
  return -1;
}

/** Where that match ends when it starts at `at` (at the digit after the word, a dot and white space), or -1. */
function xrefWordEnd(text: string, at: number): number {
  if (at > 0 && isWordCode(text.charCodeAt(at - 1))) return -1;
  if (!asciiWordAt(text, at, 'para')) return -1;
  let end = at + 4;
  if (asciiWordAt(text, end, 'graph')) end += 5;
  if ((text.charCodeAt(end) | 32) === 115 /* s */) end++;
  if (isWordCode(text.charCodeAt(end))) return -1;
  // `\.?\s*(?=\d)`: backing off the dot cannot help, as the lookahead would then see the dot.
  if (text.charCodeAt(end) === 46 /* . */) end++;
  const digit = skipRegexSpaces(text, end, text.length);
  return isDigit(text.charCodeAt(digit)) ? digit : -1;
}

/** Whether `lower` (lower-case ASCII letters) is written at `at` in any case. */
function asciiWordAt(text: string, at: number, lower: string): boolean {
  for (let index = 0; index < lower.length; index++) {
    // OR 0x20 makes a lower-case letter only of that letter in either case.
    if ((text.charCodeAt(at + index) | 32) !== lower.charCodeAt(index)) return false;
  }
  return true;
}

/** A character `\b` counts as part of a word: [A-Za-z0-9_]. */
function isWordCode(code: number): boolean {
  return isAsciiLetterOrDigit(code) || code === 95; /* _ */
}

/** Where sticky `regex` matching at `position` ends, if it ends within `window` characters; else -1 (no copy of the text). */
function matchEndWithin(regex: RegExp, text: string, position: number, window: number): number {
  regex.lastIndex = position;
  if (!regex.test(text)) return -1;
  return regex.lastIndex <= position + window ? regex.lastIndex : -1;
}

/** An ASCII letter at `position` with no ASCII letter or digit right after it: `A` in `REF A,` but not in `REF Annex`. */
function isCitedLetterAt(text: string, position: number): boolean {
  return isAsciiLetter(text.charCodeAt(position)) && !isAsciiLetterOrDigit(text.charCodeAt(position + 1));
}

/** After a paragraph number, ` A meeting`: a capital starting a sentence, not a sub-paragraph letter. */
function startsSentence(text: string, at: number): boolean {
  let after = at + 2;
  while (after < at + 6 && after < text.length && isRegexSpace(text.charCodeAt(after))) after++;
  const code = text.charCodeAt(after);
  return after > at + 2 && after < at + 6 && code >= 97 && code <= 122;
}

/** Whether items arrive in document order so far, and where the last one started. */
interface ArrivalOrder {
  sorted: boolean;
  line: number;
  character: number;
}

/** Records an item's start (which never changes after it is created). */
function noteOrder(order: ArrivalOrder, line: number, character: number): void {
  if (line < order.line || (line === order.line && character < order.character)) order.sorted = false;
  order.line = line;
  order.character = character;
}

/** Where a paragraph head's parts are: number start and end, and where its mark or text starts. */
interface HeadMatch {
  numberStart: number;
  numberEnd: number;
  after: number;
  /** `7, (U)`: a comma where the dot belongs (read only when a level mark follows). */
  comma?: boolean;
}

/** Where a letter label's parts are: the letter, and where the text after the dot and spaces starts. */
interface SubLetterMatch {
  letterAt: number;
  end: number;
}

/**
 * SUB_LETTER_RE (`A.`, `1B.` after at most 8 spaces) by hand, from the first non-space at `first`: a
 * regex would make a match array for every sub-paragraph.
 */
function matchSubLetter(text: string, first: number, match: SubLetterMatch): boolean {
  if (first > 8) return false;
  let at = first;
  while (at < first + 2 && isDigit(text.charCodeAt(at))) at++;
  if (!isAsciiLetter(text.charCodeAt(at)) || text.charCodeAt(at + 1) !== 46 /* . */) return false;
  const after = at + 2;
  if (after < text.length && !isRegexSpace(text.charCodeAt(after)) && text.charCodeAt(after) !== 40 /* ( */) return false;
  match.letterAt = at;
  match.end = skipRegexSpaces(text, after, text.length);
  return true;
}

/**
 * The ASCII letter at `at`, upper-cased: a one-character string from the engine's cache, where
 * toUpperCase is a call into the runtime (thousands of labels and cited letters per long cable).
 */
function upperLetterAt(text: string, at: number): string {
  return String.fromCharCode(upperAscii(text.charCodeAt(at)));
}

/** An ASCII lower-case letter's code upper-cased; any other code as it is. */
function upperAscii(code: number): number {
  return code >= 97 && code <= 122 ? code - 32 : code;
}

function isUpperCase(letter: string): boolean {
  const code = letter.charCodeAt(0);
  return code >= 65 && code <= 90;
}

/**
 * PARAGRAPH_RE (or, with `tight`, TIGHT_PARAGRAPH_RE) by hand, filling `head`: the body tries it on every
 * line, and match arrays for each would be most of a long cable's garbage.
 */
function matchParagraphHead(text: string, tight: boolean, head: HeadMatch): boolean {
  const length = text.length;
  let at = skipRegexSpaces(text, 0, 4);
  const numberStart = at;
  while (at < length && at - numberStart <= 4 && isDigit(text.charCodeAt(at))) at++;
  const digits = at - numberStart;
  if (digits === 0 || digits > 4) return false;
  // `7, (U)`: a typed comma for the dot, taken only with a level mark after it.
  const comma = !tight && digits <= 3 && text.charCodeAt(at) === 44 && levelMarkAt(text, skipRegexSpaces(text, at + 1, 3));
  if (text.charCodeAt(at) !== 46 /* . */ && !comma) return false;
  head.comma = comma;
  at++;
  const next = text.charCodeAt(at);
  if (tight) {
    if (!(next >= 65 && next <= 90)) return false;
  } else {
    if (at < length && next !== 40 /* ( */ && !isRegexSpace(next)) return false;
    while (at < length && isRegexSpace(text.charCodeAt(at))) at++;
  }
  head.numberStart = numberStart;
  head.numberEnd = numberStart + digits;
  head.after = at;
  return true;
}

interface OpenBlock {
  kind: string;
  open: Span;
  tentative: boolean;
  /** A parenthetical `(Note: ...`: how many parentheses are open in it (it closes at its `)` or at its END). */
  parentheses?: number;
}

/** Parses a cable; never throws (an internal failure yields a model holding only the lines). */
export function parse(text: string): CableModel {
  try {
    return parseOrThrow(text);
  } catch {
    const source = typeof text === 'string' ? text : '';
    const { lines, eol } = splitLines(source);
    return emptyModel(lines, eol);
  }
}

/** The parser itself, exceptions included: for tests, which must see bugs rather than empty models. */
export function parseOrThrow(text: string): CableModel {
  const model = new CableParser(text).run();
  model.structure = readStructure(model);
  return model;
}

function emptyModel(lines: string[], eol: '\n' | '\r\n'): CableModel {
  return {
    lines,
    eol,
    transmission: [],
    addresses: [],
    captions: [],
    passingLines: [],
    paragraphs: [],
    listItems: [],
    portions: [],
    marks: [],
    blocks: [],
    blockProblems: [],
    refCitations: [],
    paragraphXrefs: [],
    artifacts: [],
    markSummary: { highest: undefined, invalid: 0 },
    structure: EMPTY_STRUCTURE,
    derived: new Map(),
  };
}

/** Splits at `\r\n`, `\n` and a lone `\r`, as LSP counts lines; `eol` is `\r\n` when most breaks are. */
export function splitLines(text: string): { lines: string[]; eol: '\n' | '\r\n' } {
  // No carriage return at all (the usual case): the engine's own split is the fastest.
  if (!text.includes('\r')) return { lines: text.split('\n'), eol: '\n' };
  const lines = text.split(LINE_BREAK_RE);
  let crlf = 0;
  for (let at = text.indexOf('\r\n'); at >= 0; at = text.indexOf('\r\n', at + 2)) crlf++;
  const breaks = lines.length - 1;
  return { lines, eol: breaks > 0 && crlf * 2 > breaks ? '\r\n' : '\n' };
}

function range(startLine: number, startCharacter: number, endLine: number, endCharacter: number): TextRange {
  return new TextRange(startLine, startCharacter, endLine, endCharacter);
}

function twoDigitYear(digits: string): number {
  const value = Number(digits);
  if (digits.length === 4) return value;
  return value >= 70 ? 1900 + value : 2000 + value;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Validates the inside of a portion mark (`S//NF`) and normalises its controls. */
export function analyseMarkInner(inner: string): { level?: Level; controls: string[]; problem?: string } {
  const tokens = inner.split(/\/\/?/);
  const controls: string[] = [];
  let problem: string | undefined;
  const levelToken = tokens[0];
  const upperLevel = levelToken.toUpperCase();
  const level = (LEVELS as readonly string[]).includes(upperLevel) ? (upperLevel as Level) : undefined;
  if (!level) problem = `"${levelToken}" is not a classification level (U, SBU, C, S, TS)`;
  else if (levelToken.trim() !== levelToken) problem = 'whitespace inside the portion mark';
  for (let i = 1; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.trim() === '') {
      problem ??= 'empty control after "/"';
      continue;
    }
    if (token.trim() !== token) problem ??= `whitespace around the control "${token.trim()}"`;
    const control = normaliseControl(token);
    if (!control) {
      problem ??= `"${token.trim()}" is not a known dissemination control`;
      controls.push(token.trim().toUpperCase().replace(/\s+/g, ' '));
    } else {
      controls.push(control);
    }
  }
  return { level, controls, problem };
}

// A cable repeats a handful of marks (`U`, `C//NF`) thousands of times: analyse each once.
type MarkAnalysis = MarkMeaning & { text: string };
const markAnalyses = new Map<string, MarkAnalysis>();
const MAX_CACHED_MARKS = 500;
// The model keeps thousands of small lists. Empty ones share this list (not frozen: features iterate these
// lists, and V8 iterates a frozen array on a slow path; the model's types make them read only). A list
// grows by exact copies up to four items, as `[]` grows to room for 16 at its first push (see withItem and exact).
const NO_ITEMS: readonly never[] = [];

/** analyseMarkInner, remembered, with the mark's text `(inner)`: the marks written the same way share it (read only). */
function analyseMarkCached(inner: string): MarkAnalysis {
  let analysed = markAnalyses.get(inner);
  if (!analysed) {
    const { level, controls, problem } = analyseMarkInner(inner);
    // Marks without controls (nearly all) share one empty list.
    analysed = { level, controls: controls.length === 0 ? NO_ITEMS : controls, problem, text: `(${inner})` };
    if (markAnalyses.size >= MAX_CACHED_MARKS) markAnalyses.clear();
    markAnalyses.set(inner, analysed);
  }
  return analysed;
}

function normaliseControl(token: string): string | undefined {
  const upper = token.trim().toUpperCase().replace(/\s+/g, ' ');
  switch (upper) {
    case 'NF':
    case 'NOFORN':
      return 'NOFORN';
    case 'FGI':
    case 'FOUO':
    case 'IMCON':
    case 'LES':
      return upper;
    case 'OC':
    case 'ORCON':
      return 'ORCON';
    case 'PR':
    case 'PROPIN':
      return 'PROPIN';
  }
  const rel = /^REL(?: TO)? (\S.*)$/.exec(upper);
  if (rel) return `REL ${rel[1]}`;
  if (/^FGI [A-Z ,]+$/.test(upper)) return upper;
  return undefined;
}

/**
 * A trailing mark counts only when its first token is an upper-case level: `(EU)` ending a line is prose.
 * By hand: thousands of lines end in a mark, and V8's lastIndexOf and a slice per line cost more than the rest.
 */
function trailingMarkStart(text: string, anyCase = false): TrailingMark | undefined {
  let end = text.length;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  if (end < 3 || text.charCodeAt(end - 1) !== 41 /* ) */) return undefined;
  // The nearest `(` before the `)`, with 1-121 characters between and no `)` among them.
  const farthest = Math.max(0, end - 122);
  let open = end - 2;
  for (; open >= farthest; open--) {
    const code = text.charCodeAt(open);
    if (code === 40 /* ( */) break;
    if (code === 41 /* ) */) return undefined;
  }
  if (open < farthest || open === end - 2) return undefined;
  if (!levelTokenAt(text, open + 1, end - 1, anyCase)) return undefined;
  trailingMark.open = open;
  trailingMark.close = end;
  return trailingMark;
}

interface TrailingMark {
  open: number;
  close: number;
}

/** trailingMarkStart's answer, one object for every call (thousands per long cable): read it before the next call. */
const trailingMark: TrailingMark = { open: 0, close: 0 };

/** Whether a line ends with terminal punctuation, perhaps followed by closing quotes or brackets. */
function endsSentence(text: string): boolean {
  let end = text.length;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  while (end > 0 && '"\')]'.includes(text[end - 1])) end--;
  return end > 0 && '.!?:;'.includes(text[end - 1]);
}

/** A paragraph head out of context: `1.`-`999.` (with `tight`, `1.Text` too), or four digits with a mark. */
function looksLikeParagraphHead(text: string, tight: boolean): boolean {
  const match = PARAGRAPH_RE.exec(text) ?? (tight ? TIGHT_PARAGRAPH_RE.exec(text) : null);
  return match !== null && (match[2].length < 4 || levelMarkAt(text, match[0].length));
}

const LEVEL_NAMES: ReadonlySet<string> = new Set(LEVELS);

/** Whether the first token of a mark's inside (up to `/` or white space) is a level: `S` of `S//NF`. */
function startsWithLevel(inner: string, anyCase: boolean): boolean {
  return levelTokenAt(inner, 0, inner.length, anyCase);
}

/** startsWithLevel for the inside of a mark at `from`-`to` in `text`, without a copy of it. */
function levelTokenAt(text: string, from: number, to: number, anyCase: boolean): boolean {
  let end = from;
  let ascii = true;
  while (end < to && end - from <= 3) {
    const code = text.charCodeAt(end);
    if (code === 47 /* / */ || isRegexSpace(code)) break;
    if (code > 127) ascii = false;
    end++;
  }
  // The longest level (SBU) has three letters.
  const length = end - from;
  if (length === 0 || length > 3) return false;
  // Upper-casing a non-ASCII letter can give a level's letter (`ſ` is `S`): the engine's rules decide.
  if (!ascii) return anyCase && LEVEL_NAMES.has(text.slice(from, end).toUpperCase());
  const first = levelCodeAt(text, from, anyCase);
  if (length === 1) return first === 85 /* U */ || first === 67 /* C */ || first === 83 /* S */;
  const second = levelCodeAt(text, from + 1, anyCase);
  if (length === 2) return first === 84 /* T */ && second === 83 /* S */;
  return first === 83 /* S */ && second === 66 /* B */ && levelCodeAt(text, from + 2, anyCase) === 85 /* U */;
}

/** The code at `at`, upper-cased when `anyCase`. */
function levelCodeAt(text: string, at: number, anyCase: boolean): number {
  const code = text.charCodeAt(at);
  return anyCase ? upperAscii(code) : code;
}

/** Whether a parenthesis at `at` is a portion mark whose first token is an upper-case level: `(S//NF)`. */
function levelMarkAt(text: string, at: number): boolean {
  const mark = /^\(([^()]{1,120})\)/.exec(text.slice(at, at + 122));
  return mark !== null && startsWithLevel(mark[1], false);
}

/** The first column from `from` (at most `max` further) that is not white space as `\s` counts it. */
function skipRegexSpaces(text: string, from: number, max: number): number {
  const stop = Math.min(text.length, from + max);
  let at = from;
  while (at < stop && isRegexSpace(text.charCodeAt(at))) at++;
  return at;
}

function isRegexSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** `text.slice(from, to).trim()` with one copy instead of two. */
function trimmedSlice(text: string, from: number, to: number): string {
  let start = Math.max(0, from);
  let end = Math.min(text.length, to);
  while (start < end && isRegexSpace(text.charCodeAt(start))) start++;
  while (end > start && isRegexSpace(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isAsciiLetterOrDigit(code: number): boolean {
  return isAsciiLetter(code) || isDigit(code);
}

/** Exactly `text.trim() === ''`, without creating a string: most lines answer at their first character. */
function isBlankText(text: string): boolean {
  if (text.length === 0) return true;
  const first = text.charCodeAt(0);
  if (first > 32 && first < 127) return false;
  // By hand: an indented line would otherwise cost a trimmed copy (regex white space is what trim removes).
  for (let at = 0; at < text.length; at++) if (!isRegexSpace(text.charCodeAt(at))) return false;
  return true;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0 || code === 0xfeff;
}

class CableParser {
  private readonly model: CableModel;
  private readonly raw: string[];
  /** Lines with artifacts removed and BOM skipped; regexes run on these. */
  private clean: string[];
  /** Cleaned column -> original column, for lines that were changed (one extra entry for the end); sparse. */
  private maps: (Int32Array | undefined)[] = [];
  /** Per changed line, each artifact as cleaned inner start, cleaned inner end, raw start, raw end; sparse. */
  private artifactBounds: (Int32Array | undefined)[] = [];
  private readonly count: number;
  private readonly consumed: Uint8Array;
  /** 1 where the cleaned line is blank (only white space), filled by prepareLine. */
  private readonly blank: Uint8Array;
  private readonly portions: Portion[] = [];
  private readonly marks: PortionMark[] = [];
  /** Whether portions and marks were found in document order (almost always: then no sort at the end). */
  private readonly portionOrder: ArrivalOrder = { sorted: true, line: 0, character: 0 };
  private readonly markOrder: ArrivalOrder = { sorted: true, line: 0, character: 0 };
  /** For the model's markSummary: the highest rank a valid mark names (-1: none), and the marks that are not valid. */
  private highestMarkRank = -1;
  private invalidMarks = 0;

  // body state
  private paragraph?: Paragraph;
  private paragraphLast = -1;
  private subParagraph?: SubParagraph;
  private subLast = -1;
  private talkingPoint?: TalkingPoint;
  private talkingPointFirst = -1;
  private talkingPointLast = -1;
  /** The run of plain text being read (see textLine): whether one is open, its first line, and its portion when it starts with a mark. */
  private chunkOpen = false;
  private chunkStartLine = 0;
  private chunkPortion: Portion | undefined = undefined;
  private readonly openBlocks: OpenBlock[] = [];
  /** The number the next item of the list being read would carry (0: no list is being read). */
  private listNext = 0;
  /** Whether the cable marks its paragraphs (two heads or more carry a level mark): then an unmarked number out of the run is a list item. */
  private marksParagraphs = false;
  /** How many of the open blocks are parentheticals: while any is, every line's parentheses are followed. */
  private openParentheticals = 0;
  /** The line after a BEGIN or END that ended its line (`End` / `note.)`), and where the keyword's words end on it. */
  private wrappedEnd?: { line: number; end: number };
  private signatureStart = Number.MAX_SAFE_INTEGER;
  /** The last head found by paragraphHeadMatch or talkingPointMatch: number (or dash) start and end, where the text starts (reused: no allocation per line). */
  private readonly headMatch: HeadMatch = { numberStart: 0, numberEnd: 0, after: 0 };
  /** The last letter label found by matchSubLetter (reused: no allocation per line). */
  private readonly subLetterMatch: SubLetterMatch = { letterAt: 0, end: 0 };
  /** Where the text after the last mark found by headMark starts. */
  private headMarkEnd = 0;
  /** A paragraph head found mid-line after the reason letters, started when the body reaches its line. */
  private pendingHead?: { line: number; column: number };

  constructor(text: string) {
    const source = typeof text === 'string' ? text : String(text ?? '');
    const { lines, eol } = splitLines(source);
    this.raw = lines;
    this.model = emptyModel(lines, eol);
    let count = lines.length;
    if (source.length > MAX_ANALYSED_CHARS) {
      let total = 0;
      count = 0;
      while (count < lines.length && total + lines[count].length + 1 <= MAX_ANALYSED_CHARS) {
        total += lines[count].length + 1;
        count++;
      }
      this.model.truncatedAtLine = count;
    }
    this.count = count;
    this.consumed = new Uint8Array(count);
    this.blank = new Uint8Array(count);
    // Most lines stay as they are: share the raw lines until one changes (then copy, see prepareLine).
    this.clean = lines;
    // Web artifacts are rare: when the text has none, each line needs only its blank test.
    if (source.includes('](#)') || source.charCodeAt(0) === 0xfeff) {
      for (let i = 0; i < count; i++) this.prepareLine(i);
    } else {
      for (let i = 0; i < count; i++) if (isBlankText(lines[i])) this.blank[i] = 1;
    }
  }

  run(): CableModel {
    const bodyStart = this.parseHeader();
    this.findEnd(bodyStart);
    this.parseBody(bodyStart);
    this.model.portions = this.portionOrder.sorted ? this.portions : sortedByStart(this.portions);
    this.model.marks = this.markOrder.sorted ? this.marks : sortedByStart(this.marks);
    this.model.markSummary = { highest: this.highestMarkRank < 0 ? undefined : LEVELS[this.highestMarkRank], invalid: this.invalidMarks };
    return this.model;
  }

  // ---- lines, columns and spans

  private prepareLine(index: number): void {
    let line = this.raw[index];
    const bomSkip = index === 0 && line.charCodeAt(0) === 0xfeff ? 1 : 0;
    if (bomSkip === 0 && !line.includes('](#)')) {
      if (isBlankText(line)) this.blank[index] = 1;
      return;
    }
    line = line.slice(bomSkip);
    const map: number[] = [];
    const bounds: number[] = [];
    let cleaned = '';
    let last = 0;
    ARTIFACT_RE.lastIndex = 0;
    for (let match = ARTIFACT_RE.exec(line); match; match = ARTIFACT_RE.exec(line)) {
      for (let c = last; c < match.index; c++) map.push(c + bomSkip);
      cleaned += line.slice(last, match.index);
      const innerStart = match.index + 1;
      for (let k = 0; k < match[1].length; k++) map.push(innerStart + k + bomSkip);
      cleaned += match[1];
      last = match.index + match[0].length;
      const start = match.index + bomSkip;
      bounds.push(cleaned.length - match[1].length, cleaned.length, start, start + match[0].length);
      this.model.artifacts.push({
        text: match[0],
        range: range(index, start, index, start + match[0].length),
        inner: { text: match[1], range: range(index, start + 1, index, start + 1 + match[1].length) },
      } satisfies WebArtifact);
    }
    for (let c = last; c < line.length; c++) map.push(c + bomSkip);
    cleaned += line.slice(last);
    map.push(line.length + bomSkip);
    if (isBlankText(cleaned)) this.blank[index] = 1;
    if (this.maps.length === 0) {
      // The first changed line: own copy of the lines, and dense arrays from now on (sparse writes would
      // turn them into dictionaries).
      this.clean = this.raw.slice(0, this.count);
      this.maps = new Array<Int32Array | undefined>(this.count).fill(undefined);
      this.artifactBounds = new Array<Int32Array | undefined>(this.count).fill(undefined);
    }
    this.clean[index] = cleaned;
    this.maps[index] = Int32Array.from(map);
    if (bounds.length > 0) this.artifactBounds[index] = Int32Array.from(bounds);
  }

  private startColumn(line: number, column: number): number {
    const map = this.maps[line];
    if (!map) return column;
    return map[Math.min(column, map.length - 1)];
  }

  private endColumn(line: number, column: number): number {
    const map = this.maps[line];
    if (!map) return column;
    if (column <= 0) return map[0];
    return map[Math.min(column - 1, map.length - 2)] + 1;
  }

  /**
   * The artifact whose cleaned inner text starts (`field` 0) or ends (`field` 1) at `column`, as an index
   * into the line's bounds, or -1. Binary search: a line may hold thousands of artifacts.
   */
  private artifactAt(line: number, column: number, field: 0 | 1): number {
    const bounds = this.artifactBounds[line];
    if (!bounds) return -1;
    let low = 0;
    let high = bounds.length / 4 - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const value = bounds[middle * 4 + field];
      if (value === column) return middle * 4;
      if (value < column) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }

  /** Like startColumn, but an element starting at an artifact's inner text starts at its `[`. */
  private elementStartColumn(line: number, column: number): number {
    const at = this.artifactAt(line, column, 0);
    return at >= 0 ? this.artifactBounds[line]![at + 2] : this.startColumn(line, column);
  }

  /** Like endColumn, but an element ending with an artifact's inner text ends after its `](#)`. */
  private elementEndColumn(line: number, column: number): number {
    const at = this.artifactAt(line, column, 1);
    return at >= 0 ? this.artifactBounds[line]![at + 3] : this.endColumn(line, column);
  }

  /** The range of a token (a code, a letter, a number): inside an artifact, just its inner text. */
  private rangeOf(line: number, start: number, end: number, endLine = line): TextRange {
    const startCharacter = this.startColumn(line, start);
    const endCharacter = endLine === line && end <= start ? startCharacter : this.endColumn(endLine, end);
    return range(line, startCharacter, endLine, endCharacter);
  }

  /** The range of an element (a line, an entry, a portion): whole artifacts at its ends included. */
  private elementRange(line: number, start: number, end: number, endLine = line): TextRange {
    const startCharacter = this.elementStartColumn(line, start);
    const endCharacter = endLine === line && end <= start ? startCharacter : this.elementEndColumn(endLine, end);
    return range(line, startCharacter, endLine, endCharacter);
  }

  /** `cleanText`: the cleaned text from `start` to `end` when the caller has it (then no copy when the line is unchanged). */
  private span(line: number, start: number, end: number, cleanText?: string): Span {
    const spanRange = this.rangeOf(line, start, end);
    return { text: this.textAt(spanRange, cleanText), range: spanRange };
  }

  /** The text of a one-line range as written; `cleanText` is used when the line has no artifact. */
  private textAt(spanRange: TextRange, cleanText?: string): string {
    const line = spanRange.startLine;
    if (cleanText !== undefined && this.maps[line] === undefined) return cleanText;
    return this.raw[line].slice(spanRange.startCharacter, spanRange.endCharacter);
  }


  /** The first 80 characters of a head's text, trimmed. */
  private title(line: number, from: number): string {
    const text = this.clean[line];
    return trimmedSlice(text, from, Math.min(text.length, from + 80));
  }

  private elementSpan(line: number, start: number, end: number): Span {
    const spanRange = this.elementRange(line, start, end);
    return { text: this.raw[line].slice(spanRange.startCharacter, spanRange.endCharacter), range: spanRange };
  }

  /** Text of a multi-line range as written, lines joined with '\n'. */
  private textOf(spanRange: Range): string {
    const { start, end } = spanRange;
    if (start.line === end.line) return this.raw[start.line].slice(start.character, end.character);
    const parts = [this.raw[start.line].slice(start.character)];
    for (let i = start.line + 1; i < end.line; i++) parts.push(this.raw[i]);
    parts.push(this.raw[end.line].slice(0, end.character));
    return parts.join('\n');
  }

  /** An element over lines (whole artifacts at its ends). */
  private multiSpan(startLine: number, startCol: number, endLine: number, endCol: number): Span {
    const spanRange = this.elementRange(startLine, startCol, endCol, endLine);
    return { text: this.textOf(spanRange), range: spanRange };
  }

  private isBlank(line: number): boolean {
    return line >= this.count || line < 0 || this.blank[line] === 1;
  }

  /** The cleaned column of the first non-space character (the length when there is none). */
  private lineStart(line: number): number {
    const text = this.clean[line];
    let start = 0;
    while (start < text.length && isSpace(text.charCodeAt(start))) start++;
    return start;
  }

  /** The cleaned column after the last non-space character (the length when there is none). */
  private lineEnd(line: number): number {
    const text = this.clean[line];
    let end = text.length;
    while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
    return end === 0 ? text.length : end;
  }

  private lineSpan(line: number): Span {
    return this.elementSpan(line, this.lineStart(line), this.lineEnd(line));
  }

  private addPortion(portion: Portion): void {
    this.portions.push(portion);
    noteOrder(this.portionOrder, portion.range.startLine, portion.range.startCharacter);
  }

  private mark(line: number, open: number, close: number, inner = this.clean[line].slice(open + 1, close - 1)): PortionMark {
    const analysed = analyseMarkCached(inner);
    const start = this.startColumn(line, open);
    const end = close <= open ? start : this.endColumn(line, close);
    // A mark written as it reads (no artifact inside) shares the one text string of its analysis.
    const written = this.raw[line];
    const text = end - start === analysed.text.length && written.startsWith(analysed.text, start) ? analysed.text : written.slice(start, end);
    const mark = new Mark(text, line, start, end, analysed);
    this.marks.push(mark);
    if (!isValidMark(mark)) this.invalidMarks++;
    else this.highestMarkRank = Math.max(this.highestMarkRank, levelRank(mark.level));
    noteOrder(this.markOrder, line, start);
    return mark;
  }

  /** A mark candidate right after a number, label or dash; `(a)`/`(1)` are sub-labels, not marks. */
  /** `levelFirst`: after a dash or SUBJECT:, where `(UN)` is more likely prose than a wrong mark. */
  /** The mark at `position` that heads a portion; `headMarkEnd` is then where the text after it starts. */
  private headMark(line: number, position: number, levelFirst = false): PortionMark | undefined {
    const text = this.clean[line];
    // `(` then 1-120 characters other than parentheses then `)` (by hand: no match arrays per head).
    if (text.charCodeAt(position) !== 40 /* ( */) return undefined;
    const closeAt = text.indexOf(')', position + 1);
    if (closeAt < 0) return this.wrappedHeadMark(line, position);
    if (closeAt === position + 1 || closeAt - position - 1 > 120) return undefined;
    const inner = text.slice(position + 1, closeAt);
    if (inner.includes('(')) return undefined;
    const first = inner.charCodeAt(0);
    if (isDigit(first) && /^\d+$/.test(inner)) return undefined;
    if (inner.length === 1 && first >= 97 && first <= 122 && !'ucs'.includes(inner)) return undefined;
    // A long parenthesis is a mark only when it starts with a level: `(S//REL AFGHANISTAN, ...)`.
    if ((inner.length > 12 || levelFirst) && !startsWithLevel(inner, true)) return undefined;
    let end = closeAt + 1;
    while (end < text.length && isRegexSpace(text.charCodeAt(end))) end++;
    this.headMarkEnd = end;
    return this.mark(line, position, closeAt + 1, inner);
  }

  /**
   * A head's mark that the line's end wraps: `2. (S//REL AFGHANISTAN, KYRGYZSTAN,` / `TAJIKISTAN) Text`.
   * One mark when it starts with a level and both parts hold only the words of controls.
   */
  private wrappedHeadMark(line: number, position: number): PortionMark | undefined {
    // The parts, line by line, until the closing parenthesis: at most three lines and 160 characters.
    const parts = [this.clean[line].slice(position + 1)];
    let endLine = line;
    let closeAt = -1;
    while (closeAt < 0 && endLine - line < 2 && endLine + 1 < this.count && !this.isBlank(endLine + 1)) {
      endLine++;
      closeAt = this.clean[endLine].indexOf(')');
      parts.push(closeAt < 0 ? this.clean[endLine] : this.clean[endLine].slice(0, closeAt));
    }
    const inner = parts.map((part) => part.trim()).join(' ').trim();
    if (closeAt < 0 || inner.length > 160 || !/^[A-Za-z/ ,.-]+$/.test(inner) || !startsWithLevel(inner, true)) return undefined;
    const analysed = analyseMarkCached(inner);
    if (analysed.problem !== undefined) return undefined;
    const start = this.startColumn(line, position);
    const end = this.endColumn(endLine, closeAt + 1);
    const text = [this.raw[line].slice(start), ...this.raw.slice(line + 1, endLine), this.raw[endLine].slice(0, end)].join('\n');
    const mark = new Mark(text, line, start, end, analysed, endLine);
    this.marks.push(mark);
    this.highestMarkRank = Math.max(this.highestMarkRank, levelRank(mark.level!));
    noteOrder(this.markOrder, line, start);
    this.headMarkEnd = this.clean[line].length;
    return mark;
  }

  // ---- header

  /** Parses the header lines; returns the first body line. */
  private parseHeader(): number {
    const model = this.model;
    let line = 0;
    let firstBodyLine = this.count;
    let lastHeaderLine = -1;
    let seenEoOrLater = false;
    let headerEnd: { line: number; character: number } | undefined;
    while (line < this.count) {
      if (this.isBlank(line)) {
        line++;
        continue;
      }
      const text = this.clean[line];
      const beforeAddresses = !model.precedence && model.addresses.length === 0 && !model.banner && !seenEoOrLater;
      // Until the E.O. line, a received cable's parts come in any order: a page's banner and routing
      // lines may stand before the precedence line, and the banner with the message reference after them.
      const beforeEo = !seenEoOrLater;
      let next = line + 1;
      if (this.isParagraphHead(line)) {
        firstBodyLine = line;
        break;
      } else if (beforeEo && this.transmissionLine(line, beforeAddresses)) {
        // recorded
      } else if (beforeEo && !model.precedence && this.precedenceLine(line)) {
        // recorded
      } else if (beforeEo && ADDRESS_RE.test(text) && !/^\s*INFO\s+(?:LOG-|PAGE\b)/i.test(text)) {
        next = this.addressBlock(line);
      } else if (beforeEo && (!model.banner || isPageBanner(model.banner)) && this.bannerLine(line)) {
        // recorded
      } else if (!model.eo && (EO_RE.test(text) || DECL_ONLY_RE.test(text)) && this.eoLine(line)) {
        seenEoOrLater = true;
      } else if (!model.tags && TAGS_RE.test(text)) {
        next = this.tagsLine(line);
        seenEoOrLater = true;
      } else if (!model.subject && SUBJECT_RE.test(text)) {
        next = this.subjectLines(line);
        seenEoOrLater = true;
      } else if (!model.refs && REF_RE.test(text)) {
        next = this.refBlock(line);
        seenEoOrLater = true;
      } else if (!model.classifiedBy && CLASSIFIED_BY_RE.test(text)) {
        next = this.classifiedBy(line, 0);
        seenEoOrLater = true;
        if (this.pendingHead) {
          // Paragraph 1 starts on the block's last line: the header ends where the block does.
          firstBodyLine = this.pendingHead.line;
          headerEnd = model.classifiedBy!.range.end;
          break;
        }
      } else if (model.banner && !seenEoOrLater) {
        if (!this.captionLine(line)) model.passingLines.push(this.lineSpan(line));
        else if (model.eo) seenEoOrLater = true;
      } else if (seenEoOrLater || model.banner || TALKING_POINT_RE.test(text) || /^\s*\(/.test(text)) {
        // The header ends at the body, not at the first line it does not know (a TAGS line written twice,
        // `For the Ambassador`): while a part of it still follows before any paragraph, the line passes.
        if (!this.headerPartFollows(line + 1)) {
          firstBodyLine = line;
          break;
        }
        model.passingLines.push(this.lineSpan(line));
      }
      lastHeaderLine = next - 1;
      line = next;
    }
    if (line >= this.count && !headerEnd) firstBodyLine = this.count;
    const anyHeader = model.transmission.length > 0 || model.precedence || model.addresses.length > 0 || model.banner || seenEoOrLater;
    // A text with nothing of a header (a snippet, a draft's body) is all body.
    if (!anyHeader) {
      firstBodyLine = 0;
      lastHeaderLine = -1;
    }
    while (lastHeaderLine >= 0 && this.isBlank(lastHeaderLine)) lastHeaderLine--;
    if (headerEnd) model.headerRange = range(0, 0, headerEnd.line, headerEnd.character);
    else if (lastHeaderLine >= 0) model.headerRange = range(0, 0, lastHeaderLine, this.raw[lastHeaderLine].length);
    return firstBodyLine;
  }

  /** `anyLine`: before the addresses, any line after a transmission line is one too. */
  /** Whether a header part not yet read (E.O., TAGS, SUBJECT, REF, Classified By) comes before any paragraph. */
  private headerPartFollows(from: number): boolean {
    const model = this.model;
    for (let line = from, seen = 0; line < this.count && seen < 12; line++) {
      if (this.isBlank(line)) continue;
      seen++;
      const text = this.clean[line];
      if (this.isParagraphHead(line)) return false;
      if (!model.eo && (EO_RE.test(text) || DECL_ONLY_RE.test(text))) return true;
      if ((!model.tags && TAGS_RE.test(text)) || (!model.subject && SUBJECT_RE.test(text)) || (!model.refs && REF_RE.test(text))) return true;
      if (!model.classifiedBy && CLASSIFIED_BY_RE.test(text)) return true;
    }
    return false;
  }

  private transmissionLine(line: number, anyLine: boolean): boolean {
    const text = this.clean[line];
    const previous = this.model.transmission[this.model.transmission.length - 1];
    let kind: TransmissionLine['kind'] | undefined;
    const security = /^\s*(ZNY|ZNR)\s+(([A-Z])\3{4})(?![A-Z])/i.exec(text);
    if (/^\s*VZCZC/i.test(text)) kind = 'start';
    else if (/^\s*[ZOPR]{2}\s+R[A-Z]{3,}/.test(text)) kind = 'routing';
    else if (previous?.kind === 'routing' && /^\s*R[A-Z]{3,}(?:\s+R[A-Z]{3,})*\s*$/.test(text)) kind = 'routing';
    else if (/^\s*DE\s+[A-Z]{4,}/.test(text)) kind = 'origin';
    else if (security) kind = 'security';
    else if (/^\s*INFO\s+LOG-/i.test(text)) kind = 'info-log';
    else if (DISTRIBUTION_RE.test(text)) kind = 'other';
    else if (anyLine && previous && !PRECEDENCE_RE.test(text) && !ADDRESS_RE.test(text) && !BANNER_RE.test(text)) kind = 'other';
    if (!kind) return false;
    const entry: TransmissionLine = Object.assign(this.lineSpan(line), { kind });
    if (security) {
      const start = security.index + security[0].length - 5;
      entry.securityLetters = this.span(line, start, start + 5);
      const level = SECURITY_LETTER_LEVELS[security[3].toUpperCase()];
      if (level) entry.securityLevel = level;
    }
    this.model.transmission.push(entry);
    return true;
  }

  private precedenceLine(line: number): boolean {
    const text = this.clean[line];
    const match = PRECEDENCE_RE.exec(text);
    if (!match) return false;
    const precedences: Span[] = [];
    const firstAt = text.indexOf(match[1]);
    precedences.push(this.span(line, firstAt, firstAt + 1));
    const dtgAt = text.lastIndexOf(match[3]);
    if (match[2]) {
      const secondAt = text.lastIndexOf(match[2], dtgAt - 1);
      precedences.push(this.span(line, secondAt, secondAt + 1));
    }
    const entry: PrecedenceLine = Object.assign(this.lineSpan(line), { precedences });
    const wrong = precedences.find((p) => !'ZOPR'.includes(p.text.toUpperCase()));
    if (wrong) entry.problem = `"${wrong.text}" is not a precedence (Z, O, P or R)`;
    entry.dtg = this.dtg(line, dtgAt, match);
    this.model.precedence = entry;
    return true;
  }

  private dtg(line: number, at: number, match: RegExpExecArray): Dtg {
    const day = Number(match[4]);
    const hour = Number(match[5]);
    const minute = Number(match[6]);
    const month = MONTHS.indexOf(match[7].toUpperCase()) + 1;
    const year = twoDigitYear(match[8]);
    const dtg: Dtg = Object.assign(this.span(line, at, at + match[3].length), { day, hour, minute, month, year });
    let problem: string | undefined;
    if (month === 0) problem = `"${match[7]}" is not a month`;
    else if (day < 1 || day > daysInMonth(year, month)) problem = `day ${match[4]} does not exist in ${MONTHS[month - 1]} ${year}`;
    else if (hour > 23) problem = `hour ${match[5]} is not 00-23`;
    else if (minute > 59) problem = `minute ${match[6]} is not 00-59`;
    if (problem) dtg.problem = problem;
    else dtg.date = new Date(Date.UTC(year, month - 1, day, hour, minute));
    return dtg;
  }

  private addressBlock(line: number): number {
    const text = this.clean[line];
    const match = ADDRESS_RE.exec(text)!;
    const keywordStart = match[1].length;
    const kind = match[2].toUpperCase() as 'FM' | 'TO' | 'INFO';
    const keyword = Object.assign(this.span(line, keywordStart, keywordStart + match[2].length), { kind });
    const addressees: Addressee[] = [];
    const first = this.addressee(line, keywordStart + match[2].length);
    if (first) addressees.push(first);
    let last = line;
    let next = line + 1;
    while (next < this.count && !this.isBlank(next)) {
      const nextText = this.clean[next];
      if (ADDRESS_RE.test(nextText) || BANNER_RE.test(nextText) || PRECEDENCE_RE.test(nextText) || EO_RE.test(nextText) ||
        TAGS_RE.test(nextText) || SUBJECT_RE.test(nextText)) {
        break;
      }
      const addressee = this.addressee(next, 0);
      if (addressee) addressees.push(addressee);
      last = next;
      next++;
    }
    const block: AddressBlock = Object.assign(this.multiSpan(line, keywordStart, last, this.lineEnd(last)), { keyword, addressees });
    this.model.addresses.push(block);
    return last + 1;
  }

  private addressee(line: number, from: number): Addressee | undefined {
    const text = this.clean[line];
    let start = from;
    let end = this.lineEnd(line);
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    if (start >= end) return undefined;
    const whole = this.span(line, start, end);
    let routing: Span | undefined;
    const routingMatch = /^([A-Z0-9]{2,8})\//.exec(text.slice(start, end));
    if (routingMatch) {
      routing = this.span(line, start, start + routingMatch[1].length);
      start += routingMatch[0].length;
    }
    let serial: Span | undefined;
    const body = text.slice(start, end);
    const serialMatch = /\s(\d{1,6}(?:-\d{1,6})?)$/.exec(body);
    if (serialMatch) {
      serial = this.span(line, end - serialMatch[1].length, end);
      end -= serialMatch[0].length;
    }
    let precedence: Span | undefined;
    const precedenceMatch = /(?:^|\s)(NIACT\s+IMMEDIATE|IMMEDIATE|PRIORITY|ROUTINE|FLASH)$/i.exec(text.slice(start, end));
    if (precedenceMatch) {
      precedence = this.span(line, end - precedenceMatch[1].length, end);
      end -= precedenceMatch[1].length;
    }
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    const addressee: Addressee = { ...whole, name: this.span(line, start, end) };
    if (routing) addressee.routing = routing;
    if (precedence) addressee.precedence = precedence;
    if (serial) addressee.serial = serial;
    return addressee;
  }

  private bannerLine(line: number): boolean {
    const text = this.clean[line];
    const match = BANNER_RE.exec(text);
    if (!match) return false;
    const classificationStart = match.index + match[0].length - match[1].length;
    let position = match.index + match[0].length;
    const rest = text.slice(position);
    let section: Banner['section'];
    const sectionMatch = SECTION_RE.exec(rest);
    let afterSection = rest;
    if (sectionMatch) {
      const start = position + sectionMatch[0].length - sectionMatch[0].trimStart().length;
      section = Object.assign(this.span(line, start, position + sectionMatch[0].length), { number: Number(sectionMatch[1]), of: Number(sectionMatch[2]) });
      position += sectionMatch[0].length;
      afterSection = rest.slice(sectionMatch[0].length);
    }
    const trimmed = afterSection.trim();
    let messageRef: MessageRef | undefined;
    if (trimmed) {
      const refStart = position + afterSection.length - afterSection.trimStart().length;
      const found = this.messageRefAt(line, refStart);
      if (!found || text.slice(found.end).trim() !== '') return false;
      messageRef = found.ref;
    }
    const words = match[1].toUpperCase().replace(/\s+/g, ' ');
    const letters = words.replace(/ /g, '');
    const level: Level = letters.startsWith('TOP') ? 'TS' : letters.startsWith('SECRET') ? 'S' : letters.startsWith('CONF') ? 'C' : 'U';
    const banner: Banner = {
      ...this.lineSpan(line),
      classification: this.span(line, classificationStart, classificationStart + match[1].length),
      level,
      spaced: /^\S\s\S/.test(match[1]),
      efto: /EFTO$/.test(words),
    };
    if (section) banner.section = section;
    if (messageRef) banner.messageRef = messageRef;
    this.model.banner = banner;
    return true;
  }

  /** The cleaned column where a range (on one line) ends. */
  private cleanEnd(line: number, spanRange: Range): number {
    return this.cleanColumn(line, spanRange.end.character);
  }

  /** The first cleaned column whose original column is at or after `character` (binary search). */
  private cleanColumn(line: number, character: number): number {
    const map = this.maps[line];
    if (!map) return character;
    let low = 0;
    let high = map.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (map[middle] < character) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** A cable reference at `from`: `STATE 109154`, `08 STATE 95573`, `RIO DE JANEIRO 000440`. */
  private messageRefAt(line: number, from: number, to?: number): { ref: MessageRef; end: number } | undefined {
    const text = this.clean[line].slice(from, to);
    const match = MESSAGE_REF_RE.exec(text);
    if (!match) return undefined;
    const post = match[2].toUpperCase().replace(/\s+/g, ' ');
    if (isNotPost(post)) return undefined;
    const ref: MessageRef = {
      ...this.span(line, from, from + match[0].length),
      post: post === 'SECSTATE' ? 'STATE' : post,
      serial: match[3].replace(/^0+(?=\d)/, ''),
    };
    if (match[1]) ref.year = twoDigitYear(match[1]);
    return { ref, end: from + match[0].length };
  }

  private captionLine(line: number): boolean {
    const text = this.clean[line];
    const words: Caption[] = [];
    const wordRe = /\S+/g;
    for (let match = wordRe.exec(text); match; match = wordRe.exec(text)) {
      const name = match[0].toUpperCase();
      if (!CAPTION_WORDS.has(name)) {
        // `SIPDIS E.O. 12958: N/A`: captions, then the E.O. line on the same line.
        const rest = text.slice(match.index);
        if (words.length === 0 || this.model.eo || !(EO_RE.test(rest) || DECL_ONLY_RE.test(rest))) return false;
        this.model.captions.push(...words);
        return this.eoLine(line, match.index);
      }
      words.push(Object.assign(this.span(line, match.index, match.index + match[0].length), { name }));
    }
    this.model.captions.push(...words);
    return words.length > 0;
  }

  /** The E.O. line from `from` (after captions on the same line, else 0). */
  private eoLine(line: number, from = 0): boolean {
    const text = this.clean[line];
    const match = EO_RE.exec(text.slice(from));
    let keyword: Span;
    let order: EoLine['order'];
    let position: number;
    let keywordStart: number;
    if (match) {
      keywordStart = from + match[1].length;
      keyword = this.span(line, keywordStart, keywordStart + match[2].length);
      if (match[3]) {
        const orderStart = text.indexOf(match[3], keywordStart + match[2].length);
        order = Object.assign(this.span(line, orderStart, orderStart + match[3].length), { value: Number(match[3]) });
      }
      position = from + match[0].length;
    } else {
      const declMatch = DECL_ONLY_RE.exec(text.slice(from))!;
      position = from + declMatch[1].length;
      keywordStart = position;
      keyword = this.span(line, position, position + 4);
    }
    const eo: EoLine = Object.assign(this.elementSpan(line, keywordStart, this.lineEnd(line)), { keyword });
    if (order) eo.order = order;
    const end = this.lineEnd(line);
    const rest = text.slice(position, end);
    if (/DECLASSIFIED/i.test(rest) && !/^DECL\s*:/i.test(rest)) {
      eo.instruction = Object.assign(this.span(line, position, end), { kind: 'declassified' as const });
      this.model.eo = eo;
      return true;
    }
    const downgrade = /\bDNG\s*:/i.exec(rest);
    let instructionEnd = end;
    if (downgrade) {
      eo.downgrade = this.span(line, position + downgrade.index, end);
      instructionEnd = position + downgrade.index;
    }
    const decl = /^DECL\s*:?\s*/i.exec(rest);
    let instructionStart = position;
    if (decl) {
      const declWord = /^DECL/i.exec(rest)![0];
      eo.declKeyword = this.span(line, position, position + declWord.length);
      instructionStart = position + decl[0].length;
    }
    while (instructionEnd > instructionStart && isSpace(text.charCodeAt(instructionEnd - 1))) instructionEnd--;
    if (instructionEnd > instructionStart && (decl || !downgrade)) {
      eo.instruction = this.instruction(line, instructionStart, instructionEnd);
    }
    this.model.eo = eo;
    return true;
  }

  private instruction(line: number, start: number, end: number): DeclassificationInstruction {
    const base = this.span(line, start, end);
    const value = this.clean[line].slice(start, end).replace(/\.$/, '').trim();
    const upper = value.toUpperCase();
    let match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
    if (match) return this.dateInstruction(base, Number(match[3]), Number(match[1]), Number(match[2]), 'MM/DD/YYYY');
    match = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(value);
    if (match) return this.dateInstruction(base, Number(match[1]), Number(match[2]), Number(match[3]), 'YYYY/MM/DD');
    match = /^(\d{1,2})[-.](\d{1,2})[-.](\d{2}|\d{4})$/.exec(value);
    if (match) return this.dateInstruction(base, twoDigitYear(match[3]), Number(match[1]), Number(match[2]), 'other');
    if (upper === 'N/A' || upper === 'NA') return { ...base, kind: 'na' };
    match = /^(25X\d+|50X\d+(?:-[A-Z]+)?)(?![A-Z0-9])/.exec(upper);
    if (match) return { ...base, kind: 'exemption', code: match[1], known: KNOWN_EXEMPTIONS.has(match[1]) };
    match = /^(OADR|MR|X[1-8])$/.exec(upper);
    if (match) return { ...base, kind: 'obsolete', code: match[1] };
    if (/[A-Z]{2,}\s+[A-Z]{2,}/.test(upper)) return { ...base, kind: 'event' };
    return { ...base, kind: 'unknown' };
  }

  private dateInstruction(base: Span, year: number, month: number, day: number, format: 'MM/DD/YYYY' | 'YYYY/MM/DD' | 'other'): DeclassificationInstruction {
    const valid = month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
    return { ...base, kind: 'date', year, month, day, valid, format };
  }

  private tagsLine(line: number): number {
    const match = TAGS_RE.exec(this.clean[line])!;
    const keyword = this.span(line, match[1].length, match[1].length + match[2].length);
    const tags: Tag[] = [];
    let comma = false;
    const collect = (index: number, from: number) => {
      const text = this.clean[index];
      if (text.includes(',')) comma = true;
      const tokenRe = /[^\s,]+/g;
      tokenRe.lastIndex = from;
      for (let token = tokenRe.exec(text); token; token = tokenRe.exec(text)) {
        tags.push(Object.assign(this.span(index, token.index, token.index + token[0].length), { code: token[0].toUpperCase() }));
      }
    };
    collect(line, match[0].length);
    const lineRanges = [this.lineSpan(line).range];
    let last = line;
    while (last + 1 < this.count && !this.isBlank(last + 1)) {
      const text = this.clean[last + 1];
      if (SUBJECT_RE.test(text) || TAGS_RE.test(text) || !/^[\s,]*[A-Z][A-Z0-9]{1,7}(?:[\s,]+[A-Z][A-Z0-9]{1,7})*[\s,]*$/.test(text)) break;
      last++;
      collect(last, 0);
      lineRanges.push(this.lineSpan(last).range);
    }
    const tagsLine: TagsLine = {
      ...this.multiSpan(line, match[1].length, last, this.lineEnd(last)),
      keyword,
      tags,
      separator: comma ? ',' : ' ',
      lineRanges,
    };
    this.model.tags = tagsLine;
    return last + 1;
  }

  private subjectLines(line: number): number {
    const text = this.clean[line];
    const match = SUBJECT_RE.exec(text)!;
    const keyword = this.span(line, match[1].length, match[1].length + match[2].length);
    let last = line;
    while (last + 1 < this.count && !this.isBlank(last + 1)) {
      const next = this.clean[last + 1];
      if (REF_RE.test(next) || CLASSIFIED_BY_RE.test(next) || looksLikeParagraphHead(next, false) || EO_RE.test(next) || TAGS_RE.test(next)) break;
      last++;
    }
    let titleStart = match[0].length;
    let mark: PortionMark | undefined;
    let markPosition: 'start' | 'end' | undefined;
    const leading = this.headMark(line, titleStart, true);
    if (leading) {
      mark = leading;
      markPosition = 'start';
      titleStart = this.headMarkEnd;
    }
    let lastEnd = this.lineEnd(last);
    if (!mark) {
      // A subject may be typed in lower case: `... concern (s)`.
      const trailing = trailingMarkStart(this.clean[last].slice(last === line ? titleStart : 0), true);
      if (trailing) {
        const offset = last === line ? titleStart : 0;
        mark = this.mark(last, offset + trailing.open, offset + trailing.close);
        markPosition = 'end';
        lastEnd = offset + trailing.open;
      }
    }
    const parts: string[] = [];
    for (let i = line; i <= last; i++) {
      const from = i === line ? titleStart : 0;
      const to = i === last ? lastEnd : this.clean[i].length;
      const piece = this.clean[i].slice(from, to).trim();
      if (piece) parts.push(piece);
    }
    const subject: Subject = {
      ...this.multiSpan(line, match[1].length, last, this.lineEnd(last)),
      keyword,
      title: parts.join(' '),
    };
    if (mark) {
      subject.mark = mark;
      subject.markPosition = markPosition;
    }
    this.model.subject = subject;
    const portion: Portion = { kind: 'subject', range: subject.range };
    if (mark) {
      portion.mark = mark;
      portion.markPosition = markPosition === 'start' ? 'leading' : 'trailing';
    }
    this.addPortion(portion);
    return last + 1;
  }

  /** Whether a cable reference (`STATE 10152`, `08 LUANDA 536`) starts at `from`. */
  private startsWithMessageRef(line: number, from: number): boolean {
    let start = from;
    while (start < this.clean[line].length && isSpace(this.clean[line].charCodeAt(start))) start++;
    return this.messageRefAt(line, start) !== undefined;
  }

  private refBlock(line: number): number {
    const match = REF_RE.exec(this.clean[line])!;
    const keyword = this.span(line, match[1].length, match[1].length + match[2].length);
    const entries: RefEntry[] = [];
    const lettered = REF_LABEL_AT_START_RE.test(this.clean[line].slice(match[0].length));
    // Building entry: its pieces of description as (line, start, end).
    let current: { letter?: string; letterRange?: TextRange; start: { line: number; col: number }; pieces: Array<[number, number, number]> } | undefined;
    const finish = () => {
      if (!current) return;
      const pieces = current.pieces.filter(([l, s, e]) => this.clean[l].slice(s, e).trim() !== '');
      const description = pieces.map(([l, s, e]) => this.clean[l].slice(s, e).trim()).join(' ');
      const first = pieces[0] ?? current.pieces[0];
      const last = pieces[pieces.length - 1] ?? first;
      const [firstLine, firstStart] = this.trimPiece(first);
      const [lastLine, , lastEnd] = this.trimPiece(last);
      const descriptionRange = this.elementRange(firstLine, firstStart, lastEnd, lastLine);
      const entry: RefEntry = {
        ...this.multiSpan(current.start.line, current.start.col, lastLine, Math.max(lastEnd, lastLine === current.start.line ? current.start.col : 0)),
        description,
        descriptionRange,
      };
      if (current.letter) {
        entry.letter = current.letter;
        entry.letterRange = current.letterRange;
      }
      const cable = this.refCable(firstLine, firstStart, first[2]) ?? this.joinedRefCable(description, descriptionRange);
      if (cable) entry.cable = cable;
      entries.push(entry);
      current = undefined;
    };
    const expected = () => {
      const previous = current?.letter ?? entries[entries.length - 1]?.letter;
      return previous ? String.fromCharCode(previous.charCodeAt(0) + 1) : 'A';
    };
    // Splits one line's text from `from` into the current entry and new lettered entries.
    const consume = (index: number, from: number, atStart: boolean) => {
      const text = this.clean[index];
      let position = from;
      if (lettered) {
        const startLabel = REF_LABEL_AT_START_RE.exec(text.slice(from));
        if (startLabel && (atStart || startLabel[2] || startLabel[3])) {
          finish();
          const letter = startLabel[2] ?? startLabel[3];
          const letterAt = from + startLabel[1].length + (startLabel[3] ? 1 : 0);
          current = { letter, letterRange: this.rangeOf(index, letterAt, letterAt + 1), start: { line: index, col: from + startLabel[1].length }, pieces: [] };
          position = from + startLabel[0].length;
        }
      }
      if (!lettered && current && atStart && index > line && this.startsWithMessageRef(index, position)) finish();
      if (!current) current = { start: { line: index, col: position }, pieces: [] };
      // Unlettered references one after another: `REF: STATE 10152; 08 LUANDA 536`.
      for (let semicolon = text.indexOf(';', position); !lettered && semicolon >= 0; semicolon = text.indexOf(';', position)) {
        let after = semicolon + 1;
        while (after < text.length && isSpace(text.charCodeAt(after))) after++;
        if (!this.startsWithMessageRef(index, after)) break;
        current.pieces.push([index, position, semicolon]);
        finish();
        current = { start: { line: index, col: after }, pieces: [] };
        position = after;
      }
      // Inline labels for the next expected letter: `A. STATE 1  B. KABUL 2`, `A) X, B) Y`, `(C) Z`.
      while (lettered) {
        const want = expected();
        const inline = new RegExp(`(^|[\\s,;])(?:(${want})[.)]|\\((${want})\\))(?=\\s|$)\\s*`, 'g');
        inline.lastIndex = position;
        const found = inline.exec(text);
        if (!found) break;
        const labelStart = found.index + found[1].length;
        current.pieces.push([index, position, labelStart]);
        finish();
        const letterAt = labelStart + (found[3] ? 1 : 0);
        current = { letter: want, letterRange: this.rangeOf(index, letterAt, letterAt + 1), start: { line: index, col: labelStart }, pieces: [] };
        position = found.index + found[0].length;
      }
      current.pieces.push([index, position, this.lineEnd(index)]);
    };
    consume(line, match[0].length, true);
    let last = line;
    let next = line + 1;
    while (next < this.count) {
      if (this.isBlank(next)) {
        if (!lettered) break;
        let ahead = next;
        while (ahead < this.count && this.isBlank(ahead)) ahead++;
        if (ahead >= this.count || !REF_LABEL_AT_START_RE.test(this.clean[ahead]) || this.isStructural(ahead)) break;
        next = ahead;
        continue;
      }
      if (this.isStructural(next) || CLASSIFIED_BY_RE.test(this.clean[next])) break;
      consume(next, 0, true);
      last = next;
      next++;
    }
    finish();
    // Unlettered references are lettered implicitly, in order: `ref B` names the second (no letter is written, so none is relettered).
    if (!lettered) entries.forEach((entry, index) => index < 26 && (entry.letter = String.fromCharCode(65 + index)));
    const block: RefBlock = Object.assign(this.multiSpan(line, match[1].length, last, this.lineEnd(last)), { keyword, entries });
    this.model.refs = block;
    return last + 1;
  }

  /** A cable reference broken over lines (`D) 2008 BAKU` / `917`): found in the joined text, ranged over it. */
  private joinedRefCable(description: string, descriptionRange: TextRange): MessageRef | undefined {
    if (descriptionRange.start.line === descriptionRange.end.line) return undefined;
    const match = MESSAGE_REF_RE.exec(description.replace(/^\([A-Z]\)\s*/, ''));
    if (!match) return undefined;
    const post = match[2].toUpperCase().replace(/\s+/g, ' ');
    if (isNotPost(post)) return undefined;
    const ref: MessageRef = {
      text: this.textOf(descriptionRange),
      range: descriptionRange,
      post: post === 'SECSTATE' ? 'STATE' : post,
      serial: match[3].replace(/^0+(?=\d)/, ''),
    };
    if (match[1]) ref.year = twoDigitYear(match[1]);
    return ref;
  }

  private trimPiece([line, start, end]: [number, number, number]): [number, number, number] {
    const text = this.clean[line];
    let s = start;
    let e = end;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    return [line, s, e];
  }

  private refCable(line: number, start: number, end: number): MessageRef | undefined {
    let from = start;
    const repeated = /^\([A-Z]\)\s*/.exec(this.clean[line].slice(from, end));
    if (repeated) from += repeated[0].length;
    return this.messageRefAt(line, from, end)?.ref;
  }

  /** A line that starts a new structure: paragraph, sub-paragraph, talking point, header keyword. */
  private isStructural(line: number): boolean {
    const text = this.clean[line];
    return looksLikeParagraphHead(text, false) || TALKING_POINT_RE.test(text) || SUBJECT_RE.test(text) || TAGS_RE.test(text) ||
      EO_RE.test(text) || NNNN_RE.test(text);
  }

  private classifiedBy(line: number, from: number): number {
    const text = this.clean[line];
    let keywordStart = from;
    while (keywordStart < text.length && isSpace(text.charCodeAt(keywordStart))) keywordStart++;
    CLASSIFIED_BY_AT_RE.lastIndex = keywordStart;
    const match = CLASSIFIED_BY_AT_RE.exec(text);
    if (!match) return line + 1;
    const keyword = this.span(line, keywordStart, keywordStart + match[1].length);
    const after = keywordStart + match[0].length;
    let last = line;
    let reasonLine = line;
    let reason = findReason(text, after);
    // The reason may sit on the next line (`Reason: 1.4 (B), (D).`, or a word broken as `FO`/`R REASONS`).
    if (!reason && line + 1 < this.count && !this.isBlank(line + 1) && !this.isStructural(line + 1)) {
      const nextReason = findReason(this.clean[line + 1], 0);
      if (nextReason) {
        reason = nextReason;
        reasonLine = line + 1;
        last = line + 1;
      }
    }
    // Where a paragraph starting mid-line cuts the last line of the block (cleaned column), or -1.
    let cutEnd = -1;
    let classifierEnd = reason && reasonLine === line ? reason.keywordStart : this.lineEnd(line);
    while (classifierEnd > after && /[\s.,;:-]/.test(text[classifierEnd - 1])) classifierEnd--;
    const classifiedBy: ClassifiedBy = Object.assign(this.elementSpan(line, keywordStart, this.lineEnd(line)), { keyword, letters: [] });
    if (classifierEnd > after) classifiedBy.classifier = this.span(line, after, classifierEnd);
    if (reason) {
      const reasonText = this.clean[reasonLine];
      if (reason.keywordEnd > reason.keywordStart) {
        classifiedBy.reasonKeyword = this.span(reasonLine, reason.keywordStart, reason.keywordEnd);
      }
      const reasonStart = reason.keywordEnd > reason.keywordStart ? reason.keywordEnd : reason.sectionStart;
      let reasonStartCol = reasonStart;
      while (reasonStartCol < reasonText.length && isSpace(reasonText.charCodeAt(reasonStartCol))) reasonStartCol++;
      let scanLine = reasonLine;
      let scanFrom = reasonStartCol;
      if (reason.sectionStart >= 0) {
        classifiedBy.section = this.span(reasonLine, reason.sectionStart, reason.sectionStart + 3);
        scanFrom = reason.sectionStart + 3;
      } else if (reasonStartCol >= this.lineEnd(reasonLine) && reasonLine + 1 < this.count && !this.isStructural(reasonLine + 1)) {
        // `... FOR REASONS` / `1.4 (b), (c), and (d).`
        const sectionMatch = /^\s*(1\.[45])(?!\d)/.exec(this.clean[reasonLine + 1]);
        if (sectionMatch) {
          scanLine = reasonLine + 1;
          const sectionStart = sectionMatch[0].length - 3;
          classifiedBy.section = this.span(scanLine, sectionStart, sectionStart + 3);
          scanFrom = sectionStart + 3;
        }
      }
      for (;;) {
        const scan = scanLetters(this.clean[scanLine], scanFrom);
        for (const [at, letter] of scan.letters) {
          classifiedBy.letters.push(Object.assign(this.span(scanLine, at, at + 1), { letter: letter.toLowerCase() }) satisfies ReasonLetter);
        }
        last = Math.max(last, scanLine);
        if (!scan.reachedEnd && this.midLineParagraphAt(scanLine, scan.stop)) {
          // `REASON: 1.4 (b), (d) 1. (C) Summary: ...`: paragraph 1 starts on this line, and ends the reason.
          this.pendingHead = { line: scanLine, column: scan.stop };
          cutEnd = scan.stop;
          while (cutEnd > 0 && isSpace(this.clean[scanLine].charCodeAt(cutEnd - 1))) cutEnd--;
          break;
        }
        const following = scanLine + 1;
        if (!scan.reachedEnd || following >= this.count || this.isBlank(following) || this.isStructural(following)) break;
        if (!/^\s*(?:\(\s*[a-z]\s*[),]|[a-h]\s*[),]|and\b|or\b|&)/i.test(this.clean[following])) break;
        scanLine = following;
        scanFrom = 0;
      }
      const reasonEnd = cutEnd >= 0 ? cutEnd : this.lineEnd(last);
      if (reasonEnd > reasonStartCol || last > reasonLine) {
        classifiedBy.reasonText = this.multiSpan(reasonLine, reasonStartCol, last, reasonEnd);
      }
    }
    if (last > line || cutEnd >= 0) {
      const whole = this.multiSpan(line, keywordStart, last, cutEnd >= 0 ? cutEnd : this.lineEnd(last));
      classifiedBy.text = whole.text;
      classifiedBy.range = whole.range;
    }
    for (let i = line + 1; i <= last; i++) this.consumed[i] = 1;
    this.model.classifiedBy = classifiedBy;
    return last + 1;
  }

  /** `1. (C/NF) text` at `column`: a paragraph head, when a mark whose first token is an upper-case level follows. */
  private midLineParagraphAt(line: number, column: number): boolean {
    const head = MID_LINE_PARAGRAPH_RE.exec(this.clean[line].slice(column, column + 132));
    return head !== null && (LEVELS as readonly string[]).includes(/^[^/\s]*/.exec(head[2])![0]);
  }

  // ---- end of message

  private findEnd(bodyStart: number): void {
    let end = -1;
    for (let i = this.count - 1; i >= bodyStart && i >= this.count - 50; i--) {
      if (NNNN_RE.test(this.clean[i])) {
        end = i;
        break;
      }
    }
    if (end >= 0) this.model.end = this.lineSpan(end);
    let last = end >= 0 ? end - 1 : this.count - 1;
    while (last >= bodyStart && (this.isBlank(last) || /^\s*End Cable Text\s*$/i.test(this.clean[last]))) last--;
    let first = last + 1;
    while (first - 1 >= bodyStart && first - 1 >= last - 1 && SIGNATURE_RE.test(this.clean[first - 1]) && !this.isStructural(first - 1)) first--;
    // A second signature line only when it stands apart from the text above it.
    if (first < last && first - 1 >= bodyStart && !this.isBlank(first - 1)) first++;
    if (first <= last && last >= bodyStart) {
      this.model.signature = this.multiSpan(first, this.lineStart(first), last, this.lineEnd(last));
      this.signatureStart = first;
    } else if (end >= 0) {
      this.signatureStart = end;
    }
  }

  // ---- body

  private parseBody(bodyStart: number): void {
    const stop = Math.min(this.signatureStart, this.count);
    this.marksParagraphs = this.countMarkedHeads(bodyStart, stop) >= 2;
    for (let line = bodyStart; line < stop; line++) {
      if (this.blank[line] === 1) {
        this.blankLine(line);
        continue;
      }
      let headEnd = 0;
      if (this.pendingHead?.line === line) headEnd = this.pendingParagraph();
      else if (!this.consumed[line]) headEnd = this.structureLine(line);
      else this.extendCurrent(line);
      const text = this.clean[line];
      // Where a block, a citation and a cross-reference can first start on the line (KEYWORD_RE).
      let blockFrom = -1;
      let citationFrom = -1;
      let xrefFrom = -1;
      KEYWORD_RE.lastIndex = 0;
      for (let match = KEYWORD_RE.exec(text); match; match = KEYWORD_RE.exec(text)) {
        if (match[1] !== undefined) {
          if (blockFrom < 0) blockFrom = match.index;
        } else if (match[2] !== undefined) {
          if (citationFrom < 0) citationFrom = match.index;
        } else if (xrefFrom < 0) {
          xrefFrom = match.index;
        }
      }
      if (blockFrom >= 0 || this.openParentheticals > 0) this.scanBlocks(line, headEnd, blockFrom < 0 ? text.length : blockFrom);
      if (citationFrom >= 0) this.scanCitations(line, citationFrom);
      if (xrefFrom >= 0) this.scanXrefs(line, xrefFrom);
    }
    this.closeTalkingPoint();
    this.closeChunk();
    this.closeSubParagraph();
    this.closeParagraph();
    for (const open of this.openBlocks) {
      if (open.tentative) continue;
      this.model.blocks.push({ kind: open.kind, open: open.open, range: open.open.range });
      this.model.blockProblems.push({ problem: 'unclosed', kind: open.kind, span: open.open });
    }
    sortedByStart(this.model.blocks);
  }

  /** Whether the next numbered head after `line` is `value` with a level mark. */
  private nextMarkedHeadIs(line: number, value: number): boolean {
    for (let ahead = line + 1; ahead < this.count; ahead++) {
      const head = PARAGRAPH_RE.exec(this.clean[ahead]);
      if (head) return Number(head[2]) === value && levelMarkAt(this.clean[ahead], head[0].length);
    }
    return false;
  }

  private countMarkedHeads(from: number, to: number): number {
    let count = 0;
    for (let line = from; line < to && count < 2; line++) {
      const head = PARAGRAPH_RE.exec(this.clean[line]);
      if (head && levelMarkAt(this.clean[line], head[0].length)) count++;
    }
    return count;
  }

  /** Handles a non-blank body line; returns where a block opener may start after its head. */
  private structureLine(line: number): number {
    const text = this.clean[line];
    if (this.paragraphHeadMatch(line)) {
      const head = this.headMatch;
      const digits = text.slice(head.numberStart, head.numberEnd);
      const reason = this.listItemReason(line, Number(digits), text.charCodeAt(head.after) === 40 /* ( */);
      if (!reason) return this.paragraphHead(line, head.numberStart, digits, head.after);
      this.model.listItems.push({ number: Object.assign(this.span(line, head.numberStart, head.numberEnd), { value: Number(digits) }), reason });
    }
    // Each head regex runs only when the first character can start it: prose lines run none.
    const first = skipRegexSpaces(text, 0, text.length);
    const code = text.charCodeAt(first);
    if (this.paragraph) {
      const sub = this.subLetterMatch;
      // Most lines start with a word: a letter label is a letter then a dot, or starts with a digit.
      const letterThenDot = isAsciiLetter(code) && text.charCodeAt(first + 1) === 46; /* . */
      if ((letterThenDot || isDigit(code)) && matchSubLetter(text, first, sub)) {
        const letter = text[sub.letterAt];
        const prefix = sub.letterAt > first ? text.slice(first, sub.letterAt) : undefined;
        if ((prefix === undefined || isUpperCase(letter)) && this.isSubParagraphLabel(text, sub.end, letter)) {
          return this.subParagraphHead(line, first, sub.letterAt + 1, upperLetterAt(text, sub.letterAt), prefix, sub.end);
        }
      }
      const parenMatch = code === 40 /* ( */ ? SUB_PAREN_RE.exec(text) : null;
      if (parenMatch) {
        const labelStart = parenMatch[1].length;
        return this.subParagraphHead(line, labelStart, labelStart + parenMatch[2].length + 2, parenMatch[2], undefined, parenMatch[0].length);
      }
    }
    if (code === 45 /* - */ && this.talkingPointMatch(text, first)) {
      const head = this.headMatch;
      return this.talkingPointHead(line, head.numberStart, head.numberEnd, head.after);
    }
    if (this.talkingPoint) {
      this.talkingPointLast = line;
      this.touchContainers(line);
      if (trailingMarkStart(text)) this.closeTalkingPoint();
      return 0;
    }
    if ((code | 32) !== 99 /* c */ || !CLASSIFIED_BY_RE.test(text)) {
      this.textLine(line);
    } else if (!this.model.classifiedBy) {
      const next = this.classifiedBy(line, 0);
      this.touchContainers(next - 1);
      return this.pendingHead?.line === line ? this.pendingParagraph() : 0;
    }
    this.touchContainers(line);
    return 0;
  }

  /**
   * `15.` at a line start is a paragraph head when a mark follows, when it stands after a blank line or a
   * finished sentence, or when it is the next number: not `... on May` / `15. The ...` of wrapped text.
   */
  private isParagraphHead(line: number): boolean {
    return this.paragraphHeadMatch(line);
  }

  /** Whether the line starts with a head (then in `headMatch`). `1.Text` only after a blank line. */
  private paragraphHeadMatch(line: number): boolean {
    const text = this.clean[line];
    const head = this.headMatch;
    if (!matchParagraphHead(text, false, head)) {
      if (!(line === 0 || this.isBlank(line - 1)) || !matchParagraphHead(text, true, head)) return false;
      return head.numberEnd - head.numberStart < 4 || this.isNextNumber(text, head);
    }
    const marked = text.charCodeAt(head.after) === 40; /* ( */
    // Four digits: a year or an amount as often as a paragraph, so only the next number or a real mark.
    if (head.numberEnd - head.numberStart === 4) return this.isNextNumber(text, head) || (marked && levelMarkAt(text, head.after));
    if (marked) return true;
    if (line === 0 || this.isBlank(line - 1) || endsSentence(this.clean[line - 1])) return true;
    return this.isNextNumber(text, head);
  }

  /**
   * Why a numbered head is not a paragraph (cable-format.md section 13): it is quoted text inside BEGIN
   * TEXT, or an unmarked item of a list: the numbering starts again at 1, goes on from the list's last
   * item, or breaks the run in a cable whose paragraphs carry marks. Undefined for a paragraph.
   */
  private listItemReason(line: number, value: number, marked: boolean): ListItem['reason'] | undefined {
    if (this.isQuoted()) return 'quoted';
    const last = this.model.paragraphs[this.model.paragraphs.length - 1];
    if (marked || !last) {
      this.listNext = 0;
      return undefined;
    }
    const followsRun = value === last.number.value + 1;
    // A list's next number that is also the paragraphs' next: a paragraph when the next head goes on from it, marked.
    const continuesList = this.listNext > 0 && value === this.listNext && !(followsRun && this.nextMarkedHeadIs(line, value + 1));
    const startsList = value === 1;
    const outOfRun = this.marksParagraphs && !followsRun;
    if (!continuesList && !startsList && !outOfRun) {
      this.listNext = 0;
      return undefined;
    }
    this.listNext = value + 1;
    return 'list';
  }

  /** Whether the head's number is the one after the last paragraph found (1 when there is none yet). */
  private isNextNumber(text: string, head: HeadMatch): boolean {
    let value = 0;
    for (let at = head.numberStart; at < head.numberEnd; at++) value = value * 10 + text.charCodeAt(at) - 48;
    const previous = this.model.paragraphs[this.model.paragraphs.length - 1];
    return value === (previous ? previous.number.value + 1 : 1);
  }

  /** `W. Bush` at a line start is not a sub-paragraph: a label is the next letter or carries a mark. */
  /** Whether a letter label ending at `end` heads a sub-paragraph. */
  private isSubParagraphLabel(text: string, end: number, letter: string): boolean {
    if (text.charCodeAt(end) === 40 /* ( */) return true;
    const subParagraphs = this.paragraph!.subParagraphs;
    let previous: string | undefined;
    for (let index = subParagraphs.length - 1; index >= 0 && previous === undefined; index--) {
      if (/^[A-Z]$/.test(subParagraphs[index].letter)) previous = subParagraphs[index].letter;
    }
    const expected = previous ? String.fromCharCode(previous.charCodeAt(0) + 1) : 'A';
    return (letter.charCodeAt(0) & ~32) === expected.charCodeAt(0);
  }

  private extendCurrent(line: number): void {
    if (this.talkingPoint) this.talkingPointLast = line;
    this.touchContainers(line);
  }

  private touchContainers(line: number): void {
    if (this.paragraph) this.paragraphLast = line;
    if (this.subParagraph) this.subLast = line;
  }

  private blankLine(line: number): void {
    this.closeChunk();
    if (!this.talkingPoint) return;
    // A talking point broken by a blank line continues when its text plainly does not end here.
    const lastText = this.clean[this.talkingPointLast];
    if (trailingMarkStart(lastText) || endsSentence(lastText)) {
      this.closeTalkingPoint();
      return;
    }
    let ahead = line + 1;
    while (ahead < this.count && this.isBlank(ahead)) ahead++;
    if (ahead >= Math.min(this.count, this.signatureStart) || this.startsStructure(ahead)) this.closeTalkingPoint();
  }

  private startsStructure(line: number): boolean {
    const text = this.clean[line];
    if (looksLikeParagraphHead(text, true) || TALKING_POINT_RE.test(text) || SUB_LETTER_RE.test(text) || SUB_PAREN_RE.test(text)) return true;
    return /^\s*(?:\(\s*)?(?:BEGIN|END)\s|^\s*\(?(?:NOTE|COMMENT|BACKGROUND|SUMMARY)\s*:/i.test(text);
  }

  /** A paragraph head: the number's digits at `numberStart`, the mark or title from `afterNumber`. */
  private paragraphHead(line: number, numberStart: number, digits: string, afterNumber: number): number {
    const midLine = numberStart > this.lineStart(line);
    const previous = midLine ? [this.paragraph, this.subParagraph, this.talkingPoint] : undefined;
    this.closeTalkingPoint();
    this.closeChunk();
    this.closeSubParagraph();
    this.closeParagraph();
    if (previous) {
      // A head mid-line ends what was open before it on this line.
      let cut = numberStart;
      while (cut > 0 && isSpace(this.clean[line].charCodeAt(cut - 1))) cut--;
      for (const portion of previous) {
        if (portion && portion.range.endLine === line) portion.range.endCharacter = this.elementEndColumn(line, cut);
      }
    }
    const numberRange = this.rangeOf(line, numberStart, numberStart + digits.length);
    const number = { text: this.textAt(numberRange, digits), range: numberRange, value: Number(digits) };
    const separator = numberStart + digits.length;
    const separatorCode = this.clean[line].charCodeAt(separator);
    let malformedHead: Paragraph['malformedHead'];
    if (separatorCode === 44 /* , */) malformedHead = { problem: 'comma', range: this.rangeOf(line, separator, separator + 1) };
    else if (separatorCode === 46 && this.clean[line].charCodeAt(separator + 1) === 40 /* ( */) malformedHead = { problem: 'no-space', range: this.rangeOf(line, separator + 1, separator + 1) };
    const head = this.headMark(line, afterNumber);
    const titleStart = head ? this.headMarkEnd : afterNumber;
    const paragraphRange = this.elementRange(line, numberStart, this.lineEnd(line));
    const title = this.title(line, titleStart);
    const paragraph: Paragraph = {
      kind: 'paragraph',
      range: paragraphRange,
      mark: head,
      markPosition: head ? 'leading' : undefined,
      number,
      title,
      subParagraphs: NO_ITEMS,
      talkingPoints: NO_ITEMS,
      malformedHead,
    };
    this.paragraph = paragraph;
    this.paragraphLast = line;
    this.model.paragraphs.push(paragraph);
    this.addPortion(paragraph);
    // `2. (U) Classified by Acting DAS James Knight, Reasons 1.4` inside the first paragraphs.
    if (!this.model.classifiedBy && this.classifiedByAt(line, titleStart)) {
      const next = this.classifiedBy(line, titleStart);
      this.paragraphLast = next - 1;
      if (this.pendingHead?.line === line) return this.pendingParagraph();
    }
    return titleStart;
  }

  /** Whether `Classified by` starts at `column` (a sticky test: no copy of the rest of the line). */
  private classifiedByAt(line: number, column: number): boolean {
    const text = this.clean[line];
    if ((text.charCodeAt(column) | 32) !== 99 /* c */) return false;
    CLASSIFIED_BY_STICKY_RE.lastIndex = column;
    return CLASSIFIED_BY_STICKY_RE.test(text);
  }

  /** Starts the paragraph found mid-line after a Classified By reason. */
  private pendingParagraph(): number {
    const { line, column } = this.pendingHead!;
    this.pendingHead = undefined;
    const digits = /^\d+/.exec(this.clean[line].slice(column, column + 4))![0];
    let afterNumber = column + digits.length + 1;
    while (afterNumber < this.clean[line].length && isSpace(this.clean[line].charCodeAt(afterNumber))) afterNumber++;
    return this.paragraphHead(line, column, digits, afterNumber);
  }

  /** A sub-paragraph whose label (`A`, `1B`, `(a)`) is [labelStart, labelEnd) and whose text starts at `after`. */
  private subParagraphHead(line: number, labelStart: number, labelEnd: number, letter: string, malformedPrefix: string | undefined, after: number): number {
    this.closeTalkingPoint();
    this.closeChunk();
    this.closeSubParagraph();
    const head = this.headMark(line, after);
    const titleStart = head ? this.headMarkEnd : after;
    const label = this.span(line, labelStart, labelEnd);
    // Every field at creation, present or not: objects that gain fields later take a second store for them.
    const sub: SubParagraph = {
      kind: 'subparagraph',
      range: this.elementRange(line, labelStart, this.lineEnd(line)),
      mark: head,
      markPosition: head ? 'leading' : undefined,
      label,
      letter,
      malformedPrefix: malformedPrefix || undefined,
      title: this.title(line, titleStart),
      talkingPoints: NO_ITEMS,
    };
    const paragraph = this.paragraph!;
    paragraph.subParagraphs = withItem(paragraph.subParagraphs, sub);
    this.subParagraph = sub;
    this.subLast = line;
    this.paragraphLast = line;
    this.addPortion(sub);
    return titleStart;
  }

  /**
   * TALKING_POINT_RE by hand from the dash at `dashStart` (after at most 8 spaces), filling `headMatch` with the
   * dash's start and end and where the text starts: no match array for each of thousands of points.
   */
  private talkingPointMatch(text: string, dashStart: number): boolean {
    if (dashStart > 8) return false;
    let at = dashStart + 1;
    if (text.charCodeAt(at) === 45) at++;
    if (text.charCodeAt(at) === 45) return false;
    const dashEnd = at;
    while (at < text.length && isRegexSpace(text.charCodeAt(at))) at++;
    if (at >= text.length) return false;
    this.headMatch.numberStart = dashStart;
    this.headMatch.numberEnd = dashEnd;
    this.headMatch.after = at;
    return true;
  }

  private talkingPointHead(line: number, dashStart: number, dashEnd: number, textStart: number): number {
    this.closeTalkingPoint();
    this.closeChunk();
    const head = this.headMark(line, textStart, true);
    const dash = this.span(line, dashStart, dashEnd, dashEnd - dashStart === 2 ? '--' : '-');
    const point: TalkingPoint = {
      kind: 'talking-point',
      range: this.elementRange(line, dashStart, this.lineEnd(line)),
      mark: head,
      markPosition: head ? 'leading' : undefined,
      dash,
      text: '',
    };
    const parent = this.subParagraph ?? this.paragraph;
    if (parent) parent.talkingPoints = withItem(parent.talkingPoints, point);
    this.talkingPoint = point;
    this.talkingPointFirst = line;
    this.talkingPointLast = line;
    this.touchContainers(line);
    this.addPortion(point);
    if (!head && trailingMarkStart(this.clean[line])) this.closeTalkingPoint();
    return head ? this.headMarkEnd : textStart;
  }

  private closeTalkingPoint(): void {
    const point = this.talkingPoint;
    if (!point) return;
    this.talkingPoint = undefined;
    const first = this.talkingPointFirst;
    const last = this.talkingPointLast;
    let lastEnd = this.lineEnd(last);
    if (!point.mark) {
      const trailing = trailingMarkStart(this.clean[last]);
      if (trailing && (last > first || trailing.open > this.cleanStart(point.dash.range))) {
        point.mark = this.mark(last, trailing.open, trailing.close);
        point.markPosition = 'trailing';
        lastEnd = trailing.open;
      }
    }
    let firstFrom = this.cleanStart(point.dash.range) + point.dash.text.length;
    if (point.mark && point.markPosition === 'leading') firstFrom = this.cleanEnd(first, point.mark.range);
    if (first === last) {
      point.text = trimmedSlice(this.clean[first], firstFrom, lastEnd);
    } else {
      const parts: string[] = [];
      for (let i = first; i <= last; i++) {
        if (this.isBlank(i)) continue;
        const piece = trimmedSlice(this.clean[i], i === first ? firstFrom : 0, i === last ? lastEnd : this.clean[i].length);
        if (piece) parts.push(piece);
      }
      point.text = parts.join(' ');
    }
    this.endAt(point, last);
  }

  /** The cleaned column where a one-line range starts. */
  private cleanStart(spanRange: TextRange): number {
    return this.cleanColumn(spanRange.startLine, spanRange.startCharacter);
  }

  private closeSubParagraph(): void {
    const sub = this.subParagraph;
    if (!sub) return;
    this.subParagraph = undefined;
    sub.talkingPoints = exact(sub.talkingPoints);
    this.endAt(sub, this.subLast);
  }

  private closeParagraph(): void {
    const paragraph = this.paragraph;
    if (!paragraph) return;
    this.paragraph = undefined;
    // Lists grown by push keep room for more: the model keeps exact copies (less to copy at each collection).
    paragraph.subParagraphs = exact(paragraph.subParagraphs);
    paragraph.talkingPoints = exact(paragraph.talkingPoints);
    this.endAt(paragraph, this.paragraphLast);
  }

  /** Ends a portion's range at the end of line `last` (in place: the range is the portion's own, shared with nothing). */
  private endAt(portion: Portion, last: number): void {
    const character = this.elementEndColumn(last, this.lineEnd(last));
    portion.range.endLine = last;
    portion.range.endCharacter = character;
  }

  /** Plain text: a chunk starting with a mark, or a line ending in one, is a `text` portion. */
  private textLine(line: number): void {
    const text = this.clean[line];
    if (!this.chunkOpen) {
      this.chunkOpen = true;
      this.chunkStartLine = line;
      this.chunkPortion = undefined;
      const start = this.lineStart(line);
      if (text.charCodeAt(start) === 40 /* ( */) {
        const leading = /^\(([^()]{1,120})\)(?=\s|$)/.exec(text.slice(start, start + 123));
        const first = leading ? /^[^/\s]*/.exec(leading[1])![0] : '';
        if (leading && (LEVELS as readonly string[]).includes(first)) {
          const portion: Portion = {
            kind: 'text',
            range: this.elementRange(line, start, this.lineEnd(line)),
            mark: this.mark(line, start, start + leading[0].length),
            markPosition: 'leading',
          };
          this.chunkPortion = portion;
          this.addPortion(portion);
        }
      }
    }
    if (this.chunkPortion) {
      this.endAt(this.chunkPortion, line);
    } else {
      // A plain run ends at a line ending in a mark; the next line starts a new one.
      const trailing = trailingMarkStart(text);
      if (trailing) {
        const startLine = this.chunkStartLine;
        this.addPortion({
          kind: 'text',
          range: this.elementRange(startLine, this.lineStart(startLine), this.lineEnd(line), line),
          mark: this.mark(line, trailing.open, trailing.close),
          markPosition: 'trailing',
        });
        this.chunkStartLine = line + 1;
      }
    }
  }

  private closeChunk(): void {
    this.chunkOpen = false;
    this.chunkPortion = undefined;
  }

  // ---- blocks, citations, cross-references

  /**
   * Block keywords from `from` (where one first appears, see KEYWORD_RE), and the parentheses that close
   * an open parenthetical `(Note: ... )`, in the order they stand on the line.
   */
  private scanBlocks(line: number, headEnd: number, from: number): void {
    const text = this.clean[line];
    // The line after a wrapped `END`: its first word (and a closing parenthesis) belong to that END.
    let scanned = this.wrappedEnd?.line === line ? this.wrappedEnd.end : 0;
    BLOCK_RE.lastIndex = Math.max(from, scanned);
    for (let match = BLOCK_RE.exec(text); match; match = BLOCK_RE.exec(text)) {
      const start = match.index;
      this.scanParentheses(line, scanned, start);
      scanned = start + match[0].length;
      const span = this.span(line, start, start + match[0].length);
      if (match[3]) {
        this.closeBlock(normaliseKind(match[4]), span);
      } else if (match[6]) {
        if (this.atLineHead(text, start, headEnd)) this.openBlocks.push({ kind: normaliseKind(match[6]), open: span, tentative: true });
      } else if (this.openerAllowed(text, start, headEnd)) {
        const kind = normaliseKind(match[2] ?? match[5]);
        const bracketed = match[5] !== undefined && /[([]\s*$/.test(text.slice(Math.max(0, start - 3), start));
        this.openBlocks.push({ kind, open: span, tentative: match[5] !== undefined && !bracketed, parentheses: bracketed ? 1 : undefined });
        if (bracketed) this.openParentheticals++;
      }
    }
    this.scanParentheses(line, scanned, text.length);
    this.wrappedKeyword(line, scanned, headEnd);
  }

  /** Follows the parentheses of the innermost open parenthetical in [from, to): its `)` closes it. */
  private scanParentheses(line: number, from: number, to: number): void {
    if (this.openParentheticals === 0) return;
    const text = this.clean[line];
    for (let at = from; at < to; at++) {
      const code = text.charCodeAt(at);
      if (code !== 40 && code !== 41) continue;
      const open = this.innermostParenthetical();
      if (!open) return;
      open.parentheses! += code === 40 ? 1 : -1;
      if (open.parentheses === 0) this.closeBlock(open.kind, this.span(line, at, at + 1));
    }
  }

  private innermostParenthetical(): OpenBlock | undefined {
    for (let index = this.openBlocks.length - 1; index >= 0; index--) if (this.openBlocks[index].parentheses !== undefined) return this.openBlocks[index];
    return undefined;
  }

  /**
   * `... End` / `note.)` and `... Begin` / `talking points:`: a BEGIN or END whose kind is on the next
   * line opens or closes its block, as it reads.
   */
  private wrappedKeyword(line: number, from: number, headEnd: number): void {
    if (line + 1 >= this.count) return;
    const text = this.clean[line];
    // The last BEGIN or END on the line whose phrase the line's end cuts (`End` / `note.`, `Begin talking` / `points:`).
    const lastKeyword = /\b(BEGIN|END)\b(?!.*\b(?:BEGIN|END)\b)/i.exec(text.slice(from));
    if (!lastKeyword) return;
    const start = from + lastKeyword.index;
    const here = text.slice(start).trimEnd();
    const next = this.clean[line + 1];
    const lead = next.length - next.trimStart().length;
    const phrase = new RegExp(`^(BEGIN|END)\\s+(${BLOCK_KINDS})\\b(?:\\.?\\)?|:?)`, 'i').exec(`${here} ${next.trimStart()}`);
    if (!phrase || phrase[0].length <= here.length) return;
    const endOnNext = lead + phrase[0].length - here.length - 1;
    const kind = normaliseKind(phrase[2]);
    const span = this.multiSpan(line, start, line + 1, endOnNext);
    if (phrase[1].toUpperCase() === 'END') this.closeBlock(kind, span);
    else if (this.openerAllowed(text, start, headEnd)) this.openBlocks.push({ kind, open: span, tentative: false });
    else return;
    this.wrappedEnd = { line: line + 1, end: endOnNext };
  }

  /** A heading such as `SUMMARY` or `(U) Summary` stands at the line start, or after a mark there. */
  private atLineHead(text: string, position: number, headEnd: number): boolean {
    let before = position;
    while (before > 0 && isSpace(text.charCodeAt(before - 1))) before--;
    if (before === 0 || before <= headEnd) return true;
    return /^\s*\([A-Za-z/ ]{1,20}\)$/.test(text.slice(0, before));
  }

  /** Openers sit at line start, right after a paragraph head or mark, after `(`, or after a sentence end. */
  private openerAllowed(text: string, position: number, headEnd: number): boolean {
    let before = position;
    while (before > 0 && isSpace(text.charCodeAt(before - 1))) before--;
    if (before === 0 || before <= headEnd) return true;
    const previous = text[before - 1];
    // After the rest of a head's mark wrapped from the line before (`UZBEKISTAN) Begin talking points:`).
    if (previous === ')') return /^[A-Za-z/ ,.-]*\)$/.test(text.slice(0, before));
    return previous === '(' || previous === '[' || previous === '.' || previous === '!' || previous === '?' || previous === ':';
  }

  private closeBlock(kind: string, close: Span): void {
    const stack = this.openBlocks;
    let index = stack.length - 1;
    while (index >= 0 && stack[index].kind !== kind) index--;
    if (index < 0) {
      // `1. (C) ... End Summary.` with no `Summary:`: the body's first paragraph was the summary.
      const first = this.model.paragraphs[0];
      if (kind.startsWith('SUMMARY') && first && this.model.paragraphs.length === 1) {
        const open = { text: '', range: range(first.range.startLine, first.range.startCharacter, first.range.startLine, first.range.startCharacter) };
        this.model.blocks.push({ kind, open, close, range: range(open.range.startLine, open.range.startCharacter, close.range.endLine, close.range.endCharacter) });
        return;
      }
      this.model.blockProblems.push({ problem: 'unopened', kind, span: close });
      return;
    }
    for (let inner = stack.length - 1; inner > index; inner--) {
      const crossed = stack[inner];
      if (crossed.parentheses !== undefined) this.openParentheticals--;
      if (crossed.tentative) continue;
      this.model.blocks.push({ kind: crossed.kind, open: crossed.open, range: crossed.open.range });
      this.model.blockProblems.push({ problem: 'crossed', kind: crossed.kind, span: crossed.open });
    }
    const open = stack[index];
    if (open.parentheses !== undefined) this.openParentheticals--;
    stack.length = index;
    const block: Block = {
      kind,
      open: open.open,
      close,
      range: range(open.open.range.start.line, open.open.range.start.character, close.range.end.line, close.range.end.character),
    };
    this.model.blocks.push(block);
  }

  private scanCitations(line: number, from: number): void {
    const text = this.clean[line];
    for (let start = findCitationWord(text, from), next = 0; start >= 0; start = findCitationWord(text, next)) {
      const wordLength = citationWordLength(text, start);
      let position = start + wordLength;
      next = position;
      let after = position;
      while (after < text.length && isSpace(text.charCodeAt(after))) after++;
      if (text[after] === ':') continue;
      // `ref. b`: a dot after the word.
      if (text[after] === '.' && wordLength < 6) position = after + 1;
      // REFTEL and REFTELS are six letters or more; REF and REFS fewer. `REFTEL A` cites A.
      let reftel = wordLength >= 6;
      let parts: readonly RefCitation['parts'][number][] = [];
      // `(REF` / `B)`: at the line's end, the letters may stand at the start of the next line.
      const wraps = text.slice(position).trim() === '' && line + 1 < this.count;
      const endLine = wraps ? line + 1 : line;
      const lettersText = wraps ? ` ${this.clean[line + 1]}` : text.slice(position);
      if (!reftel || /^\s+[A-Z](?![A-Za-z0-9])/.test(lettersText)) {
        parts = wraps ? this.citedLetters(endLine, this.clean[endLine], 0) : this.citedLetters(line, text, position);
        if (parts.length > 0) {
          reftel = false;
          position = this.citedEnd;
        }
        if (!wraps) next = Math.max(next, position);
      }
      if (!reftel && parts.length === 0) continue;
      let letters: string[] = [];
      // Indexed: this runs for a few hundred citations per cable, too rarely to be optimised, and an
      // unoptimised for...of makes an iterator and a result per step.
      for (let index = 0; index < parts.length; index++) {
        const part = parts[index];
        const first = part.from.letter.charCodeAt(0);
        const last = part.to ? part.to.letter.charCodeAt(0) : first;
        for (let code = first; code <= Math.max(first, last); code++) letters = withItem(letters, String.fromCharCode(code));
      }
      const multiLine = wraps && parts.length > 0;
      const citationRange = multiLine ? this.elementRange(line, start, position, endLine) : this.rangeOf(line, start, position);
      this.model.refCitations.push({ text: multiLine ? this.textOf(citationRange) : this.textAt(citationRange), range: citationRange, reftel, parts: exact(parts), letters: exact(letters) });
    }
  }

  /** A cited letter at `position`: an ASCII letter standing alone (no letter or digit after it). */
  private citedLetter(line: number, text: string, position: number): CitedLetter {
    return { letter: upperLetterAt(text, position), range: this.rangeOf(line, position, position + 1) };
  }

  /** Where the letters citedLetters found end (a field: no result object per citation). */
  private citedEnd = 0;

  /** Letters after `REF`: `C`, `D-J`, `A AND B`, `A, B and C`; sets citedEnd. */
  private citedLetters(line: number, text: string, from: number): readonly RefCitation['parts'][number][] {
    let parts: readonly RefCitation['parts'][number][] = NO_ITEMS;
    let position = from;
    while (position < text.length && isSpace(text.charCodeAt(position))) position++;
    let end = from;
    while (isCitedLetterAt(text, position)) {
      const letter = this.citedLetter(line, text, position);
      position++;
      end = position;
      const toAt = matchEndWithin(CITED_RANGE_DASH_RE, text, position, 12);
      if (toAt >= 0 && isCitedLetterAt(text, toAt) && upperLetterAt(text, toAt) >= letter.letter) {
        parts = withItem(parts, { from: letter, to: this.citedLetter(line, text, toAt) });
        position = toAt + 1;
        end = position;
      } else {
        parts = withItem(parts, { from: letter, to: undefined });
      }
      const next = matchEndWithin(CITED_JOINER_RE, text, position, 12);
      if (next < 0 || !isCitedLetterAt(text, next)) break;
      position = next;
    }
    this.citedEnd = end;
    return parts;
  }

  /** Inside quoted text (BEGIN TEXT, BEGIN QUOTE): its numbers and paragraphs are another document's. */
  private isQuoted(): boolean {
    return this.openBlocks.some((open) => open.kind === 'TEXT' || open.kind === 'QUOTE');
  }

  /**
   * `para 5 of reftel`, `REF A para 3`, `Article 12 paragraph 4`: a paragraph of something else. Read on
   * the logical text, the line's neighbours joined, so that a wrap does not change the answer.
   */
  private namesAnotherDocument(line: number, start: number, end: number): boolean {
    const text = this.clean[line];
    const after = `${text.slice(end)} ${line + 1 < this.count ? this.clean[line + 1] : ''}`.slice(0, 60);
    if (/^\s*,?\s*(?:of|in|from)\s+(?!this\b|the\s+above\b|above\b|below\b)/i.test(after)) return true;
    const before = `${line > 0 && start < 25 ? this.clean[line - 1] : ''} ${text.slice(0, start)}`.slice(-40);
    return /\b(?:REFS?\s+[A-Z](?:\s*-\s*[A-Z])?|REFTELS?|SEPTEL|reference|(?:article|section|annex|chapter|part|resolution|UNSCR|OP)\s+[\w.()-]+)[\s,]*$/i.test(before);
  }

  private scanXrefs(line: number, from: number): void {
    const text = this.clean[line];
    for (let start = findXrefWord(text, from), next = 0; start >= 0; start = findXrefWord(text, next)) {
      let parts: readonly ParagraphXref['parts'][number][] = NO_ITEMS;
      let position = xrefWordEnd(text, start);
      next = position;
      let end = position;
      for (;;) {
        const target = this.paragraphTarget(line, text, position);
        if (!target) break;
        position = this.targetEnd;
        end = position;
        const toAt = matchEndWithin(XREF_RANGE_DASH_RE, text, position, 11);
        const to = toAt >= 0 ? this.paragraphTarget(line, text, toAt) : undefined;
        if (to) {
          parts = withItem(parts, { from: target, to });
          position = this.targetEnd;
          end = position;
        } else {
          parts = withItem(parts, { from: target, to: undefined });
        }
        const next = matchEndWithin(XREF_JOINER_RE, text, position, 11);
        if (next < 0) break;
        position = next;
      }
      if (parts.length === 0) continue;
      next = Math.max(next, end);
      let numbers: number[] = [];
      // Indexed, as in scanCitations.
      for (let index = 0; index < parts.length; index++) {
        const part = parts[index];
        const to = part.to?.number ?? part.from.number;
        if (to > part.from.number && to - part.from.number <= 100) {
          for (let n = part.from.number; n <= to; n++) numbers = withItem(numbers, n);
        } else {
          numbers = withItem(numbers, part.from.number);
        }
      }
      const xrefRange = this.rangeOf(line, start, end);
      const external = this.isQuoted() || this.namesAnotherDocument(line, start, end);
      this.model.paragraphXrefs.push({ text: this.textAt(xrefRange), range: xrefRange, parts: exact(parts), numbers: exact(numbers), external });
    }
  }

  /** Where the last target paragraphTarget found ends (a field: no result object per target). */
  private targetEnd = 0;

  /** `3`, `3.B`, `3.b`, `3 B` at `position` (one to four digits); sets targetEnd. */
  private paragraphTarget(line: number, text: string, position: number): ParagraphTarget | undefined {
    let end = position;
    while (end < text.length && end - position < 5 && isDigit(text.charCodeAt(end))) end++;
    const digitCount = end - position;
    if (digitCount === 0 || digitCount > 4) return undefined;
    let value = 0;
    for (let at = position; at < end; at++) value = value * 10 + text.charCodeAt(at) - 48;
    // `para 3.B` / `para 3.b` / `PARA 3 B`, but not `para 3 A meeting`.
    const letterAt = end + 1;
    const first = text.charCodeAt(end);
    const letter = text.charCodeAt(letterAt);
    const standsAlone = !isAsciiLetterOrDigit(text.charCodeAt(letterAt + 1));
    const dotted = first === 46 /* . */ && isAsciiLetter(letter) && standsAlone;
    const spaced = !dotted && isRegexSpace(first) && letter >= 65 && letter <= 90 && standsAlone && !startsSentence(text, end);
    this.targetEnd = end;
    if (!dotted && !spaced) return { number: value, range: this.rangeOf(line, position, end) };
    this.targetEnd = letterAt + 1;
    const sub = { letter: upperLetterAt(text, letterAt), range: this.rangeOf(line, letterAt, letterAt + 1) };
    return { number: value, range: this.rangeOf(line, position, letterAt + 1), sub };
  }
}

function normaliseKind(kind: string): string {
  return kind.toUpperCase().replace(/\s+/g, ' ');
}

/**
 * Sorts in place, stably. Items arrive almost always in order, so one pass checks that first (reading each
 * item's range once: items of many shapes make that read the slow part); when they are not, the sort runs.
 */
function sortedByStart<T extends { range: TextRange }>(items: T[]): T[] {
  if (items.length < 2) return items;
  let previous = items[0].range;
  for (let i = 1; i < items.length; i++) {
    const current = items[i].range;
    if (current.startLine < previous.startLine || (current.startLine === previous.startLine && current.startCharacter < previous.startCharacter)) return items.sort(byStart);
    previous = current;
  }
  return items;
}

function byStart(a: { range: TextRange }, b: { range: TextRange }): number {
  return a.range.startLine - b.range.startLine || a.range.startCharacter - b.range.startCharacter;
}

/** Finds the reason keyword (`Reason:`, `for reasons`, `REASONS`) or else a bare `1.4`/`1.5`. */
function findReason(text: string, from: number): { keywordStart: number; keywordEnd: number; sectionStart: number } | undefined {
  const keywordRe = /(?:^|[^A-Za-z])((?:for\s+)?reasons?\b\s*:?)/gi;
  keywordRe.lastIndex = from;
  const keyword = keywordRe.exec(text);
  const sectionRe = /(?<![\d.])1\.[45](?!\d)/g;
  if (keyword) {
    const keywordStart = keyword.index + keyword[0].length - keyword[1].length;
    let keywordEnd = keyword.index + keyword[0].length;
    while (keywordEnd > keywordStart && isSpace(text.charCodeAt(keywordEnd - 1))) keywordEnd--;
    sectionRe.lastIndex = keywordEnd;
    const section = sectionRe.exec(text);
    return { keywordStart, keywordEnd, sectionStart: section ? section.index : -1 };
  }
  sectionRe.lastIndex = from;
  const section = sectionRe.exec(text);
  if (section) return { keywordStart: section.index, keywordEnd: section.index, sectionStart: section.index };
  return undefined;
}

/**
 * Reads reason letters: `(b), (d)`, `(B and D)`, `(b/d)`, `(b,d)`, `a,b,and d`, `(b) (d)`; stops at `stop`,
 * the first column that is not part of the list. Inside parentheses any letter a-z counts (`(k)` is a
 * wrong category, for the rules to flag); a bare letter only a-h, as a bare `I` or `s` is prose.
 */
function scanLetters(text: string, from: number): { letters: Array<[number, string]>; reachedEnd: boolean; stop: number } {
  const letters: Array<[number, string]> = [];
  let position = from;
  let depth = 0;
  for (;;) {
    while (position < text.length && /[\s,;/&().]/.test(text[position])) {
      if (text[position] === '(') depth++;
      else if (text[position] === ')') depth = Math.max(0, depth - 1);
      position++;
    }
    if (position >= text.length) return { letters, reachedEnd: true, stop: position };
    const word = /^(?:and|or)(?![A-Za-z])/i.exec(text.slice(position, position + 4));
    if (word) {
      position += word[0].length;
      continue;
    }
    const letterPattern = depth > 0 ? /[a-zA-Z]/ : /[a-hA-H]/;
    if (letterPattern.test(text[position]) && !/[A-Za-z0-9]/.test(text[position + 1] ?? '')) {
      letters.push([position, text[position]]);
      position++;
      continue;
    }
    // Back to the start of the token, before any `(` that opened it: `(d) 1. (C)` stops at `1`.
    return { letters, reachedEnd: false, stop: position };
  }
}


/**
 * `list` with `item` at its end. Up to four items, a new list of exactly that length (most lists are that
 * short, and a first push would make room for 16); then the same list, grown by push.
 */
function withItem<T>(list: readonly T[], item: T): T[] {
  switch (list.length) {
    case 0:
      return [item];
    case 1:
      return [list[0], item];
    case 2:
      return [list[0], list[1], item];
    case 3:
      return [list[0], list[1], list[2], item];
    default:
      (list as T[]).push(item);
      return list as T[];
  }
}

/** A list of more than four items was grown by push: a copy has no spare room. */
function exact<T>(list: readonly T[]): T[] {
  return list.length > 4 ? list.slice() : (list as T[]);
}
