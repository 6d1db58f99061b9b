// The cable model: what `parse` finds in a cable, each element with its range in the document.
// Every feature reads this model; none re-scans the text on its own (see ../../../../shared/style.md).
import type { Position, Range } from 'vscode-languageserver-types';

export type { Range, Position } from 'vscode-languageserver-types';

/**
 * The range of a model element, kept as four numbers: `start` and `end` are made when read.
 * A 1 MB cable has tens of thousands of ranges; as plain `{ start, end }` objects they were three
 * objects each, and their allocation and garbage collection cost more than the parse's own work.
 * It serialises (JSON, the protocol) as a plain range.
 */
export class TextRange implements Range {
  constructor(
    public startLine: number,
    public startCharacter: number,
    public endLine: number,
    public endCharacter: number,
  ) {}

  get start(): Position {
    return { line: this.startLine, character: this.startCharacter };
  }
  get end(): Position {
    return { line: this.endLine, character: this.endCharacter };
  }

  /** Whether `inner` lies within this range (ends included). */
  contains(inner: TextRange): boolean {
    const startsAfter = inner.startLine > this.startLine || (inner.startLine === this.startLine && inner.startCharacter >= this.startCharacter);
    const endsBefore = inner.endLine < this.endLine || (inner.endLine === this.endLine && inner.endCharacter <= this.endCharacter);
    return startsAfter && endsBefore;
  }

  toJSON(): Range {
    return { start: this.start, end: this.end };
  }
}

/**
 * A portion mark as the parser makes it. A long cable has thousands: one class gives them one shape (the
 * rules read them fast) and their range is made only when asked for.
 */
export class Mark implements PortionMark {
  constructor(
    readonly text: string,
    readonly line: number,
    readonly startCharacter: number,
    readonly endCharacter: number,
    /** What the text between the parentheses means, shared by the marks written the same way. */
    private readonly meaning: MarkMeaning,
    /** A mark wrapped over two lines (`(S//REL UK,` / `FRANCE)`) ends on the next one. */
    readonly endLine: number = line,
  ) {}

  get level(): Level | undefined {
    return this.meaning.level;
  }
  get controls(): readonly string[] {
    return this.meaning.controls;
  }
  get valid(): boolean {
    return this.meaning.problem === undefined;
  }
  get problem(): string | undefined {
    return this.meaning.problem;
  }

  get range(): TextRange {
    return new TextRange(this.line, this.startCharacter, this.endLine, this.endCharacter);
  }

  /** As the protocol and the tests see a mark: its text, range and meaning (no undefined fields). */
  toJSON(): object {
    const { text, range, controls, valid, level, problem } = this;
    return { text, range, controls, valid, ...(level !== undefined && { level }), ...(problem !== undefined && { problem }) };
  }
}

/** The meaning of a mark's inner text (`S//NF`): its level, controls, and what is wrong with it. */
export interface MarkMeaning {
  readonly level: Level | undefined;
  readonly controls: readonly string[];
  readonly problem: string | undefined;
}

/** A mark that names a level with valid controls. */
export type ValidMark = PortionMark & { level: Level };

export function isValidMark(mark: PortionMark): mark is ValidMark {
  return mark.valid && mark.level !== undefined;
}

/** What the marks of a model say together. */
export interface MarkSummary {
  /** The highest level a valid mark names (see PortionMark.valid), if any. */
  readonly highest: Level | undefined;
  /** How many marks are not valid (see isValidMark). */
  readonly invalid: number;
}

/** Classification levels, lowest first. */
export type Level = 'U' | 'SBU' | 'C' | 'S' | 'TS';
export const LEVELS: readonly Level[] = ['U', 'SBU', 'C', 'S', 'TS'];
const LEVEL_RANKS: Readonly<Record<Level, number>> = { U: 0, SBU: 1, C: 2, S: 3, TS: 4 };
export function levelRank(level: Level): number {
  return LEVEL_RANKS[level] ?? -1;
}

/** A piece of text as written, with its range. `text` is as written unless a field says otherwise. */
export interface Span {
  text: string;
  range: TextRange;
}

