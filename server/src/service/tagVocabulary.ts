// The TAGS vocabulary in force: the built-in codes plus the user's extra file (cable.tags.extraFile).
// (Placeholder until the vocabulary work lands: an empty vocabulary.)
export interface TagVocabularyEntry {
  code: string;
  kind: string;
  meaning?: string;
  source?: string;
  count: number;
}

export interface TagVocabulary {
  get(code: string): TagVocabularyEntry | undefined;
  entries(): Iterable<TagVocabularyEntry>;
}

export function emptyVocabulary(): TagVocabulary {
  return { get: () => undefined, entries: () => [] };
}

/** The built-in vocabulary plus the user's extra TSV file; a missing or malformed file keeps the built-ins. */
export function loadTagVocabulary(_extraFile: string | undefined, _readFile: (file: string) => string): { vocabulary: TagVocabulary; errors: string[] } {
  return { vocabulary: emptyVocabulary(), errors: [] };
}
