// CBL005: a portion mark must be a level with valid controls: `(X)`, `(S/ NF)`, `(CC)` are not.
import type { Rule } from './rule';

export const invalidPortionMark: Rule = {
  id: 'CBL005',
  alias: 'invalid-portion-mark',
  description: 'A portion mark is not a classification level with valid controls, e.g. (X), (S/ NF), (CC).',
  defaultSeverity: 'error',
  check({ model }) {
    return model.marks
      .filter((mark) => !mark.valid)
      .map((mark) => ({
        range: mark.range,
        message: `Invalid portion mark ${mark.text}${mark.problem ? `: ${mark.problem}` : ''}. Use a level (U), (SBU), (C) or (S), with controls after a slash such as (S/NF).`,
      }));
  },
};
