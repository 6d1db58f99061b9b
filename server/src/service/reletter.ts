// REF re-lettering: entries lettered A, B, C ... in their order, every citation rewritten so that it
// still names the same reference (ranges and lists included).
import type { Range, TextEdit } from 'vscode-languageserver-types';
import { letteredEntries, type CableModel, type CitedLetter, type RefCitation, type RefEntry } from './model';
import { labelRange, settleLabels, tokenEdits, type LabelSpot } from './relabel';

/** `letter` written in the case of `written`. */
export function inCaseOf(letter: string, written: string): string {
  return written !== '' && written === written.toLowerCase() ? letter.toLowerCase() : letter.toUpperCase();
}

/**
 * A set of letters written as short as it reads well: runs of three or more as a range, the rest listed,
 * the last joined by AND (`D-F`, `A AND C`, `B, D-G AND K`).
 */
export function formatLetterList(letters: string[], lowerCase = false): string {
  const sorted = [...new Set(letters.map((letter) => letter.toUpperCase()))].sort();
  const items: string[] = [];
  for (let index = 0; index < sorted.length; ) {
    let end = index;
    while (end + 1 < sorted.length && sorted[end + 1].charCodeAt(0) === sorted[end].charCodeAt(0) + 1) end++;
    if (end - index >= 2) items.push(`${sorted[index]}-${sorted[end]}`);
    else for (let at = index; at <= end; at++) items.push(sorted[at]);
    index = end + 1;
  }
  const joined = items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} AND ${items[items.length - 1]}`;
  return lowerCase ? joined.toLowerCase() : joined;
}

export function isContiguous(sortedLetters: string[]): boolean {
  return sortedLetters.every((letter, index) => index === 0 || letter.charCodeAt(0) === sortedLetters[index - 1].charCodeAt(0) + 1);
}

/** The text of a one-line range. */
function textAt(model: CableModel, range: Range): string {
  return (model.lines[range.start.line] ?? '').slice(range.start.character, range.end.character);
}

/**
 * Rewrites one citation part given where each old letter goes. A single letter follows its entry; a
 * range keeps its form while the letters it names stay contiguous, and becomes a list otherwise.
 * `mapSingle` gives a single letter's new letter; `mapRange` the new letters a range `from-to` names.
 */
export function citationPartEdits(
  model: CableModel,
  part: RefCitation['parts'][number],
  mapSingle: (letter: string) => string | undefined,
  mapRange: (from: string, to: string) => string[] | undefined,
): TextEdit[] {
  const letterEdit = (cited: CitedLetter, letter: string): TextEdit[] => {
    const written = textAt(model, cited.range);
    const newText = inCaseOf(letter, written);
    return newText === written ? [] : [{ range: cited.range, newText }];
  };
  if (!part.to) {
    const letter = mapSingle(part.from.letter);
    return letter ? letterEdit(part.from, letter) : [];
  }
  const named = mapRange(part.from.letter, part.to.letter);
  if (!named || named.length === 0) return [];
  const sorted = [...new Set(named)].sort();
  if (isContiguous(sorted)) return [...letterEdit(part.from, sorted[0]), ...letterEdit(part.to, sorted[sorted.length - 1])];
  const written = textAt(model, part.from.range);
  const whole: Range = { start: part.from.range.start, end: part.to.range.end };
  return [{ range: whole, newText: formatLetterList(sorted, written === written.toLowerCase()) }];
}

/** The letters of the lettered entries. */
function entryLabels(model: CableModel): LabelSpot[] {
  return letteredEntries(model).map((entry) => ({ ...entry.letterRange.start, kind: 'entry' }));
}

/** Entries lettered A, B, C ... in order (beyond Z left as written). */
function letteringEdits(spots: LabelSpot[], lines: string[]): TextEdit[] {
  const edits: TextEdit[] = [];
  spots.forEach((spot, index) => {
    if (index >= 26) return;
    const range = labelRange(lines, spot);
    const written = lines[spot.line].slice(range.start.character, range.end.character);
    const wanted = inCaseOf(String.fromCharCode(65 + index), written);
    if (written !== wanted) edits.push({ range, newText: wanted });
  });
  return edits;
}

const positionKey = (range: Range) => `${range.start.line}:${range.start.character}`;

/** Letters the entries A, B, C ... in order and rewrites every citation to name the same references. */
export function reletterReferenceEdits(model: CableModel): TextEdit[] {
  const entries = letteredEntries(model);
  if (entries.length === 0) return [];
  const settled = settleLabels(model, entryLabels, letteringEdits);
  const edits = tokenEdits(model.lines, settled.lines);
  // An entry keeps the position of its letter through re-lettering: that is how a citation finds it again.
  const finalLetter = new Map(letteredEntries(settled.model).map((entry) => [positionKey(entry.letterRange), entry.letter]));
  const newLetterOf = (entry: RefEntry & { letterRange: Range }) => finalLetter.get(positionKey(entry.letterRange));
  // A letter written on two entries names the first of them when cited alone; a range names them all.
  const mapSingle = (letter: string) => {
    const entry = entries.find((candidate) => candidate.letter === letter);
    return entry && newLetterOf(entry);
  };
  const mapRange = (from: string, to: string) => {
    // A range with an undefined end is left as written (CBL017 reports it).
    if (!entries.some((entry) => entry.letter === from) || !entries.some((entry) => entry.letter === to)) return undefined;
    const named = entries.filter((entry) => entry.letter >= from && entry.letter <= to).map(newLetterOf);
    return named.every((letter): letter is string => letter !== undefined) ? named : undefined;
  };
  for (const citation of model.refCitations) {
    for (const part of citation.parts) edits.push(...citationPartEdits(model, part, mapSingle, mapRange));
  }
  return edits.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
