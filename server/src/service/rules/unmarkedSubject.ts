// CBL006: a classified cable's SUBJECT carries a portion mark (cable-format.md section 7).
import { candidateMarks, markInsertionFixes } from './missingPortionMark';
import type { Rule } from './rule';
import { governingOrder, isClassified, leadingMarkInsertion } from './support';

export const unmarkedSubject: Rule = {
  id: 'CBL006',
  alias: 'unmarked-subject',
  description: "A classified cable's SUBJECT has no portion mark.",
  defaultSeverity: 'warning',
  check({ model, config }) {
    const subject = model.subject;
    if (!subject || subject.mark || !isClassified(model)) return [];
    // As CBL001: no portion marks before E.O. 12065, and `ENTIRE TEXT` marks every portion at once.
    if (governingOrder(model) < 12065 || model.structure.entireText) return [];
    const insertion = leadingMarkInsertion(model, subject.keyword.range.end);
    return [
      {
        range: subject.keyword.range,
        message: 'The SUBJECT of a classified cable has no portion mark: mark it, e.g. SUBJECT: (U) ...',
        data: { ...insertion, placement: 'leading', label: 'SUBJECT:', marks: candidateMarks(model, config.systemHigh) },
      },
    ];
  },
  fixes(finding) {
    return markInsertionFixes(finding.data);
  },
};
