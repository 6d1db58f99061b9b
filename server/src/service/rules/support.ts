// Helpers the rules share: levels of the banner and portions, level names, and edits that insert
// captions or marks where a drafter would type them.
import type { Position, Range, TextEdit } from 'vscode-languageserver-types';
import { executiveOrderInfo } from '../data/executiveOrders';
import { levelInfo } from '../data/markings';
import { isValidMark, levelRank, LEVELS, oncePerModel, type CableModel, type Level, type ValidMark } from '../model';

/** E.O. 13526 was signed on 29 Dec 2009: a cable dated after it (or a draft without a DTG) is new. */
const EO_13526_SIGNED = Date.UTC(2009, 11, 29, 23, 59, 59);

export function levelName(level: Level): string {
  return levelInfo.get(level)?.name ?? level;
}

export function maxLevel(a: Level | undefined, b: Level | undefined): Level | undefined {
  if (!a) return b;
  if (!b) return a;
  return levelRank(a) >= levelRank(b) ? a : b;
}

// Usually every mark is valid: then the model's own list serves, without a copy (once per model).
const validMarkList = oncePerModel((model) => (model.markSummary.invalid === 0 ? (model.marks as readonly ValidMark[]) : model.marks.filter(isValidMark)));

/** Marks that name a known level with valid controls (shared per model: do not modify). */
export function validMarks(model: CableModel): readonly ValidMark[] {
  return validMarkList(model);
}

/** The highest level among the valid portion marks, or undefined when no portion is validly marked. */
export function highestPortionLevel(model: CableModel): Level | undefined {
  return model.markSummary.highest;
}

export function hasCaption(model: CableModel, name: string): boolean {
  return model.captions.some((caption) => caption.name === name);
}

/** The banner's level, SBU when an UNCLAS banner carries the SENSITIVE caption. */
export function effectiveBannerLevel(model: CableModel): Level | undefined {
  const banner = model.banner;
  if (!banner) return undefined;
  if (banner.level === 'U' && hasCaption(model, 'SENSITIVE')) return 'SBU';
  return banner.level;
}

/** The level the cable holds: the banner's, or a higher portion's (a portion above the banner is still classified text). */
export function cableLevel(model: CableModel): Level {
  return maxLevel(model.banner?.level, highestPortionLevel(model)) ?? 'U';
}

export function isClassified(model: CableModel): boolean {
  return levelRank(cableLevel(model)) >= levelRank('C');
}

/** When E.O. 12958 took effect (14 Oct 1995): the first order whose cables carry a Classified By line. */
const EO_12958_EFFECTIVE = Date.UTC(1995, 9, 14);

/**
 * The executive order a cable answers to: the one its E.O. line names, else the one in force at its DTG
 * (12958 or later for a draft without either). Older orders had other rules (no Classified By line, OADR).
 */
export function governingOrder(model: CableModel): number {
  const named = model.eo?.order?.value;
  // `E.O. 12958: AS AMENDED; DECLASSIFIED ...` names the order of its release, not of its writing.
  if (named !== undefined && executiveOrderInfo.has(named) && model.eo?.instruction?.kind !== 'declassified') return named;
  const date = model.precedence?.dtg?.date;
  if (!date) return 13526;
  if (date.getTime() < EO_12958_EFFECTIVE) return date.getUTCFullYear() < 1978 ? 11652 : date.getUTCFullYear() < 1982 ? 12065 : 12356;
  return date.getTime() > EO_13526_SIGNED ? 13526 : 12958;
}

/** A cable is new when it has no DTG or its DTG is after E.O. 13526 was signed. */
export function isNewCable(model: CableModel): boolean {
  const date = model.precedence?.dtg?.date;
  return !date || date.getTime() > EO_13526_SIGNED;
}

/** The banner words for a level, in the banner's style (spaced letters or plain). */
export function bannerWords(level: Level, spaced: boolean): string {
  if (level === 'U' || level === 'SBU') return 'UNCLAS';
  const info = levelInfo.get(level);
  return (spaced ? info?.spaced : undefined) ?? info?.name ?? level;
}

/** The mark text for a level: `(C)`. */
export function markFor(level: Level): string {
  return `(${level})`;
}

/** Levels a portion may be marked with, lowest first: from U up to the cable's banner, never TS, never above system high. */
export function markLevelsUpTo(ceiling: Level, systemHigh: Level): Level[] {
  const top = Math.min(levelRank(ceiling), levelRank(systemHigh), levelRank('S'));
  return LEVELS.filter((level) => levelRank(level) <= top);
}