/** A portion mark such as `(U)`, `(S//NF)`, `(C/REL NATO)`; also an invalid one such as `(X)`. */
export interface PortionMark extends Span {
  /** Where the mark is, as numbers (`range` is made of these when read): it starts on `line` and ends on `endLine`. */
  line: number;
  startCharacter: number;
  endLine: number;
  endCharacter: number;
  /** The level, when the first token is a known level (U, SBU, C, S, TS; case-insensitive). */
  level?: Level;
  /** Dissemination controls, normalised to canonical upper-case names: NOFORN, REL NATO, FGI, FOUO ... (shared between marks: read only). */
  controls: readonly string[];
  /** False when the mark is not a level with valid controls (`(X)`, `(S/ NF)`, `(CC)`). */
  valid: boolean;
  /** Why it is invalid, for the diagnostic message. */
  problem?: string;
}

export type PrecedenceLetter = 'Z' | 'O' | 'P' | 'R';

/** A line of the ACP-127 transmission header (received cables only). */
export interface TransmissionLine extends Span {
  kind: 'start' | 'routing' | 'origin' | 'security' | 'info-log' | 'other';
  /** On a `ZNY CCCCC ZZH` / `ZNR UUUUU` line: the five letters and the level they stand for. */
  securityLetters?: Span;
  securityLevel?: Level;
}

/** The date-time group `DDHHMMZ MON YY`. */
export interface Dtg extends Span {
  day: number;
  hour: number;
  minute: number;
  /** 1-12, or 0 when the month name is unknown. */
  month: number;
  /** Four-digit year (YY 70-99 -> 19YY, else 20YY). */
  year: number;
  /** The instant in UTC, when the DTG is a real date and time. */
  date?: Date;
  /** Why it is not a real date and time. */
  problem?: string;
}

export interface PrecedenceLine extends Span {
  /** Action precedence, then the optional info precedence (`P R`). Letters as written. */
  precedences: Span[];
  dtg?: Dtg;
  /** Set when the line looks like a precedence line but a letter is not Z/O/P/R. */
  problem?: string;
}

export interface Addressee extends Span {
  /** `RUEHFR` in `RUEHFR/AMEMBASSY PARIS`. */
  routing?: Span;
  /** `AMEMBASSY PARIS`. */
  name: Span;
  /** `PRIORITY`, `IMMEDIATE`, `NIACT IMMEDIATE`, `ROUTINE`, `FLASH`. */
  precedence?: Span;
  /** Trailing serial number(s), `4809` or `2276-2279`. */
  serial?: Span;
}

export interface AddressBlock extends Span {
  keyword: Span & { kind: 'FM' | 'TO' | 'INFO' };
  addressees: Addressee[];
}

export interface Banner extends Span {
  /** The classification words as written (`C O N F I D E N T I A L`, `UNCLAS EFTO`). */
  classification: Span;
  /** undefined only when the words are unrecognised (never for a parsed banner). */
  level: Level;
  spaced: boolean;
  /** `UNCLAS EFTO`. */
  efto: boolean;
  section?: Span & { number: number; of: number };
  /** `STATE 109154`, `PARIS 001007`. */
  messageRef?: MessageRef;
  /** A garbled classification (`SS E C R E T`, `UUNCLAS`): the words it was read as, for the finding and its fix. */
  malformed?: { intended: string };
}

/** A reference to a cable by post and serial, e.g. `STATE 109154`, `08 STATE 95573`, `SECSTATE 74879`. */
export interface MessageRef extends Span {
  /** Upper case; SECSTATE normalised to STATE. */
  post: string;
  /** Digits without leading zeros. */
  serial: string;
  /** Two-digit year when written (`08 STATE 95573`), as a four-digit number. */
  year?: number;
}

/** A caption line after the banner: `SIPDIS`, `NOFORN`, `SENSITIVE`, `EXDIS`, `NODIS`, `LIMDIS`, `STADIS`. */
export interface Caption extends Span {
  /** Upper-case caption word. */
  name: string;
}

