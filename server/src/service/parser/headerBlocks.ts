// The header's multi-line parts: the REF block (lettered, unlettered and wrapped entries) and the
// Classified By / Reason block (the reason on the next line, Derived From, a paragraph run onto it).
import { LEVELS, TextRange, type ClassifiedBy, type MessageRef, type ReasonLetter, type RefBlock, type RefEntry } from '../model';
import { NNNN_RE, TALKING_POINT_RE, looksLikeParagraphHead } from './heads';
import { CitationReader } from './citations';
import { EO_RE, SUBJECT_RE, TAGS_RE } from './header';
import { isSpace, twoDigitYear } from './text';

export const REF_RE = /^(\s*)(REFS?|REFERENCES?)\s*:\s*/i;

export const CLASSIFIED_BY_RE = /^\s*(?:\([A-Za-z/ ]{1,12}\)\s*)?Classified\s+by(?![A-Za-z])/i;

export const CLASSIFIED_BY_STICKY_RE = /Classified\s+by/iy;

export const CLASSIFIED_BY_AT_RE = /(Classified\s+by)(?![A-Za-z])\s*:?\s*/iy;

export const REF_LABEL_AT_START_RE = /^(\s*)(?:([A-Z])[.)]|\(([A-Z])\))(?=\s|$)\s*/;

export const MESSAGE_REF_RE = /^(?:(\d{2}|\d{4})\s+)?([A-Za-z]+(?:\s+[A-Za-z]+){0,3}?)\s*(\d{1,7})(?![\d/A-Za-z])/;

// Words that end a post name: `TELCON OF 12 MAY` is not a cable.
export const NOT_POST_WORDS = new Set(['OF', 'ON', 'AND', 'THE', 'FOR', 'TO', 'FROM', 'DATED', 'OR', 'IN', 'AT', 'PARA', 'PARAS', 'PARAGRAPH', 'SECTION', 'NO', 'NUMBER']);

export function isNotPost(post: string): boolean {
  return post.split(' ').some((word, index) => NOT_POST_WORDS.has(word) && !(index === 0 && word === 'THE' && post.includes(' ')));
}

// `1. (C/NF) Summary` right after the reason letters of a Classified By line.
export const MID_LINE_PARAGRAPH_RE = /^(\d{1,3})\.[ \t]{0,3}\(([^()]{1,120})\)/;

