// What the parser derives once the text is read: the structural facts that rules and features ask
// about (which paragraph a number names, which entry a REF letter names and where each entry is
// cited), so that none of them searches the model or the text for it again.
import type { CableModel, CableStructure, EntryCitation, Paragraph, RefEntry } from '../model';

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
  };
}

function indexParagraphs(paragraphs: readonly Paragraph[]): Map<number, number> {
  const index = new Map<number, number>();
  paragraphs.forEach((paragraph, at) => {
    if (!index.has(paragraph.number.value)) index.set(paragraph.number.value, at);
  });
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