export type DeclassificationInstruction =
  | (Span & { kind: 'date'; year: number; month: number; day: number; valid: boolean; format: 'MM/DD/YYYY' | 'YYYY/MM/DD' | 'other' })
  | (Span & { kind: 'event' })
  | (Span & { kind: 'exemption'; code: string; known: boolean })
  | (Span & { kind: 'na' })
  | (Span & { kind: 'obsolete'; code: string })
  | (Span & { kind: 'declassified' })
  | (Span & { kind: 'unknown' });

export interface EoLine extends Span {
  /** The `E.O.` / `EO` keyword. */
  keyword: Span;
  /** The order number as written, `12958`, and its value. */
  order?: Span & { value: number };
  /** The `DECL:` keyword when written. */
  declKeyword?: Span;
  instruction?: DeclassificationInstruction;
  /** `DNG: CO 10/01/2010`: downgrade instruction, when present. */
  downgrade?: Span;
}

export interface Tag extends Span {
  /** Upper-case code, artifacts removed (`[PREL](#)` -> `PREL`). */
  code: string;
  /** The person a tag such as OVIP names: `(RICE, CONDOLEEZZA)`. */
  person?: Span;
}

export interface TagsLine extends Span {
  keyword: Span;
  tags: Tag[];
  /** The separator the drafter uses: comma-separated or space-separated. */
  separator: ' ' | ',';
  /** One range per physical line (the first and any continuation lines). */
  lineRanges: TextRange[];
}

export interface Subject extends Span {
  keyword: Span;
  /** The subject text without keyword and mark, lines joined by a space. */
  title: string;
  mark?: PortionMark;
  markPosition?: 'start' | 'end';
}

export interface RefEntry extends Span {
  /** Upper-case letter; for unlettered references the implicit one (A, B ... in order), with no `letterRange`. */
  letter?: string;
  /** Range of the letter itself (inside `[B](#).` just the `B`). */
  letterRange?: TextRange;
  /** The reference text after the letter, continuation lines joined by a space. */
  description: string;
  descriptionRange: TextRange;
  /** When the text names a cable (`STATE 095573`). */
  cable?: MessageRef;
}

export interface RefBlock extends Span {
  keyword: Span;
  entries: RefEntry[];
}

export interface ReasonLetter extends Span {
  /** Lower-case letter as a category key: 'a' ... 'z' (validity is the rules' business). */
  letter: string;
}

export interface ClassifiedBy extends Span {
  keyword: Span;
  /** The classifier's name and position, when written. */
  classifier?: Span;
  /** The `Reason:` keyword, or `for reasons` on a one-line form. */
  reasonKeyword?: Span;
  /** `1.4` or `1.5`. */
  section?: Span;
  letters: ReasonLetter[];
  /** The whole reason text after the keyword. */
  reasonText?: Span;
  /** `Derived From: ...` on the line after: a derivative classification's source, in place of a reason. */
  derivedFrom?: Span;
  /** `Classified By: Classified By: ...`: the keyword written a second time (a slip). */
  doubledKeyword?: Span;
}

export type PortionKind = 'subject' | 'paragraph' | 'subparagraph' | 'talking-point' | 'text';

/** Anything that carries, or should carry, a portion mark. */
export interface Portion {
  kind: PortionKind;
  range: TextRange;
  mark?: PortionMark;
  markPosition?: 'leading' | 'trailing';
}

export interface TalkingPoint extends Portion {
  kind: 'talking-point';
  /** The `--` or `-`. */
  dash: Span;
}

export interface SubParagraph extends Portion {
  kind: 'subparagraph';
  /** The label as written without the dot: `A`, `1B`, `(a)`, `(1)`. */
  label: Span;
  /** Upper-case letter for `A.`/`1B.` labels; for `(a)` / `(1)` the inner text. */
  letter: string;
  /** `1` in the malformed `1B.` label. */
  malformedPrefix?: string;
  /** The title/first words (up to 80 characters) after label and mark. */
  title: string;
  talkingPoints: readonly TalkingPoint[];
}

