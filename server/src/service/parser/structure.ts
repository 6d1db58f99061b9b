// What the parser derives once the text is read: the structural facts that rules and features ask
// about (which paragraph a number names, which entry a REF letter names and where each entry is
// cited), so that none of them searches the model or the text for it again.
import type { CableModel, CableStructure, EntryCitation, Level, Paragraph, RefEntry } from '../model';

/** An empty model's structure: nothing to index. */
export const EMPTY_STRUCTURE: CableStructure = { paragraphIndex: new Map(), firstParagraphNumber: 1, refEntries: new Map(), entryCitations: new Map() };

export function readStructure(model: CableModel): CableStructure {
  const refEntries = new Map<string, RefEntry>();
  for (const entry of model.refs?.entries ?? []) if (entry.letter && !refEntries.has(entry.letter)) refEntries.set(entry.letter, entry);
  return {
    paragraphIndex: indexParagraphs(model.paragraphs),
    firstParagraphNumber: firstParagraphNumber(model),
    refEntries,
    entryCitations: citationsByEntry(model, refEntries),
    entireText: entireTextMarking(model.paragraphs),
  };
}

const ENTIRE_TEXT_LEVELS: ReadonlyMap<string, Level> = new Map([
  ['UNCLASSIFIED', 'U'],
  ['UNCLAS', 'U'],
  ['LIMITED OFFICIAL USE', 'SBU'],
  ['CONFIDENTIAL', 'C'],
  ['SECRET', 'S'],
  ['TOP SECRET', 'TS'],
]);

/** `1. SECRET - ENTIRE TEXT.`, `1. (C) ENTIRE TEXT`, `1. ENTIRE TEXT CONFIDENTIAL`: a level for every portion. */
function entireTextMarking(paragraphs: readonly Paragraph[]): CableStructure['entireText'] {
  const first = paragraphs[0];
  if (!first) return undefined;
  if (first.mark?.level && /^ENTIRE TEXT\b/i.test(first.title)) return { level: first.mark.level, paragraph: first };
  const match = /^(?:([A-Z][A-Z ]*?)\s*[-–:]+\s*ENTIRE TEXT\b|ENTIRE TEXT\s*(?:IS\s+)?[-–:]?\s*([A-Z][A-Z ]*[A-Z]))/i.exec(first.title);
  if (!match) return undefined;
  const words = (match[1] ?? match[2]).toUpperCase().trim();
  // Spaced letters (`C O N F I D E N T I A L`) read as the word.
  const level = ENTIRE_TEXT_LEVELS.get(/^(?:\S )+\S$/.test(words) ? words.replace(/ /g, '') : words.replace(/\s+/g, ' '));
  return level ? { level, paragraph: first } : undefined;
}

function indexParagraphs(paragraphs: readonly Paragraph[]): Map<number, number> {
  const index = new Map<number, number>();
  for (let at = paragraphs.length - 1; at >= 0; at--) index.set(paragraphs[at].number.value, at);
  return index;
}

/**
 * 1, or 2 when a web copy ran paragraph 1 onto the Classified By line (`REASON: 1.4 (b), (d) 1. (C)
 * Summary: ...`), where no paragraph is seen.
 */
function firstParagraphNumber(model: CableModel): number {
  const first = model.paragraphs[0];
  if (!first || first.number.value !== 2 || !model.classifiedBy) return 1;
  return /\s1\.\s+\([A-Z/ ]+\)/.test(model.classifiedBy.text) ? 2 : 1;
}

/** REFTEL names the only reference; a letter names its first entry; `D-J` names each entry from D to J. */
function citationsByEntry(model: CableModel, refEntries: ReadonlyMap<string, RefEntry>): Map<RefEntry, EntryCitation[]> {
  const byEntry = new Map<RefEntry, EntryCitation[]>();
  const note = (entry: RefEntry | undefined, cited: EntryCitation) => {
    if (!entry) return;
    const list = byEntry.get(entry);
    if (list) list.push(cited);
    else byEntry.set(entry, [cited]);
  };
  const entries = model.refs?.entries ?? [];
  const onlyEntry = entries.length === 1 ? entries[0] : undefined;
  for (const citation of model.refCitations) {
    if (citation.reftel) {
      note(onlyEntry, { citation });
      continue;
    }
    for (const part of citation.parts) {
      if (!part.to) {
        note(refEntries.get(part.from.letter), { citation, part });
        continue;
      }
      for (let code = part.from.letter.charCodeAt(0); code <= part.to.letter.charCodeAt(0); code++) note(refEntries.get(String.fromCharCode(code)), { citation, part });
    }
  }
  return byEntry;
}