export function lineRange(model: CableModel, line: number): Range {
  const text = model.lines[line] ?? '';
  return { start: { line, character: 0 }, end: { line, character: text.length } };
}

/** Where a missing header field is reported: the first non-blank line. */
export function firstLineRange(model: CableModel): Range {
  const line = Math.max(0, model.lines.findIndex((text) => text.trim() !== ''));
  return lineRange(model, line);
}

export function isBlankDocument(model: CableModel): boolean {
  return model.lines.every((text) => text.trim() === '');
}

/** Adds a caption on its own line below the banner (after the last caption, when there are some). */
export function insertCaptionEdit(model: CableModel, caption: string): TextEdit | undefined {
  // After the last caption line below the banner: a caption written on the E.O. line (`N/A SIPDIS`) is no
  // place for a new line, which would split the header.
  const eoLine = model.eo?.range.start.line ?? Number.MAX_SAFE_INTEGER;
  const captionLines = model.captions.map((written) => written.range.end.line).filter((line) => line < eoLine);
  const anchorLine = captionLines.length > 0 ? Math.max(...captionLines) : model.banner?.range.end.line;
  if (anchorLine === undefined) return undefined;
  const end = { line: anchorLine, character: (model.lines[anchorLine] ?? '').length };
  return { range: { start: end, end }, newText: `${model.eol}${caption}` };
}

/**
 * Where a leading mark goes after a label such as `1.`, `[1](#).`, `A.` or `(a)`: the position of
 * the first word after it, and the text to insert there so exactly one space separates the parts.
 */
export function leadingMarkInsertion(model: CableModel, labelEnd: Position): { position: Position; before: string; after: string } {
  const line = model.lines[labelEnd.line] ?? '';
  let index = labelEnd.character;
  if (line.startsWith('](#)', index)) index += 4;
  if (line[index] === '.' || line[index] === ')' || line[index] === ':') index += 1;
  const afterLabel = index;
  while (line[index] === ' ' || line[index] === '\t') index += 1;
  if (index === afterLabel) {
    // No space after the label (`1.Text`, or the label ends the line): add one on each side as needed.
    return { position: { line: labelEnd.line, character: index }, before: ' ', after: index < line.length ? ' ' : '' };
  }
  return { position: { line: labelEnd.line, character: index }, before: '', after: index < line.length ? ' ' : '' };
}

export function formatDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(date.getUTCMonth() + 1)}/${pad(date.getUTCDate())}/${date.getUTCFullYear()}`;
}

/** The same calendar day `years` later (29 Feb becomes 28 Feb in a common year). */
export function addYears(date: Date, years: number): Date {
  const year = date.getUTCFullYear() + years;
  const month = date.getUTCMonth();
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay)));
}

/** The DTG's day at midnight UTC, when the DTG is a real date. */
export function dtgDay(model: CableModel): Date | undefined {
  const dtg = model.precedence?.dtg;
  if (!dtg?.date) return undefined;
  return new Date(Date.UTC(dtg.year, dtg.month - 1, dtg.day));
}

/** A declassification date's day at midnight UTC. */
export function declassificationDay(date: { year: number; month: number; day: number }): Date {
  return new Date(Date.UTC(date.year, date.month - 1, date.day));
}

/** The declassification date a fix inserts: the default years after the DTG (or after today on a draft without one). */
export function defaultDeclassificationDate(model: CableModel, years: number, today: Date = new Date()): string {
  const base = dtgDay(model) ?? new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  return formatDate(addYears(base, years));
}

export function positionOf(value: unknown): Position | undefined {
  const candidate = value as Position | undefined;
  return candidate && typeof candidate.line === 'number' && typeof candidate.character === 'number' ? candidate : undefined;
}

export function rangeOf(value: unknown): Range | undefined {
  const candidate = value as Range | undefined;
  return candidate && positionOf(candidate.start) && positionOf(candidate.end) ? candidate : undefined;
}

/**
 * An edit that inserts whole lines before `line`; past the last line it appends them after the
 * last line's end instead, so the edit never names a line the document does not have.
 * `lines` are the lines to insert, without line breaks.
 */
export function insertLinesBefore(model: CableModel, line: number, lines: string[]): TextEdit {
  const eol = model.eol;
  if (line < model.lines.length) {
    const position = { line, character: 0 };
    return { range: { start: position, end: position }, newText: lines.map((text) => text + eol).join('') };
  }
  const lastLine = Math.max(0, model.lines.length - 1);
  const end = { line: lastLine, character: (model.lines[lastLine] ?? '').length };
  return { range: { start: end, end }, newText: lines.map((text) => eol + text).join('') };
}

