// CBL005: a portion mark must be a level with valid controls: `(X)`, `(S/ NF)`, `(CC)` are not.
import type { Finding, Rule } from './rule';

export const invalidPortionMark: Rule = {
  id: 'CBL005',
  alias: 'invalid-portion-mark',
  description: 'A portion mark is not a classification level with valid controls, e.g. (X), (S/ NF), (CC).',
  defaultSeverity: 'error',
  check({ model }) {
    const findings: Finding[] = [];
    // An indexed loop over the long lists: see the note on loops in ../model.ts.
    const marks = model.marks;
    for (let index = 0; index < marks.length; index++) {
      const mark = marks[index];
      if (mark.valid) continue;
      findings.push({
        range: mark.range,
        message: `Invalid portion mark ${mark.text}${mark.problem ? `: ${mark.problem}` : ''}. Use a level (U), (SBU), (C) or (S), with controls after a slash such as (S/NF).`,
      });
    }
    return findings;
  },
};
