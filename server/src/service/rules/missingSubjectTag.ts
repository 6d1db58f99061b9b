// CBL024 missing-subject-tag: TAGS must carry at least one subject tag (5 FAH-1 H-212), and a cable
// must have a TAGS line at all.
import type { Range } from 'vscode-languageserver-types';
import type { CableModel, Tag } from '../model';
import { isSubjectTag, type TagVocabulary } from '../tagVocabulary';
import type { Finding, Rule } from './rule';

/** The shape of a subject tag: four letters, the first a subject category (A, B, C, E, K, M, O, P, S, T). */
const SUBJECT_TAG_SHAPE = /^[ABCEKMOPST][A-Z]{3}$/;

/**
 * A tag that counts as a subject tag: a vocabulary subject tag, or an unknown code of the subject
 * shape (CBL028 already reports the unknown code; a typo such as PRLE should not also raise CBL024).
 */
export function countsAsSubjectTag(tag: Tag, vocabulary: TagVocabulary): boolean {
  if (isSubjectTag(vocabulary, tag.code)) return true;
  return vocabulary.get(tag.code) === undefined && SUBJECT_TAG_SHAPE.test(tag.code);
}

/** Only a text that has a cable header at all needs a TAGS line (a fragment or a note does not). */
function hasCableHeader(model: CableModel): boolean {
  return model.precedence !== undefined || model.addresses.length > 0 || model.banner !== undefined || model.eo !== undefined;
}

/** Where a missing TAGS line belongs: on the E.O. line, else the banner, else the first header line. */
function missingTagsRange(model: CableModel): Range {
  const anchor = model.eo ?? model.banner ?? model.addresses[model.addresses.length - 1] ?? model.precedence;
  if (anchor) return { start: anchor.range.start, end: { line: anchor.range.start.line, character: model.lines[anchor.range.start.line]?.length ?? 0 } };
  return { start: { line: 0, character: 0 }, end: { line: 0, character: model.lines[0]?.length ?? 0 } };
}

export const missingSubjectTag: Rule = {
  id: 'CBL024',
  alias: 'missing-subject-tag',
  description: 'A TAGS line without a subject tag, or no TAGS line (5 FAH-1 H-212).',
  defaultSeverity: 'error',
  check({ model, vocabulary }): Finding[] {
    if (!model.tags) {
      if (!hasCableHeader(model) || model.truncatedAtLine !== undefined) return [];
      return [{ range: missingTagsRange(model), message: 'No TAGS line: a cable needs a TAGS line with at least one subject tag such as PREL, PGOV or ECON (5 FAH-1 H-212).' }];
    }
    if (model.tags.tags.some((tag) => countsAsSubjectTag(tag, vocabulary))) return [];
    const written = model.tags.tags.map((tag) => tag.code).join(' ');
    const message = written
      ? `TAGS has no subject tag (${written}): at least one subject tag such as PREL, PGOV or ECON is required (5 FAH-1 H-212).`
      : 'TAGS is empty: at least one subject tag such as PREL, PGOV or ECON is required (5 FAH-1 H-212).';
    return [{ range: model.tags.keyword.range, message }];
  },
};
