// The heads that start a structure of the body, as patterns and matchers: a paragraph's number (`12.`,
// `7, (U)`), a sub-paragraph's letter (`A.`, `1B.`, `(a)`), a talking point's dash, the signature and NNNN.
import { levelMarkAt } from './marks';
import { isAsciiLetter, isDigit, isRegexSpace, skipRegexSpaces } from './text';

// Up to four digits; a four-digit number is a head only when expected or marked (`2008. was a year` is not).
export const PARAGRAPH_RE = /^(\s{0,4})(\d{1,4})\.(?!\d)(?=\s|\(|$)\s*/;

// `1.Text`: a head without the space, taken only at a line start after a blank line (`2.5 million` is not).
export const TIGHT_PARAGRAPH_RE = /^(\s{0,4})(\d{1,4})\.(?=[A-Z])/;

export const SUB_LETTER_RE = /^(\s{0,8})(\d{1,2})?([A-Za-z])\.(?=\s|\(|$)\s*/;

export const SUB_PAREN_RE = /^(\s{0,8})\(([a-z]|\d{1,2})\)(?=\s|$)\s*/;

export const TALKING_POINT_RE = /^(\s{0,8})(--?)(?!-)\s*(?=\S)/;

export const SIGNATURE_RE = /^\s*(?!(?:END|BEGIN|UNQUOTE|QUOTE|NNNN)\b)[A-Z][A-Z'-]+(?:\s+[A-Z][A-Z'-]+){0,2}\s*$/;

export const NNNN_RE = /^\s*NNNN\s*$/;

/** Where a paragraph head's parts are: number start and end, and where its mark or text starts. */
export interface HeadMatch {
  numberStart: number;
  numberEnd: number;
  after: number;
  /** `7, (U)`: a comma where the dot belongs (read only when a level mark follows). */
  comma?: boolean;
}

/** Where a letter label's parts are: the letter, and where the text after the dot and spaces starts. */
export interface SubLetterMatch {
  letterAt: number;
  end: number;
}

/**
 * SUB_LETTER_RE (`A.`, `1B.` after at most 8 spaces) by hand, from the first non-space at `first`: a
 * regex would make a match array for every sub-paragraph.
 */
export function matchSubLetter(text: string, first: number, match: SubLetterMatch): boolean {
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
 * PARAGRAPH_RE (or, with `tight`, TIGHT_PARAGRAPH_RE) by hand, filling `head`: the body tries it on every
 * line, and match arrays for each would be most of a long cable's garbage.
 */
export function matchParagraphHead(text: string, tight: boolean, head: HeadMatch): boolean {
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

/** A paragraph head out of context: `1.`-`999.` (with `tight`, `1.Text` too), or four digits with a mark. */
export function looksLikeParagraphHead(text: string, tight: boolean): boolean {
  const match = PARAGRAPH_RE.exec(text) ?? (tight ? TIGHT_PARAGRAPH_RE.exec(text) : null);
  return match !== null && (match[2].length < 4 || levelMarkAt(text, match[0].length));
}
