// The TAGS vocabulary: the built-in codes of tags.json (built by scripts/build-tags.mjs) and the
// user's extra codes from the `cable.tags.extraFile` TSV, plus "did you mean" suggestions.
import tagsFile from './tags.json';

export type TagKind = 'subject' | 'geographic' | 'organization' | 'program';

export const TAG_KINDS: readonly TagKind[] = ['subject', 'geographic', 'organization', 'program'];

export interface TagInfo {
  code: string;
  kind: TagKind;
  /** Absent when no source explains the code (some program and organization tags). */
  meaning?: string;
  /** Where the meaning comes from, in words (the JSON's short source key resolved). */
  source: string;
  /** How many of 1,283 released cables carry the tag; ranks completion. 0 when never seen. */
  count: number;
}

interface TagsFile {
  sources: Record<string, string>;
  tags: { code: string; kind: string; meaning?: string; source: string; count: number }[];
}

function isTagKind(kind: string): kind is TagKind {
  return (TAG_KINDS as readonly string[]).includes(kind);
}

function loadBuiltinTags(file: TagsFile): Map<string, TagInfo> {
  const tags = new Map<string, TagInfo>();
  for (const entry of file.tags) {
    if (!isTagKind(entry.kind)) continue;
    tags.set(entry.code, {
      code: entry.code,
      kind: entry.kind,
      meaning: entry.meaning,
      source: file.sources[entry.source] ?? entry.source,
      count: entry.count,
    });
  }
  return tags;
}

/** The built-in vocabulary, most frequent first. */
export const builtinTags: ReadonlyMap<string, TagInfo> = loadBuiltinTags(tagsFile as TagsFile);

const KIND_ALIASES: Record<string, TagKind> = {
  subject: 'subject',
  geographic: 'geographic',
  geo: 'geographic',
  organization: 'organization',
  organisation: 'organization',
  org: 'organization',
  program: 'program',
  programme: 'program',
};

const TAG_CODE = /^[A-Z0-9][A-Z0-9-]*$/;

/**
 * Parses the user's extra tags file: `code<TAB>kind<TAB>meaning` per line, an optional header line
 * (`code<TAB>kind...`), `#` comments and blank lines ignored. Malformed lines are skipped with a
 * message naming the file and the 1-based line number.
 */
export function parseExtraTagsTsv(text: string, fileName: string): { tags: TagInfo[]; errors: string[] } {
  const tags: TagInfo[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const lineNumber = index + 1;
    const line = lines[index].trimEnd();
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const fields = line.split('\t').map((field) => field.trim());
    if (tags.length === 0 && errors.length === 0 && fields[0].toLowerCase() === 'code') continue; // header
    const problem = checkExtraTagFields(fields, seen);
    if (typeof problem === 'string') {
      errors.push(`${fileName}:${lineNumber}: ${problem}`);
      continue;
    }
    seen.add(problem.code);
    tags.push({ ...problem, source: fileName, count: 0 });
  }
  return { tags, errors };
}

/** The tag a line's fields define, or why they do not define one. */
function checkExtraTagFields(fields: string[], seen: ReadonlySet<string>): { code: string; kind: TagKind; meaning?: string } | string {
  if (fields.length < 2) return `expected "code<TAB>kind<TAB>meaning", found "${fields.join(' ')}"`;
  const [rawCode, rawKind, ...rest] = fields;
  const code = rawCode.toUpperCase();
  if (!TAG_CODE.test(code)) return `"${rawCode}" is not a tag code (letters, digits and hyphens)`;
  const kind = KIND_ALIASES[rawKind.toLowerCase()];
  if (!kind) return `unknown kind "${rawKind}" for ${code} (expected subject, geographic, organization or program)`;
  if (seen.has(code)) return `${code} is defined twice`;
  const meaning = rest.join(' ').trim();
  return { code, kind, meaning: meaning || undefined };
}

/** Levenshtein distance with adjacent transpositions counted as one edit (PRLE -> PREL is 1). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
}

/**
 * The codes closest to an unknown one, for "Did you mean PREL?": at most two edits away (one for
 * codes of three letters or fewer), nearest first, then the more frequent, then alphabetical.
 */
export function nearestTags(code: string, vocabulary: Iterable<TagInfo>, limit = 3): string[] {
  const wanted = code.toUpperCase();
  const maxDistance = wanted.length <= 3 ? 1 : 2;
  const candidates: { code: string; distance: number; count: number }[] = [];
  for (const tag of vocabulary) {
    if (tag.code === wanted) continue;
    if (Math.abs(tag.code.length - wanted.length) > maxDistance) continue;
    const distance = editDistance(wanted, tag.code);
    if (distance <= maxDistance) candidates.push({ code: tag.code, distance, count: tag.count });
  }
  candidates.sort((a, b) => a.distance - b.distance || b.count - a.count || a.code.localeCompare(b.code));
  return candidates.slice(0, limit).map((candidate) => candidate.code);
}
