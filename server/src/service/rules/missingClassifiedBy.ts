// CBL007: a classified cable names its classifier (name and position) and the reason, or says the
// classification is derived from a source (32 CFR 2001.21(a), 2001.22; cable-format.md section 9).
// Checked on cables under E.O. 12958 and later, the orders that ask for the line (section 13, era).
import type { Rule } from './rule';
import { firstLineRange, governingOrder, insertLinesBefore, isClassified } from './support';

const CLASSIFIER_PLACEHOLDER = '<name>, <position>';
const REASON_PLACEHOLDER = '1.4 (<letter>)';

/** `Classified By: Derived from DSCG 05-01`: a derivative classification cites its source, not a reason. */
function isDerived(classifier: string | undefined): boolean {
  return /^\s*derived\s+from\b/i.test(classifier ?? '');
}

export const missingClassifiedBy: Rule = {
  id: 'CBL007',
  alias: 'missing-classified-by',
  description: 'A classified cable has no Classified By line (name and position) and Reason.',
  defaultSeverity: 'error',
  check({ model }) {
    // Cables under E.O. 12356 and earlier put the authority on the E.O. line alone (`DECL: OADR`).
    if (!isClassified(model) || governingOrder(model) < 12958) return [];
    const block = model.classifiedBy;
    if (!block) {
      return [
        {
          range: model.banner?.classification.range ?? firstLineRange(model),
          message: 'Classified cable without a Classified By line: name the classifier (name and position) and the Reason (1.4 and letters).',
          data: { missing: 'block' },
        },
      ];
    }
    if (!block.classifier || block.classifier.text.trim() === '') {
      return [{ range: block.keyword.range, message: 'Classified By names no classifier: write the name and position.', data: { missing: 'classifier' } }];
    }
    const hasReason = block.reasonKeyword !== undefined || block.section !== undefined || block.letters.length > 0;
    if (!hasReason && !isDerived(block.classifier.text) && !block.derivedFrom) {
      return [
        {
          range: block.keyword.range,
          // An original classification lacks its reason, or a derivative one its Derived From: a likely mistake.
          severity: 'warning',
          message: 'Classified By has no Reason: add "Reason: 1.4 (x)" with the classification categories, or "Derived From:" and the source for a derivative classification.',
          data: { missing: 'reason' },
        },
      ];
    }
    return [];
  },
  fixes(finding, { model }) {
    const eol = model.eol;
    if (finding.data?.missing === 'reason' && model.classifiedBy) {
      const end = model.classifiedBy.range.end;
      return [
        {
          title: `Insert the line "Reason: ${REASON_PLACEHOLDER}." after Classified By`,
          edits: [{ range: { start: end, end }, newText: `${eol}Reason: ${REASON_PLACEHOLDER}.` }],
        },
      ];
    }
    if (finding.data?.missing !== 'block') return [];
    // Before the first paragraph, where 1,123 of 1,173 real cables have it; else after the subject or REF block.
    const firstParagraph = model.paragraphs[0];
    const after = model.refs?.range.end.line ?? model.subject?.range.end.line;
    let line: number | undefined;
    if (firstParagraph) line = firstParagraph.range.start.line;
    else if (after !== undefined) line = after + 1;
    if (line === undefined) return [];
    const block = [`Classified By: ${CLASSIFIER_PLACEHOLDER}.`, `Reason: ${REASON_PLACEHOLDER}.`];
    // A blank line keeps the block apart: after it before a paragraph, before it after the header.
    const lines = firstParagraph ? [...block, ''] : ['', ...block];
    return [{ title: `Insert "Classified By: ${CLASSIFIER_PLACEHOLDER}." and "Reason: ${REASON_PLACEHOLDER}." placeholders`, edits: [insertLinesBefore(model, line, lines)] }];
  },
};