export interface Paragraph extends Portion {
  kind: 'paragraph';
  /** The number as written (`14`), its value, and its range (inside `[1](#).` just the `1`). */
  number: Span & { value: number };
  /** First words (up to 80 characters) after number and mark. */
  title: string;
  /** A head written `7, (U)` (comma) or `2.(C)` (no space): still a paragraph; the range is the separator to mend. */
  malformedHead?: { problem: 'comma' | 'no-space'; range: TextRange };
  /** An empty list may be shared between paragraphs: hence read only (as every list in the model is to features). */
  subParagraphs: readonly SubParagraph[];
  /** Talking points directly in the paragraph (not inside a sub-paragraph). */
  talkingPoints: readonly TalkingPoint[];
}

/**
 * A numbered line that is not a paragraph: an item of a list inside a paragraph (`... as follows:` then
 * `1.`, numbering that starts again at 1, an unmarked number out of sequence in a cable whose paragraphs
 * are marked), or numbered text quoted inside BEGIN TEXT / END TEXT. Never checked or renumbered as a paragraph.
 */
export interface ListItem {
  number: Span & { value: number };
  reason: 'list' | 'quoted';
}

export type BlockKind = 'GUIDANCE' | 'TEXT' | 'TALKING POINTS' | 'NOTE' | 'COMMENT' | 'BACKGROUND' | 'SUMMARY' | string;

/** A BEGIN/END block or a NOTE:/COMMENT:/BACKGROUND:/SUMMARY: ... END X. block. */
export interface Block {
  kind: BlockKind;
  open: Span;
  close?: Span;
  /** From the opener to the closer (or to the opener's line end when unclosed). */
  range: TextRange;
}

export interface BlockProblem {
  problem: 'unclosed' | 'unopened' | 'crossed';
  kind: BlockKind;
  span: Span;
}

export interface CitedLetter {
  /** Upper case. */
  letter: string;
  range: TextRange;
}

/** `REF C`, `(REF C)`, `ref a`, `REFS D-J`, `REFS A AND B`, `per ref B`, `REFTEL`, `REFTELS`. */
export interface RefCitation extends Span {
  reftel: boolean;
  /** Each written letter or range, in order: `D-J` is one part with `to`. */
  parts: Array<{ from: CitedLetter; to?: CitedLetter }>;
  /** Every letter cited, ranges expanded (`D-J` -> D E F G H I J), upper case. */
  letters: string[];
}

export interface ParagraphTarget {
  number: number;
  range: TextRange;
  /** `para 3.B`: the sub-paragraph letter. */
  sub?: CitedLetter;
}

/** `see paragraph 3`, `para 5`, `paras 4-6`, `paragraphs 2 and 3`, `para 3.B`. */
export interface ParagraphXref extends Span {
  parts: Array<{ from: ParagraphTarget; to?: ParagraphTarget }>;
  /** Every paragraph number named, ranges expanded. */
  numbers: number[];
  /** A paragraph of another document (`para 5 of reftel`, `Article 12 paragraph 4`, quoted text): never checked or renumbered. */
  external: boolean;
}

/** A web-copy link artifact `[text](#)`: the whole artifact and the text inside. */
export interface WebArtifact extends Span {
  inner: Span;
}

/** A citation that names an entry: the whole citation (REFTEL) or the part naming its letter (`D-J` for F). */
export interface EntryCitation {
  citation: RefCitation;
  part?: RefCitation['parts'][number];
}

/** Structural facts the parser derives once the text is read (parser/structure.ts). */
export interface CableStructure {
  /** Each paragraph number's first paragraph, as its index in `paragraphs` (a search from the top finds the first). */
  paragraphIndex: ReadonlyMap<number, number>;
  /** The number the first paragraph should carry (see firstParagraphNumber). */
  firstParagraphNumber: number;
  /** Each REF letter's first entry (upper case). */
  refEntries: ReadonlyMap<string, RefEntry>;
  /** Where each REF entry is cited, in document order; an entry absent here is never cited. */
  entryCitations: ReadonlyMap<RefEntry, readonly EntryCitation[]>;
  /**
   * `1. CONFIDENTIAL - ENTIRE TEXT.`: the older way (E.O. 12065 and 12356) of marking every portion at
   * once, in paragraph 1. Its level, and paragraph 1 that says it.
   */
  entireText?: { level: Level; paragraph: Paragraph };
}

