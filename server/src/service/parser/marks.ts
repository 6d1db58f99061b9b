// Portion marks: what the text between the parentheses means, and reading a mark where a portion
// starts or ends (a mark wrapped over lines is one mark).
import { LEVELS, Mark, isValidMark, levelRank, type Level, type PortionMark, type MarkMeaning } from '../model';
import { LineReader } from './lines';
import { ArrivalOrder, NO_ITEMS, isDigit, isRegexSpace, isSpace, noteOrder } from './text';

/** Validates the inside of a portion mark (`S//NF`) and normalises its controls. */
export function analyseMarkInner(inner: string): { level?: Level; controls: string[]; problem?: string } {
  const tokens = inner.split(/\/\/?/);
  const controls: string[] = [];
  let problem: string | undefined;
  const levelToken = tokens[0];
  // Spelled out (`SECRET/REL FRANCE`) is a mark too.
  const level = levelOfToken(levelToken, true);
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
export type MarkAnalysis = MarkMeaning & { text: string };

export const markAnalyses = new Map<string, MarkAnalysis>();

export const MAX_CACHED_MARKS = 500;

/** analyseMarkInner, remembered, with the mark's text `(inner)`: the marks written the same way share it (read only). */
export function analyseMarkCached(inner: string): MarkAnalysis {
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

export function normaliseControl(token: string): string | undefined {
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
export function trailingMarkStart(text: string, anyCase = false): TrailingMark | undefined {
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
  return { open, close: end };
}

export interface TrailingMark {
  open: number;
  close: number;
}


export const LEVEL_NAMES: ReadonlySet<string> = new Set(LEVELS);

/** Whether the first token of a mark's inside (up to `/` or white space) is a level: `S` of `S//NF`. */
export function startsWithLevel(inner: string, anyCase: boolean): boolean {
  return levelTokenAt(inner, 0, inner.length, anyCase);
}

/** startsWithLevel for the inside of a mark at `from`-`to` in `text`, without a copy of it. */
/** The level a mark's first part names, as written (`S`, `SBU`) or spelled out (`SECRET`, `TOP SECRET`). */
const LEVEL_WORDS: ReadonlyMap<string, Level> = new Map([
  ['U', 'U'],
  ['SBU', 'SBU'],
  ['C', 'C'],
  ['S', 'S'],
  ['TS', 'TS'],
  ['UNCLASSIFIED', 'U'],
  ['CONFIDENTIAL', 'C'],
  ['SECRET', 'S'],
  ['TOP SECRET', 'TS'],
]);

/** The level a mark's first part (before any `/`) names, or undefined; `anyCase` accepts `(c)` and `(Secret)`. */
export function levelOfToken(token: string, anyCase: boolean): Level | undefined {
  const written = (anyCase ? token.toUpperCase() : token).trim();
  return LEVEL_WORDS.get(written) ?? LEVEL_WORDS.get(written.replace(/\s+/g, ' '));
}

/** Whether text[from, to) starts with a level: its first part, or that part's first word (`S NF` starts with S). */
export function levelTokenAt(text: string, from: number, to: number, anyCase: boolean): boolean {
  const slash = text.indexOf('/', from);
  const part = text.slice(from, slash >= from && slash < to ? slash : to);
  if (levelOfToken(part, anyCase)) return true;
  const space = part.search(/\s/);
  return space > 0 && space <= 3 && levelOfToken(part.slice(0, space), anyCase) !== undefined;
}

export function levelMarkAt(text: string, at: number): boolean {
  const mark = /^\(([^()]{1,120})\)/.exec(text.slice(at, at + 122));
  return mark !== null && startsWithLevel(mark[1], false);
}

/** A mark that heads a portion, and where the portion's text after it starts. */
export interface HeadMark {
  mark: PortionMark;
  textStart: number;
}

export abstract class MarkReader extends LineReader {
  protected readonly marks: PortionMark[] = [];

  protected readonly markOrder: ArrivalOrder = { sorted: true, line: 0, character: 0 };

  /** For the model's markSummary: the highest rank a valid mark names (-1: none), and the marks that are not valid. */
  protected highestMarkRank = -1;

  protected invalidMarks = 0;

  protected mark(line: number, open: number, close: number, inner = this.clean[line].slice(open + 1, close - 1)): PortionMark {
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

  /**
   * The mark at `position` right after a number, label or dash that heads a portion, and where the text
   * after it starts; `(a)`/`(1)` are sub-labels, not marks. `levelFirst`: after a dash or SUBJECT:, where
   * `(UN)` is more likely prose than a wrong mark.
   */
  protected headMark(line: number, position: number, levelFirst = false): HeadMark | undefined {
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
    return { mark: this.mark(line, position, closeAt + 1, inner), textStart: end };
  }

  /**
   * A head's mark that the line's end wraps: `2. (S//REL AFGHANISTAN, KYRGYZSTAN,` / `TAJIKISTAN) Text`.
   * One mark when it starts with a level and both parts hold only the words of controls.
   */
  protected wrappedHeadMark(line: number, position: number): HeadMark | undefined {
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
    return { mark, textStart: this.clean[line].length };
  }
}
