// REF citations (`REF C`, `REFS D-J`, `REFTEL A`, `(REF` / `B)` wrapped) and paragraph cross-references
// (`see paragraph 3`, `paras 4-6`, `para 3.B`), with whether a cross-reference names another document.
import { type CitedLetter, type ParagraphTarget, type ParagraphXref, type RefCitation } from '../model';
import { BlockReader } from './blocks';
import { NO_ITEMS, asciiWordAt, exact, isAsciiLetter, isAsciiLetterOrDigit, isDigit, isRegexSpace, isSpace, isWordCode, matchEndWithin, skipRegexSpaces, startsSentence, upperLetterAt, withItem } from './text';

// What may follow a cited letter or paragraph number; each must end within a few characters (matchEndWithin).
export const CITED_RANGE_DASH_RE = /\s*(?:-|–|through\s|thru\s)\s*/iy;

export const CITED_JOINER_RE = /\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)/iy;

export const XREF_RANGE_DASH_RE = /\s*(?:-|–|through\s|to\s)\s*(?=\d)/iy;

export const XREF_JOINER_RE = /\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)(?=\d)/iy;

// The citation and cross-reference words, matched by hand: a long cable has hundreds of each, and a
// regex match array apiece was a sixth of the parse's garbage. Each is exactly the regex in its comment
// (`i`: ASCII letters in any case; `\b`: next to a character other than [A-Za-z0-9_] or the text's end).

/** Where /\b(REFTELS?|REFS?)\b/i first matches from `from`, or -1 (citationWordLength tells its length). */
export function findCitationWord(text: string, from: number): number {
  for (let at = from; at < text.length; at++) {
    if ((text.charCodeAt(at) | 32) === 114 /* r */ && citationWordLength(text, at) > 0) return at;
  }
  return -1;
}

/** The length of REF, REFS, REFTEL or REFTELS (any case) standing as a word at `at`, or 0. */
export function citationWordLength(text: string, at: number): number {
  if (at > 0 && isWordCode(text.charCodeAt(at - 1))) return 0;
  if (!asciiWordAt(text, at, 'ref')) return 0;
  let end = at + 3;
  if (asciiWordAt(text, end, 'tel')) end += 3;
  if ((text.charCodeAt(end) | 32) === 115 /* s */) end++;
  return isWordCode(text.charCodeAt(end)) ? 0 : end - at;
}

/** Where /\b(paragraphs?|paras?)\b\.?\s*(?=\d)/i first matches from `from`, or -1 (xrefWordEnd tells its end). */
export function findXrefWord(text: string, from: number): number {
  for (let at = from; at < text.length; at++) {
    if ((text.charCodeAt(at) | 32) === 112 /* p */ && xrefWordEnd(text, at) >= 0) return at;
  }
  return -1;
}

/** Where that match ends when it starts at `at` (at the digit after the word, a dot and white space), or -1. */
export function xrefWordEnd(text: string, at: number): number {
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

/** An ASCII letter at `position` with no ASCII letter or digit right after it: `A` in `REF A,` but not in `REF Annex`. */
export function isCitedLetterAt(text: string, position: number): boolean {
  return isAsciiLetter(text.charCodeAt(position)) && !isAsciiLetterOrDigit(text.charCodeAt(position + 1));
}

export abstract class CitationReader extends BlockReader {
  protected scanCitations(line: number, from: number): void {
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
  protected citedLetter(line: number, text: string, position: number): CitedLetter {
    return { letter: upperLetterAt(text, position), range: this.rangeOf(line, position, position + 1) };
  }

  /** Where the letters citedLetters found end (a field: no result object per citation). */
  protected citedEnd = 0;

  /** Letters after `REF`: `C`, `D-J`, `A AND B`, `A, B and C`; sets citedEnd. */
  protected citedLetters(line: number, text: string, from: number): readonly RefCitation['parts'][number][] {
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

  /**
   * `para 5 of reftel`, `REF A para 3`, `Article 12 paragraph 4`: a paragraph of something else. Read on
   * the logical text, the line's neighbours joined, so that a wrap does not change the answer.
   */
  protected namesAnotherDocument(line: number, start: number, end: number): boolean {
    const text = this.clean[line];
    // A window of 60 characters either side (a long line of cross-references stays linear).
    const rest = text.slice(end, end + 60);
    const after = rest.length < 60 && line + 1 < this.count ? `${rest} ${this.clean[line + 1].slice(0, 60)}` : rest;
    if (/^\s*,?\s*(?:of|in|from)\s+(?!this\b|the\s+above\b|above\b|below\b)/i.test(after)) return true;
    const before = `${line > 0 && start < 40 ? this.clean[line - 1].slice(-40) : ''} ${text.slice(Math.max(0, start - 40), start)}`.slice(-40);
    return /\b(?:REFS?\s+[A-Z](?:\s*-\s*[A-Z])?|REFTELS?|SEPTEL|reference|(?:article|section|annex|chapter|part|resolution|UNSCR|OP)\s+[\w.()-]+)[\s,]*$/i.test(before);
  }

  protected scanXrefs(line: number, from: number): void {
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
  protected targetEnd = 0;

  /** `3`, `3.B`, `3.b`, `3 B` at `position` (one to four digits); sets targetEnd. */
  protected paragraphTarget(line: number, text: string, position: number): ParagraphTarget | undefined {
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
