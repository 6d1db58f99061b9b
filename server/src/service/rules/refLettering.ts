// CBL019: REF entries lettered out of order, with a letter skipped or written twice; the fix re-letters
// the entries A, B, C ... and rewrites every citation to name the same reference.
import { letteredEntries } from '../model';
import { reletterReferenceEdits } from '../reletter';
import type { Finding, Rule } from './rule';

export const refLettering: Rule = {
  id: 'CBL019',
  alias: 'ref-lettering',
  description: 'REF entries are lettered A, B, C ... in order, each letter once.',
  defaultSeverity: 'warning',
  check({ model }) {
    const findings: Finding[] = [];
    const seen = new Set<string>();
    letteredEntries(model).forEach((entry, index) => {
      if (index >= 26) return;
      const expected = String.fromCharCode(65 + index);
      if (entry.letter !== expected) {
        const why = seen.has(entry.letter) ? `REF ${entry.letter} is lettered twice` : `REF ${entry.letter} is out of order`;
        findings.push({ range: entry.letterRange, message: `${why}: expected ${expected}.`, data: { expected } });
      }
      seen.add(entry.letter);
    });
    return findings;
  },
  fixes(_finding, { model }) {
    const edits = reletterReferenceEdits(model);
    return edits.length === 0 ? [] : [{ title: 'Re-letter references and their citations', edits, isPreferred: true }];
  },
};