/** Finds the reason keyword (`Reason:`, `for reasons`, `REASONS`) or else a bare `1.4`/`1.5`. */
export function findReason(text: string, from: number): { keywordStart: number; keywordEnd: number; sectionStart: number } | undefined {
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
export function scanLetters(text: string, from: number): { letters: Array<[number, string]>; reachedEnd: boolean; stop: number } {
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

export abstract class HeaderBlockReader extends CitationReader {
  /** A paragraph head found mid-line after the reason letters, started when the body reaches its line. */
  protected pendingHead?: { line: number; column: number };

  /** A cable reference at `from`: `STATE 109154`, `08 STATE 95573`, `RIO DE JANEIRO 000440`. */
  protected messageRefAt(line: number, from: number, to?: number): { ref: MessageRef; end: number } | undefined {
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

  /**
   * Where the next unlettered reference on a line starts after the one at `from`: after a semicolon, or
   * right after a cable reference when another follows it; `end` is where the one at `from` ends.
   */
  protected nextUnletteredReference(line: number, from: number): { start: number; end: number } | undefined {
    const text = this.clean[line];
    const semicolon = text.indexOf(';', from);
    let start = -1;
    let end = -1;
    let at = from;
    while (at < text.length && isSpace(text.charCodeAt(at))) at++;
    const here = this.messageRefAt(line, at);
    if (here && (semicolon < 0 || here.end < semicolon)) {
      let after = here.end;
      while (after < text.length && isSpace(text.charCodeAt(after))) after++;
      if (after > here.end && this.startsWithMessageRef(line, after)) [start, end] = [after, here.end];
    }
    if (start < 0 && semicolon >= 0) {
      let after = semicolon + 1;
      while (after < text.length && isSpace(text.charCodeAt(after))) after++;
      if (this.startsWithMessageRef(line, after)) [start, end] = [after, semicolon];
    }
    return start < 0 ? undefined : { start, end };
  }

  /** Whether a cable reference (`STATE 10152`, `08 LUANDA 536`) starts at `from`. */
  protected startsWithMessageRef(line: number, from: number): boolean {
    let start = from;
    while (start < this.clean[line].length && isSpace(this.clean[line].charCodeAt(start))) start++;
    return this.messageRefAt(line, start) !== undefined;
  }

  protected refBlock(line: number): number {
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
      // Unlettered references one after another: `REF: STATE 10152; 08 LUANDA 536`, or with only a
      // space between two cable references (`RIO DE JANEIRO 353 RIO DE JANEIRO 311`).
      while (!lettered) {
        const next = this.nextUnletteredReference(index, position);
        if (!next) break;
        current.pieces.push([index, position, next.end]);
        finish();
        current = { start: { line: index, col: next.start }, pieces: [] };
        position = next.start;
      }
      // Inline labels for the next expected letter: `A. STATE 1  B. KABUL 2`, `A) X, B) Y`, `(C) Z`.
      while (lettered) {
        const want = expected();
        // After Z there is no next letter to look for (the character after Z would break the regex).
        if (!/^[A-Z]$/.test(want)) break;
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
  protected joinedRefCable(description: string, descriptionRange: TextRange): MessageRef | undefined {
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

  protected trimPiece([line, start, end]: [number, number, number]): [number, number, number] {
    const text = this.clean[line];
    let s = start;
    let e = end;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    return [line, s, e];
  }

  protected refCable(line: number, start: number, end: number): MessageRef | undefined {
    let from = start;
    const repeated = /^\([A-Z]\)\s*/.exec(this.clean[line].slice(from, end));
    if (repeated) from += repeated[0].length;
    return this.messageRefAt(line, from, end)?.ref;
  }

  /** A line that starts a new structure: paragraph, sub-paragraph, talking point, header keyword. */
  protected isStructural(line: number): boolean {
    const text = this.clean[line];
    return looksLikeParagraphHead(text, false) || TALKING_POINT_RE.test(text) || SUBJECT_RE.test(text) || TAGS_RE.test(text) ||
      EO_RE.test(text) || NNNN_RE.test(text);
  }

  protected classifiedBy(line: number, from: number): number {
    const text = this.clean[line];
    let keywordStart = from;
    while (keywordStart < text.length && isSpace(text.charCodeAt(keywordStart))) keywordStart++;
    // `(U) Classified by ...`: a mark before the keyword.
    const leadingMark = /^\([A-Za-z/ ]{1,12}\)\s*/.exec(text.slice(keywordStart));
    if (leadingMark) keywordStart += leadingMark[0].length;
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
    // `Classified By: CLASSIFIED BY ISN ACTING DAS ...`: the keyword written twice.
    CLASSIFIED_BY_AT_RE.lastIndex = after;
    const doubled = classifierEnd > after ? CLASSIFIED_BY_AT_RE.exec(text) : null;
    let classifierStart = after;
    if (doubled) {
      classifiedBy.doubledKeyword = this.span(line, after, after + doubled[0].length);
      classifierStart = after + doubled[0].length;
    }
    if (classifierEnd > classifierStart) classifiedBy.classifier = this.span(line, classifierStart, classifierEnd);
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
    // `Derived From: DSCG 05-01` on the next line: a derivative classification cites its source, not a reason.
    if (!reason && last + 1 < this.count) {
      const derived = /^\s*Derived\s+From\s*:?\s*\S/i.exec(this.clean[last + 1]);
      if (derived) {
        last++;
        const start = this.clean[last].length - this.clean[last].trimStart().length;
        classifiedBy.derivedFrom = this.span(last, start, this.lineEnd(last));
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
  protected midLineParagraphAt(line: number, column: number): boolean {
    const head = MID_LINE_PARAGRAPH_RE.exec(this.clean[line].slice(column, column + 132));
    return head !== null && (LEVELS as readonly string[]).includes(/^[^/\s]*/.exec(head[2])![0]);
  }
}
