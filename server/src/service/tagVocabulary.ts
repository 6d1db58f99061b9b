// The TAGS vocabulary in force: the built-in codes (data/tags.json) plus the user's extra file
// (the `cable.tags.extraFile` setting). Completion, hovers and the TAGS rules all read it.
import { builtinTags, editDistance, nearestTags, parseExtraTagsTsv, type TagInfo, type TagKind } from './data/tags';

export interface TagVocabularyEntry {
  code: string;
  /** subject, geographic, organization or program. */
  kind: string;
  meaning?: string;
  source?: string;
  /** How many of the released cables counted carry the tag (0 for the user's own tags). */
  count: number;
}

export interface TagVocabulary {
  /** The entry for a code, case-insensitive. */
  get(code: string): TagVocabularyEntry | undefined;
  /** Every entry, most frequent first. */
  entries(): Iterable<TagVocabularyEntry>;
}

/** The number of released cables the tag counts were taken from ("in 1,033 of 1,283 released cables"). */
export const RELEASED_CABLES_COUNTED = 1283;

export function emptyVocabulary(): TagVocabulary {
  return { get: () => undefined, entries: () => [] };
}

function vocabularyOf(tags: Iterable<TagVocabularyEntry>): TagVocabulary {
  const byCode = new Map<string, TagVocabularyEntry>();
  for (const tag of tags) byCode.set(tag.code.toUpperCase(), tag);
  const sorted = [...byCode.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  return {
    get: (code) => byCode.get(code.trim().toUpperCase()),
    entries: () => sorted,
  };
}

let builtin: TagVocabulary | undefined;

/** The built-in vocabulary alone (built once). */
export function builtinVocabulary(): TagVocabulary {
  builtin ??= vocabularyOf(builtinTags.values());
  return builtin;
}

/**
 * The built-in vocabulary plus the user's extra TSV file (`code<TAB>kind<TAB>meaning`). A missing or
 * unreadable file, or a malformed line, gives a message naming the file (and line); the built-in
 * vocabulary and the file's good lines stay in force. A user's code that is also built in takes the
 * user's kind and meaning and keeps the built-in count.
 */
export function loadTagVocabulary(extraFile: string | undefined, readFile: (file: string) => string): { vocabulary: TagVocabulary; errors: string[] } {
  if (!extraFile) return { vocabulary: builtinVocabulary(), errors: [] };
  let text: string;
  try {
    text = readFile(extraFile);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { vocabulary: builtinVocabulary(), errors: [`cannot read the extra tags file ${extraFile} (cable.tags.extraFile): ${reason}. Using the built-in TAGS vocabulary.`] };
  }
  const { tags, errors } = parseExtraTagsTsv(text, extraFile);
  const merged = new Map<string, TagVocabularyEntry>();
  for (const tag of builtinTags.values()) merged.set(tag.code, tag);
  for (const tag of tags) merged.set(tag.code, { ...tag, count: merged.get(tag.code)?.count ?? 0 });
  if (tags.length === 0 && errors.length === 0) errors.push(`${extraFile}: the extra tags file defines no tags (expected "code<TAB>kind<TAB>meaning" lines).`);
  return { vocabulary: vocabularyOf(merged.values()), errors };
}

/**
 * The known codes nearest an unknown one, most frequent first ("Did you mean PREL?"): only those at
 * the smallest distance found, so MTCR suggests MTCRE and not also PTER, two edits away.
 */
export function suggestTags(vocabulary: TagVocabulary, code: string, limit = 3): string[] {
  const candidates: TagInfo[] = [];
  for (const entry of vocabulary.entries()) candidates.push({ code: entry.code, kind: entry.kind as TagKind, source: entry.source ?? '', count: entry.count });
  const nearest = nearestTags(code, candidates, limit);
  const wanted = code.toUpperCase();
  const best = Math.min(...nearest.map((candidate) => editDistance(wanted, candidate)));
  return nearest.filter((candidate) => editDistance(wanted, candidate) === best);
}

/** True when the code is a subject tag of the vocabulary (PREL, PGOV, ECON ...). */
export function isSubjectTag(vocabulary: TagVocabulary, code: string): boolean {
  return vocabulary.get(code)?.kind === 'subject';
}
