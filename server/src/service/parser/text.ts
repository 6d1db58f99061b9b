// Small helpers of the reader: lines, characters, ranges and short lists.
import { TextRange } from '../model';

export const LINE_BREAK_RE = /\r\n?|\n/;

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

export function range(startLine: number, startCharacter: number, endLine: number, endCharacter: number): TextRange {
  return new TextRange(startLine, startCharacter, endLine, endCharacter);
}

export function twoDigitYear(digits: string): number {
  const value = Number(digits);
  if (digits.length === 4) return value;
  return value >= 70 ? 1900 + value : 2000 + value;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// The model keeps thousands of small lists. Empty ones share this list (not frozen: features iterate these
// lists, and V8 iterates a frozen array on a slow path; the model's types make them read only). A list
// grows by exact copies up to four items, as `[]` grows to room for 16 at its first push (see withItem and exact).
export const NO_ITEMS: readonly never[] = [];

/** Whether `lower` (lower-case ASCII letters) is written at `at` in any case. */
export function asciiWordAt(text: string, at: number, lower: string): boolean {
  for (let index = 0; index < lower.length; index++) {
    // OR 0x20 makes a lower-case letter only of that letter in either case.
    if ((text.charCodeAt(at + index) | 32) !== lower.charCodeAt(index)) return false;
  }
  return true;
}

/** A character `\b` counts as part of a word: [A-Za-z0-9_]. */
export function isWordCode(code: number): boolean {
  return isAsciiLetterOrDigit(code) || code === 95; /* _ */
}

/** Where sticky `regex` matching at `position` ends, if it ends within `window` characters; else -1 (no copy of the text). */
export function matchEndWithin(regex: RegExp, text: string, position: number, window: number): number {
  regex.lastIndex = position;
  if (!regex.test(text)) return -1;
  return regex.lastIndex <= position + window ? regex.lastIndex : -1;
}

/** After a paragraph number, ` A meeting`: a capital starting a sentence, not a sub-paragraph letter. */
export function startsSentence(text: string, at: number): boolean {
  let after = at + 2;
  while (after < at + 6 && after < text.length && isRegexSpace(text.charCodeAt(after))) after++;
  const code = text.charCodeAt(after);
  return after > at + 2 && after < at + 6 && code >= 97 && code <= 122;
}

/** Whether items arrive in document order so far, and where the last one started. */
export interface ArrivalOrder {
  sorted: boolean;
  line: number;
  character: number;
}

/** Records an item's start (which never changes after it is created). */
export function noteOrder(order: ArrivalOrder, line: number, character: number): void {
  if (line < order.line || (line === order.line && character < order.character)) order.sorted = false;
  order.line = line;
  order.character = character;
}

/**
 * The ASCII letter at `at`, upper-cased: a one-character string from the engine's cache, where
 * toUpperCase is a call into the runtime (thousands of labels and cited letters per long cable).
 */
export function upperLetterAt(text: string, at: number): string {
  return String.fromCharCode(upperAscii(text.charCodeAt(at)));
}

/** An ASCII lower-case letter's code upper-cased; any other code as it is. */
export function upperAscii(code: number): number {
  return code >= 97 && code <= 122 ? code - 32 : code;
}

export function isUpperCase(letter: string): boolean {
  const code = letter.charCodeAt(0);
  return code >= 65 && code <= 90;
}

/** Whether a line ends with terminal punctuation, perhaps followed by closing quotes or brackets. */
export function endsSentence(text: string): boolean {
  let end = text.length;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  while (end > 0 && '"\')]'.includes(text[end - 1])) end--;
  return end > 0 && '.!?:;'.includes(text[end - 1]);
}

/** The first column from `from` (at most `max` further) that is not white space as `\s` counts it. */
export function skipRegexSpaces(text: string, from: number, max: number): number {
  const stop = Math.min(text.length, from + max);
  let at = from;
  while (at < stop && isRegexSpace(text.charCodeAt(at))) at++;
  return at;
}

export function isRegexSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** `text.slice(from, to).trim()` with one copy instead of two. */
export function trimmedSlice(text: string, from: number, to: number): string {
  let start = Math.max(0, from);
  let end = Math.min(text.length, to);
  while (start < end && isRegexSpace(text.charCodeAt(start))) start++;
  while (end > start && isRegexSpace(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}

export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

export function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

export function isAsciiLetterOrDigit(code: number): boolean {
  return isAsciiLetter(code) || isDigit(code);
}

/** Exactly `text.trim() === ''`, without creating a string: most lines answer at their first character. */
export function isBlankText(text: string): boolean {
  if (text.length === 0) return true;
  const first = text.charCodeAt(0);
  if (first > 32 && first < 127) return false;
  // By hand: an indented line would otherwise cost a trimmed copy (regex white space is what trim removes).
  for (let at = 0; at < text.length; at++) if (!isRegexSpace(text.charCodeAt(at))) return false;
  return true;
}

export function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0 || code === 0xfeff;
}

/**
 * Sorts in place, stably. Items arrive almost always in order, so one pass checks that first (reading each
 * item's range once: items of many shapes make that read the slow part); when they are not, the sort runs.
 */
export function sortedByStart<T extends { range: TextRange }>(items: T[]): T[] {
  if (items.length < 2) return items;
  let previous = items[0].range;
  for (let i = 1; i < items.length; i++) {
    const current = items[i].range;
    if (current.startLine < previous.startLine || (current.startLine === previous.startLine && current.startCharacter < previous.startCharacter)) return items.sort(byStart);
    previous = current;
  }
  return items;
}

export function byStart(a: { range: TextRange }, b: { range: TextRange }): number {
  return a.range.startLine - b.range.startLine || a.range.startCharacter - b.range.startCharacter;
}

/**
 * `list` with `item` at its end. Up to four items, a new list of exactly that length (most lists are that
 * short, and a first push would make room for 16); then the same list, grown by push.
 */
export function withItem<T>(list: readonly T[], item: T): T[] {
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
export function exact<T>(list: readonly T[]): T[] {
  return list.length > 4 ? list.slice() : (list as T[]);
}

/** `ab` -> `[Aa][Bb]`. */
export function caseless(word: string): string {
  return word.replace(/[A-Z]/g, (letter) => `[${letter}${letter.toLowerCase()}]`);
}