/**
 * The whole cable. A note on loops over its long lists (paragraphs, marks, citations: thousands in a
 * long cable), in code that runs once per version: V8 runs such code unoptimised for many versions.
 * A `for...of` there makes an iterator result per item; a `forEach` does not, and its callback is
 * optimised, but each item costs a call from the builtin. The rules ran about a fifth faster with
 * indexed loops, which V8 optimises in place (on-stack replacement); the outline and the semantic
 * tokens measured the same either way and keep `forEach`.
 */
export interface CableModel {
  /** Lines without their line endings (a BOM on the first line is kept in the text, and skipped). */
  lines: string[];
  eol: '\n' | '\r\n';
  transmission: TransmissionLine[];
  precedence?: PrecedenceLine;
  addresses: AddressBlock[];
  banner?: Banner;
  captions: Caption[];
  /** Header lines that are none of its parts: after the banner (`PARIS FOR EST:H.SMITH`), or a part written twice. */
  passingLines: Span[];
  eo?: EoLine;
  tags?: TagsLine;
  subject?: Subject;
  refs?: RefBlock;
  classifiedBy?: ClassifiedBy;
  /** Range of the whole header (from the first line to the line before the first paragraph or body text). */
  headerRange?: TextRange;
  paragraphs: Paragraph[];
  /** Numbered lines that are not paragraphs (see ListItem), in document order. */
  listItems: ListItem[];
  /** Every portion in document order, flattened: subject, paragraphs, sub-paragraphs, talking points, marked text. */
  portions: Portion[];
  /** Every portion mark found, in document order (the same objects as on the portions). */
  marks: PortionMark[];
  /** Noted as the marks are found: the rules ask it of thousands of marks, once per version. */
  markSummary: MarkSummary;
  blocks: Block[];
  blockProblems: BlockProblem[];
  refCitations: RefCitation[];
  paragraphXrefs: ParagraphXref[];
  signature?: Span;
  /** `NNNN`. */
  end?: Span;
  artifacts: WebArtifact[];
  /** Which paragraph a number names, which entry a REF letter names, where each entry is cited. */
  structure: CableStructure;
  /** Set when the text was too large to analyse in full; the model covers lines before it. */
  truncatedAtLine?: number;
  /** What features derive from this model once (see oncePerModel), kept with it so that it dies with it. */
  readonly derived: Map<object, unknown>;
}

/**
 * `compute` once per model (a model never changes: a new document version is a new model): for facts
 * that many rules ask, and for a fix that every finding shares, so that n findings do not build the
 * same n edits n times.
 *
 * The result is kept on the model, not in a WeakMap keyed by it: a weak map's entries survived V8's
 * young-generation collections, so each old model (about 3 MB for a long cable) was copied and promoted
 * with the new one; collections paused about twice as long.
 */
/** A lettered sub-paragraph (`A.`, `1B.`), as opposed to the deeper `(a)` / `(1)` levels. */
export function isLetteredSubParagraph(sub: SubParagraph): boolean {
  return /^\d*[A-Za-z]$/.test(sub.label.text);
}

/** REF entries that carry a letter, in document order. */
export function letteredEntries(model: CableModel): Array<RefEntry & { letter: string; letterRange: TextRange }> {
  return (model.refs?.entries ?? []).filter((entry): entry is RefEntry & { letter: string; letterRange: TextRange } => Boolean(entry.letter && entry.letterRange));
}

export function oncePerModel<T>(compute: (model: CableModel) => T): (model: CableModel) => T {
  return (model) => {
    const derived = model.derived;
    if (derived.has(compute)) return derived.get(compute) as T;
    const value = compute(model);
    derived.set(compute, value);
    return value;
  };
}
