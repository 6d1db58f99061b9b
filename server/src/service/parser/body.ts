// The body as a drafter sees it: paragraphs (heads with typos too), sub-paragraphs, bullets and the
// portions they make; numbered lines that are list items or quoted text; the signature and NNNN.
import { LEVELS, TextRange, type ListItem, type Paragraph, type Portion, type SubParagraph, type TalkingPoint } from '../model';
import { KEYWORD_RE } from './blocks';
import { HeaderReader } from './header';
import { CLASSIFIED_BY_RE, CLASSIFIED_BY_STICKY_RE } from './headerBlocks';
import { levelMarkAt, trailingMarkStart } from './marks';
import { NO_ITEMS, endsSentence, exact, isAsciiLetter, isDigit, isSpace, isUpperCase, skipRegexSpaces, sortedByStart, upperLetterAt, withItem } from './text';
import { NNNN_RE, PARAGRAPH_RE, SIGNATURE_RE, SUB_LETTER_RE, SUB_PAREN_RE, TALKING_POINT_RE, looksLikeParagraphHead, matchParagraphHead, matchSubLetter, matchTalkingPoint, type HeadMatch } from './heads';

export abstract class BodyReader extends HeaderReader {
  // body state
  protected paragraph?: Paragraph;

  protected paragraphLast = -1;

  protected subParagraph?: SubParagraph;

  protected subLast = -1;

  protected talkingPoint?: TalkingPoint;

  protected talkingPointFirst = -1;

  protected talkingPointLast = -1;

  /** The run of plain text being read (see textLine): whether one is open, its first line, and its portion when it starts with a mark. */
  protected chunkOpen = false;

  protected chunkStartLine = 0;

  protected chunkPortion: Portion | undefined = undefined;

  /** The number the next item of the list being read would carry (0: no list is being read). */
  protected listNext = 0;

  /** Whether the cable marks its paragraphs (two heads or more carry a level mark): then an unmarked number out of the run is a list item. */
  protected marksParagraphs = false;

  protected signatureStart = Number.MAX_SAFE_INTEGER;

