// CBL008: an unclassified cable has no Classified By block (it is required exactly when classified).
import type { Rule } from './rule';
import { isClassified } from './support';

export const classifiedByOnUnclassified: Rule = {
  id: 'CBL008',
  alias: 'classified-by-on-unclassified',
  description: 'An unclassified cable carries a Classified By block.',
  defaultSeverity: 'warning',
  check({ model }) {
    const block = model.classifiedBy;
    if (!block || !model.banner || isClassified(model)) return [];
    return [
      {
        range: block.keyword.range,
        message: 'Classified By on an unclassified cable: remove it, or classify the cable and its portions.',
      },
    ];
  },
};
