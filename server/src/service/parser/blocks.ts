// Blocks: BEGIN/END, NOTE:/COMMENT: ... END NOTE, parentheticals `(Note: ... )` and headings, read across
// line ends (a wrapped `End` / `note.` is one END).
import { type Block, type Span } from '../model';
import { MarkReader } from './marks';
import { caseless, isSpace, range } from './text';

export const BLOCK_KINDS = 'TALKING POINTS|SUMMARY AND COMMENT|GUIDANCE|TEXT|QUOTE|SUMMARY|COMMENT|NOTE|BACKGROUND';

export const COLON_KINDS = 'SUMMARY AND COMMENT|SUMMARY|COMMENT|NOTE|BACKGROUND';

// BEGIN X | END X | `NOTE:` | a `Summary` heading. `X:` and headings are tentative (dropped when never closed,
// as drafters often leave a final `Comment:` open); `BEGIN X` and `(X:` must be closed.
export const BLOCK_RE = new RegExp(
  `\\b(?:(BEGIN)\\s+(${BLOCK_KINDS})\\b:?|(END)\\s+(${BLOCK_KINDS})\\b\\.?\\)?|(${COLON_KINDS})\\s*:|(SUMMARY AND COMMENT|SUMMARY|COMMENT)\\b)`,
  'gi',
);

// Where a block (BLOCK_RE), a citation (findCitationWord) or a cross-reference (findXrefWord) can first
// start on a line: where these words do; the keyword list lives here alone. Explicit classes, as V8 runs
// them faster than the `i` flag; `note` and `background` count only before a colon, as in BLOCK_RE.
export const KEYWORD_RE = new RegExp(
  String.raw`\b(?:(${caseless('BEGIN')}|${caseless('END')}|${caseless('SUMMARY')}|${caseless('COMMENT')}|` +
    String.raw`(?:${caseless('NOTE')}|${caseless('BACKGROUND')})\s*:)|(${caseless('REF')})|(${caseless('PARA')}))`,
  'g',
);

export interface OpenBlock {
  kind: string;
  open: Span;
  tentative: boolean;
  /** A parenthetical `(Note: ...`: how many parentheses are open in it (it closes at its `)` or at its END). */
  parentheses?: number;
}

export function normaliseKind(kind: string): string {
  return kind.toUpperCase().replace(/\s+/g, ' ');
}

export abstract class BlockReader extends MarkReader {
  protected readonly openBlocks: OpenBlock[] = [];

  /** How many of the open blocks are parentheticals: while any is, every line's parentheses are followed. */
  protected openParentheticals = 0;

  /** The line after a BEGIN or END that ended its line (`End` / `note.)`), and where the keyword's words end on it. */
  protected wrappedEnd?: { line: number; end: number };

  /**
   * Block keywords from `from` (where one first appears, see KEYWORD_RE), and the parentheses that close
   * an open parenthetical `(Note: ... )`, in the order they stand on the line.
   */
  protected scanBlocks(line: number, headEnd: number, from: number): void {
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
  protected scanParentheses(line: number, from: number, to: number): void {
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

  protected innermostParenthetical(): OpenBlock | undefined {
    for (let index = this.openBlocks.length - 1; index >= 0; index--) if (this.openBlocks[index].parentheses !== undefined) return this.openBlocks[index];
    return undefined;
  }

  /**
   * `... End` / `note.)` and `... Begin` / `talking points:`: a BEGIN or END whose kind is on the next
   * line opens or closes its block, as it reads.
   */
  protected wrappedKeyword(line: number, from: number, headEnd: number): void {
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
  protected atLineHead(text: string, position: number, headEnd: number): boolean {
    let before = position;
    while (before > 0 && isSpace(text.charCodeAt(before - 1))) before--;
    if (before === 0 || before <= headEnd) return true;
    return /^\s*\([A-Za-z/ ]{1,20}\)$/.test(text.slice(0, before));
  }

  /** Openers sit at line start, right after a paragraph head or mark, after `(`, or after a sentence end. */
  protected openerAllowed(text: string, position: number, headEnd: number): boolean {
    let before = position;
    while (before > 0 && isSpace(text.charCodeAt(before - 1))) before--;
    if (before === 0 || before <= headEnd) return true;
    const previous = text[before - 1];
    // After the rest of a head's mark wrapped from the line before (`UZBEKISTAN) Begin talking points:`).
    if (previous === ')') return /^[A-Za-z/ ,.-]*\)$/.test(text.slice(0, before));
    return previous === '(' || previous === '[' || previous === '.' || previous === '!' || previous === '?' || previous === ':';
  }

  protected closeBlock(kind: string, close: Span): void {
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

  /** Inside quoted text (BEGIN TEXT, BEGIN QUOTE): its numbers and paragraphs are another document's. */
  protected isQuoted(): boolean {
    return this.openBlocks.some((open) => open.kind === 'TEXT' || open.kind === 'QUOTE');
  }
}