  protected findEnd(bodyStart: number): void {
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

  protected parseBody(bodyStart: number): void {
    const stop = Math.min(this.signatureStart, this.count);
    this.marksParagraphs = this.countMarkedHeads(bodyStart, stop) >= 2;
    for (let line = bodyStart; line < stop; line++) this.bodyLine(line);
    this.finishBody();
  }

  /** One body line: its structure, then the blocks, citations and cross-references that start on it. */
  protected bodyLine(line: number): void {
    if (this.blank[line] === 1) {
      this.blankLine(line);
      return;
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

  /** Closes what is still open at the end of the body; blocks never closed are noted as problems. */
  protected finishBody(): void {
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
  protected nextMarkedHeadIs(line: number, value: number): boolean {
    for (let ahead = line + 1; ahead < this.count; ahead++) {
      const head = PARAGRAPH_RE.exec(this.clean[ahead]);
      if (head) return Number(head[2]) === value && levelMarkAt(this.clean[ahead], head[0].length);
    }
    return false;
  }

  /**
   * Whether a line that starts like a label (`(b)`, `--`) is the wrap of the sentence above it: the line
   * before is prose of the paragraph, not a label's, and stops mid-sentence (`... under articles` /
   * `(b) and (d) of the order`, `... in the region` / `-- in the Middle East -- and more`).
   */
  protected continuesProse(line: number): boolean {
    if (line === 0 || this.isBlank(line - 1) || this.talkingPointLast === line - 1 || this.subLast === line - 1 && this.subParagraph?.range.startLine === line - 1) return false;
    const previous = this.clean[line - 1].trimEnd();
    if (previous === '' || /[.:;!?)\]"']$/.test(previous)) return false;
    if (this.paragraph?.range.startLine === line - 1 && previous.length < 40) return false;
    return this.paragraphLast === line - 1;
  }

  protected countMarkedHeads(from: number, to: number): number {
    let count = 0;
    for (let line = from; line < to && count < 2; line++) {
      const head = PARAGRAPH_RE.exec(this.clean[line]);
      if (head && levelMarkAt(this.clean[line], head[0].length)) count++;
    }
    return count;
  }

  /** Handles a non-blank body line; returns where a block opener may start after its head. */
  protected structureLine(line: number): number {
    const text = this.clean[line];
    const head = this.paragraphHeadMatch(line);
    if (head) {
      const digits = text.slice(head.numberStart, head.numberEnd);
      const reason = this.listItemReason(line, Number(digits), text[head.after] === '(');
      if (!reason) return this.paragraphHead(line, head.numberStart, digits, head.after);
      this.model.listItems.push({ number: Object.assign(this.span(line, head.numberStart, head.numberEnd), { value: Number(digits) }), reason });
    }
    // Each head regex runs only when the first character can start it: prose lines run none.
    const first = skipRegexSpaces(text, 0, text.length);
    const code = text.charCodeAt(first);
    if (this.paragraph) {
      // Most lines start with a word: a letter label is a letter then a dot, or starts with a digit.
      const letterThenDot = isAsciiLetter(code) && text[first + 1] === '.';
      const sub = letterThenDot || isDigit(code) ? matchSubLetter(text, first) : undefined;
      if (sub) {
        const letter = text[sub.letterAt];
        const prefix = sub.letterAt > first ? text.slice(first, sub.letterAt) : undefined;
        if ((prefix === undefined || isUpperCase(letter)) && this.isSubParagraphLabel(text, sub.end, letter)) {
          return this.subParagraphHead(line, first, sub.letterAt + 1, upperLetterAt(text, sub.letterAt), prefix, sub.end);
        }
      }
      const parenMatch = code === 40 /* ( */ && !this.continuesProse(line) ? SUB_PAREN_RE.exec(text) : null;
      if (parenMatch) {
        const labelStart = parenMatch[1].length;
        return this.subParagraphHead(line, labelStart, labelStart + parenMatch[2].length + 2, parenMatch[2], undefined, parenMatch[0].length);
      }
    }
    const dash = text[first] === '-' && !this.continuesProse(line) ? matchTalkingPoint(text, first) : undefined;
    if (dash) return this.talkingPointHead(line, dash.numberStart, dash.numberEnd, dash.after);
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
  protected isParagraphHead(line: number): boolean {
    return this.paragraphHeadMatch(line) !== undefined;
  }

  /** The head the line starts with, if it is one. `1.Text` only after a blank line. */
  protected paragraphHeadMatch(line: number): HeadMatch | undefined {
    const text = this.clean[line];
    const head = matchParagraphHead(text, false);
    if (!head) {
      const tight = line === 0 || this.isBlank(line - 1) ? matchParagraphHead(text, true) : undefined;
      return tight && (tight.numberEnd - tight.numberStart < 4 || this.isNextNumber(text, tight)) ? tight : undefined;
    }
    const marked = text[head.after] === '(';
    // Four digits: a year or an amount as often as a paragraph, so only the next number or a real mark.
    let isHead: boolean;
    if (head.numberEnd - head.numberStart === 4) isHead = this.isNextNumber(text, head) || (marked && levelMarkAt(text, head.after));
    else isHead = marked || line === 0 || this.isBlank(line - 1) || endsSentence(this.clean[line - 1]) || this.isNextNumber(text, head);
    return isHead ? head : undefined;
  }

  /**
   * Why a numbered head is not a paragraph (cable-format.md section 13): it is quoted text inside BEGIN
   * TEXT, or an unmarked item of a list: the numbering starts again at 1, goes on from the list's last
   * item, or breaks the run in a cable whose paragraphs carry marks. Undefined for a paragraph.
   */
  protected listItemReason(line: number, value: number, marked: boolean): ListItem['reason'] | undefined {
    const last = this.model.paragraphs[this.model.paragraphs.length - 1];
    // Quoted text has its own numbering; a marked head that goes on from the paragraphs is the cable's own
    // (a BEGIN TEXT left open must not swallow the rest of the cable).
    if (this.isQuoted() && !(marked && last && value === last.number.value + 1)) return 'quoted';
    if (marked || !last) {
      this.listNext = 0;
      return undefined;
    }
    // The paragraphs' next number: after the last one, or the place this one has (`22` mistyped before `58`).
    const followsRun = value === last.number.value + 1 || value === this.model.paragraphs.length + 1;
    // A list's next number that is also the paragraphs' next: in a cable that marks its paragraphs, a list
    // item unless the next head goes on from it, marked; in one that does not, a paragraph.
    const ambiguous = followsRun && (!this.marksParagraphs || this.nextMarkedHeadIs(line, value + 1));
    const continuesList = this.listNext > 0 && value === this.listNext && !ambiguous;
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
  protected isNextNumber(text: string, head: HeadMatch): boolean {
    const value = Number(text.slice(head.numberStart, head.numberEnd));
    const previous = this.model.paragraphs[this.model.paragraphs.length - 1];
    return value === (previous ? previous.number.value + 1 : 1);
  }

  /** `W. Bush` at a line start is not a sub-paragraph: a label is the next letter or carries a mark. */
  /** Whether a letter label ending at `end` heads a sub-paragraph. */
  protected isSubParagraphLabel(text: string, end: number, letter: string): boolean {
    if (text[end] === '(') return true;
    const subParagraphs = this.paragraph!.subParagraphs;
    let previous: string | undefined;
    for (let index = subParagraphs.length - 1; index >= 0 && previous === undefined; index--) {
      if (/^[A-Z]$/.test(subParagraphs[index].letter)) previous = subParagraphs[index].letter;
    }
    const expected = previous ? String.fromCharCode(previous.charCodeAt(0) + 1) : 'A';
    return letter.toUpperCase() === expected;
  }

  protected extendCurrent(line: number): void {
    if (this.talkingPoint) this.talkingPointLast = line;
    this.touchContainers(line);
  }

  protected touchContainers(line: number): void {
    if (this.paragraph) this.paragraphLast = line;
    if (this.subParagraph) this.subLast = line;
  }

  protected blankLine(line: number): void {
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

  protected startsStructure(line: number): boolean {
    const text = this.clean[line];
    if (looksLikeParagraphHead(text, true) || TALKING_POINT_RE.test(text) || SUB_LETTER_RE.test(text) || SUB_PAREN_RE.test(text)) return true;
    return /^\s*(?:\(\s*)?(?:BEGIN|END)\s|^\s*\(?(?:NOTE|COMMENT|BACKGROUND|SUMMARY)\s*:/i.test(text);
  }

  /** A paragraph head: the number's digits at `numberStart`, the mark or title from `afterNumber`. */
  protected paragraphHead(line: number, numberStart: number, digits: string, afterNumber: number): number {
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
    const separatorText = this.clean[line].slice(separator, separator + 2);
    let malformedHead: Paragraph['malformedHead'];
    if (separatorText.startsWith(',')) malformedHead = { problem: 'comma', range: this.rangeOf(line, separator, separator + 1) };
    else if (separatorText === '.(') malformedHead = { problem: 'no-space', range: this.rangeOf(line, separator + 1, separator + 1) };
    const headMark = this.headMark(line, afterNumber);
    const head = headMark?.mark;
    const titleStart = headMark ? headMark.textStart : afterNumber;
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
  protected classifiedByAt(line: number, column: number): boolean {
    const text = this.clean[line];
    if (text[column] !== 'C' && text[column] !== 'c') return false;
    CLASSIFIED_BY_STICKY_RE.lastIndex = column;
    return CLASSIFIED_BY_STICKY_RE.test(text);
  }

  /** Starts the paragraph found mid-line after a Classified By reason. */
  protected pendingParagraph(): number {
    const { line, column } = this.pendingHead!;
    this.pendingHead = undefined;
    const digits = /^\d+/.exec(this.clean[line].slice(column, column + 4))![0];
    let afterNumber = column + digits.length + 1;
    while (afterNumber < this.clean[line].length && isSpace(this.clean[line].charCodeAt(afterNumber))) afterNumber++;
    return this.paragraphHead(line, column, digits, afterNumber);
  }

  /** A sub-paragraph whose label (`A`, `1B`, `(a)`) is [labelStart, labelEnd) and whose text starts at `after`. */
  protected subParagraphHead(line: number, labelStart: number, labelEnd: number, letter: string, malformedPrefix: string | undefined, after: number): number {
    this.closeTalkingPoint();
    this.closeChunk();
    this.closeSubParagraph();
    const headMark = this.headMark(line, after);
    const head = headMark?.mark;
    const titleStart = headMark ? headMark.textStart : after;
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

  protected talkingPointHead(line: number, dashStart: number, dashEnd: number, textStart: number): number {
    this.closeTalkingPoint();
    this.closeChunk();
    const headMark = this.headMark(line, textStart, true);
    const head = headMark?.mark;
    const dash = this.span(line, dashStart, dashEnd, dashEnd - dashStart === 2 ? '--' : '-');
    const point: TalkingPoint = {
      kind: 'talking-point',
      range: this.elementRange(line, dashStart, this.lineEnd(line)),
      mark: head,
      markPosition: head ? 'leading' : undefined,
      dash,
    };
    const parent = this.subParagraph ?? this.paragraph;
    if (parent) parent.talkingPoints = withItem(parent.talkingPoints, point);
    this.talkingPoint = point;
    this.talkingPointFirst = line;
    this.talkingPointLast = line;
    this.touchContainers(line);
    this.addPortion(point);
    if (!head && trailingMarkStart(this.clean[line])) this.closeTalkingPoint();
    return headMark ? headMark.textStart : textStart;
  }

  protected closeTalkingPoint(): void {
    const point = this.talkingPoint;
    if (!point) return;
    this.talkingPoint = undefined;
    const first = this.talkingPointFirst;
    const last = this.talkingPointLast;
    if (!point.mark) {
      const trailing = trailingMarkStart(this.clean[last]);
      if (trailing && (last > first || trailing.open > this.cleanStart(point.dash.range))) {
        point.mark = this.mark(last, trailing.open, trailing.close);
        point.markPosition = 'trailing';
      }
    }
    this.endAt(point, last);
  }

  /** The cleaned column where a one-line range starts. */
  protected cleanStart(spanRange: TextRange): number {
    return this.cleanColumn(spanRange.startLine, spanRange.startCharacter);
  }

  protected closeSubParagraph(): void {
    const sub = this.subParagraph;
    if (!sub) return;
    this.subParagraph = undefined;
    sub.talkingPoints = exact(sub.talkingPoints);
    this.endAt(sub, this.subLast);
  }

  protected closeParagraph(): void {
    const paragraph = this.paragraph;
    if (!paragraph) return;
    this.paragraph = undefined;
    // Lists grown by push keep room for more: the model keeps exact copies (less to copy at each collection).
    paragraph.subParagraphs = exact(paragraph.subParagraphs);
    paragraph.talkingPoints = exact(paragraph.talkingPoints);
    this.endAt(paragraph, this.paragraphLast);
  }

  /** Ends a portion's range at the end of line `last` (in place: the range is the portion's own, shared with nothing). */
  protected endAt(portion: Portion, last: number): void {
    const character = this.elementEndColumn(last, this.lineEnd(last));
    portion.range.endLine = last;
    portion.range.endCharacter = character;
  }

  /** Plain text: a chunk starting with a mark, or a line ending in one, is a `text` portion. */
  protected textLine(line: number): void {
    const text = this.clean[line];
    if (!this.chunkOpen) {
      this.chunkOpen = true;
      this.chunkStartLine = line;
      this.chunkPortion = undefined;
      const start = this.lineStart(line);
      if (text[start] === '(') {
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

  protected closeChunk(): void {
    this.chunkOpen = false;
    this.chunkPortion = undefined;
  }
}
