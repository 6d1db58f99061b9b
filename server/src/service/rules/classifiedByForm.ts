// CBL035: the Classified By block written as it should be: the keyword once (`Classified By: Classified
// By: ...` is a slip of pasted text). The fix removes the second keyword and nothing else.
import type { Rule } from './rule';
import { rangeOf } from './support';

export const classifiedByForm: Rule = {
  id: 'CBL035',
  alias: 'classified-by-form',
  description: 'The Classified By keyword is written twice.',
  defaultSeverity: 'warning',
  check({ model }) {
    const doubled = model.classifiedBy?.doubledKeyword;
    if (!doubled) return [];
    return [{ range: doubled.range, message: `Classified By is written twice: remove the second "${doubled.text.trim()}".`, data: { remove: doubled.range } }];
  },
  fixes(finding) {
    const remove = rangeOf(finding.data?.remove);
    return remove ? [{ title: 'Remove the second "Classified By"', edits: [{ range: remove, newText: '' }], isPreferred: true }] : [];
  },
};
