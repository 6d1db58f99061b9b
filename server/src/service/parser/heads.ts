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
}

/** Where a letter label's parts are: the letter, and where the text after the dot and spaces starts. */
export interface SubLetterMatch {
  letterAt: number;
  end: number;
}

/** SUB_LETTER_RE (`A.`, `1B.` after at most 8 spaces), read from the first non-space at `first`. */
export function matchSubLetter(text: string, first: number): SubLetterMatch | undefined {
  if (first > 8) return undefined;
  let at = first;
  while (at < first + 2 && isDigit(text.charCodeAt(at))) at++;
  if (!isAsciiLetter(text.charCodeAt(at)) || text[at + 1] !== '.') return undefined;
  const after = at + 2;
  if (after < text.length && !isRegexSpace(text.charCodeAt(after)) && text[after] !== '(') return undefined;
  return { letterAt: at, end: skipRegexSpaces(text, after, text.length) };
}

/**
 * PARAGRAPH_RE (or, with `tight`, TIGHT_PARAGRAPH_RE), and `7, (U)` with a comma for the dot: read by hand,
 * as the comma form needs the mark after it.
 */
export function matchParagraphHead(text: string, tight: boolean): HeadMatch | undefined {
  const length = text.length;
  let at = skipRegexSpaces(text, 0, 4);
  const numberStart = at;
  while (at < length && at - numberStart <= 4 && isDigit(text.charCodeAt(at))) at++;
  const digits = at - numberStart;
  if (digits === 0 || digits > 4) return undefined;
  // `7, (U)`: a typed comma for the dot, taken only with a level mark after it.
  const comma = !tight && digits <= 3 && text[at] === ',' && levelMarkAt(text, skipRegexSpaces(text, at + 1, 3));
  if (text[at] !== '.' && !comma) return undefined;
  at++;
  const next = text[at];
  if (tight) {
    if (!(next >= 'A' && next <= 'Z')) return undefined;
  } else {
    if (at < length && next !== '(' && !isRegexSpace(text.charCodeAt(at))) return undefined;
    while (at < length && isRegexSpace(text.charCodeAt(at))) at++;
  }
  return { numberStart, numberEnd: numberStart + digits, after: at };
}

/** TALKING_POINT_RE (`-` or `--` after at most 8 spaces, then text), read from the dash at `dashStart`. */
export function matchTalkingPoint(text: string, dashStart: number): HeadMatch | undefined {
  if (dashStart > 8) return undefined;
  let at = dashStart + 1;
  if (text[at] === '-') at++;
  if (text[at] === '-') return undefined;
  const dashEnd = at;
  while (at < text.length && isRegexSpace(text.charCodeAt(at))) at++;
  if (at >= text.length) return undefined;
  return { numberStart: dashStart, numberEnd: dashEnd, after: at };
}

/** A paragraph head out of context: `1.`-`999.` (with `tight`, `1.Text` too), or four digits with a mark. */
export function looksLikeParagraphHead(text: string, tight: boolean): boolean {
  const match = PARAGRAPH_RE.exec(text) ?? (tight ? TIGHT_PARAGRAPH_RE.exec(text) : null);
  return match !== null && (match[2].length < 4 || levelMarkAt(text, match[0].length));
}
