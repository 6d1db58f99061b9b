// Lines as the reader sees them: web-copy artifacts cleaned with a map back to the written columns,
// blank lines, and the ranges and spans of the model's elements.
import { TextRange, type CableModel, type Portion, type Range, type Span, type WebArtifact } from '../model';
import { EMPTY_STRUCTURE } from './structure';
import { ArrivalOrder, isBlankText, isSpace, noteOrder, range, splitLines, trimmedSlice } from './text';

/** Above this many characters only the first whole lines up to it are analysed. */
export const MAX_ANALYSED_CHARS = 5 * 1024 * 1024;

export const ARTIFACT_RE = /\[([^[\]]{1,100})\]\(#\)/g;

export function emptyModel(lines: string[], eol: '\n' | '\r\n'): CableModel {
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

export abstract class LineReader {
  protected readonly model: CableModel;

  protected readonly raw: string[];

  /** Lines with artifacts removed and BOM skipped; regexes run on these. */
  protected clean: string[];

  /** Cleaned column -> original column, for lines that were changed (one extra entry for the end); sparse. */
  protected maps: (Int32Array | undefined)[] = [];

  /** Per changed line, each artifact as cleaned inner start, cleaned inner end, raw start, raw end; sparse. */
  protected artifactBounds: (Int32Array | undefined)[] = [];

  protected readonly count: number;

  protected readonly consumed: Uint8Array;

  /** 1 where the cleaned line is blank (only white space), filled by prepareLine. */
  protected readonly blank: Uint8Array;

  protected readonly portions: Portion[] = [];

  /** Whether portions and marks were found in document order (almost always: then no sort at the end). */
  protected readonly portionOrder: ArrivalOrder = { sorted: true, line: 0, character: 0 };

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

  protected prepareLine(index: number): void {
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

  protected startColumn(line: number, column: number): number {
    const map = this.maps[line];
    if (!map) return column;
    return map[Math.min(column, map.length - 1)];
  }

  protected endColumn(line: number, column: number): number {
    const map = this.maps[line];
    if (!map) return column;
    if (column <= 0) return map[0];
    return map[Math.min(column - 1, map.length - 2)] + 1;
  }

  /**
   * The artifact whose cleaned inner text starts (`field` 0) or ends (`field` 1) at `column`, as an index
   * into the line's bounds, or -1. Binary search: a line may hold thousands of artifacts.
   */
  protected artifactAt(line: number, column: number, field: 0 | 1): number {
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
  protected elementStartColumn(line: number, column: number): number {
    const at = this.artifactAt(line, column, 0);
    return at >= 0 ? this.artifactBounds[line]![at + 2] : this.startColumn(line, column);
  }

  /** Like endColumn, but an element ending with an artifact's inner text ends after its `](#)`. */
  protected elementEndColumn(line: number, column: number): number {
    const at = this.artifactAt(line, column, 1);
    return at >= 0 ? this.artifactBounds[line]![at + 3] : this.endColumn(line, column);
  }

  /** The range of a token (a code, a letter, a number): inside an artifact, just its inner text. */
  protected rangeOf(line: number, start: number, end: number, endLine = line): TextRange {
    const startCharacter = this.startColumn(line, start);
    const endCharacter = endLine === line && end <= start ? startCharacter : this.endColumn(endLine, end);
    return range(line, startCharacter, endLine, endCharacter);
  }

  /** The range of an element (a line, an entry, a portion): whole artifacts at its ends included. */
  protected elementRange(line: number, start: number, end: number, endLine = line): TextRange {
    const startCharacter = this.elementStartColumn(line, start);
    const endCharacter = endLine === line && end <= start ? startCharacter : this.elementEndColumn(endLine, end);
    return range(line, startCharacter, endLine, endCharacter);
  }

  /** `cleanText`: the cleaned text from `start` to `end` when the caller has it (then no copy when the line is unchanged). */
  protected span(line: number, start: number, end: number, cleanText?: string): Span {
    const spanRange = this.rangeOf(line, start, end);
    return { text: this.textAt(spanRange, cleanText), range: spanRange };
  }

  /** The text of a one-line range as written; `cleanText` is used when the line has no artifact. */
  protected textAt(spanRange: TextRange, cleanText?: string): string {
    const line = spanRange.startLine;
    if (cleanText !== undefined && this.maps[line] === undefined) return cleanText;
    return this.raw[line].slice(spanRange.startCharacter, spanRange.endCharacter);
  }

  /** The first 80 characters of a head's text, trimmed. */
  protected title(line: number, from: number): string {
    const text = this.clean[line];
    return trimmedSlice(text, from, Math.min(text.length, from + 80));
  }

  protected elementSpan(line: number, start: number, end: number): Span {
    const spanRange = this.elementRange(line, start, end);
    return { text: this.raw[line].slice(spanRange.startCharacter, spanRange.endCharacter), range: spanRange };
  }

  /** Text of a multi-line range as written, lines joined with '\n'. */
  protected textOf(spanRange: Range): string {
    const { start, end } = spanRange;
    if (start.line === end.line) return this.raw[start.line].slice(start.character, end.character);
    const parts = [this.raw[start.line].slice(start.character)];
    for (let i = start.line + 1; i < end.line; i++) parts.push(this.raw[i]);
    parts.push(this.raw[end.line].slice(0, end.character));
    return parts.join('\n');
  }

  /** An element over lines (whole artifacts at its ends). */
  protected multiSpan(startLine: number, startCol: number, endLine: number, endCol: number): Span {
    const spanRange = this.elementRange(startLine, startCol, endCol, endLine);
    return { text: this.textOf(spanRange), range: spanRange };
  }

  protected isBlank(line: number): boolean {
    return line >= this.count || line < 0 || this.blank[line] === 1;
  }

  /** The cleaned column of the first non-space character (the length when there is none). */
  protected lineStart(line: number): number {
    const text = this.clean[line];
    let start = 0;
    while (start < text.length && isSpace(text.charCodeAt(start))) start++;
    return start;
  }

  /** The cleaned column after the last non-space character (the length when there is none). */
  protected lineEnd(line: number): number {
    const text = this.clean[line];
    let end = text.length;
    while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
    return end === 0 ? text.length : end;
  }

  protected lineSpan(line: number): Span {
    return this.elementSpan(line, this.lineStart(line), this.lineEnd(line));
  }

  protected addPortion(portion: Portion): void {
    this.portions.push(portion);
    noteOrder(this.portionOrder, portion.range.startLine, portion.range.startCharacter);
  }

  /** The cleaned column where a range (on one line) ends. */
  protected cleanEnd(line: number, spanRange: Range): number {
    return this.cleanColumn(line, spanRange.end.character);
  }

  /** The first cleaned column whose original column is at or after `character` (binary search). */
  protected cleanColumn(line: number, character: number): number {
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
}
