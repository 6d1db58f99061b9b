// CBL021: every BEGIN or opening keyword has its END, properly nested (cable-format.md section 11).
import type { Rule } from './rule';

export const unbalancedBlock: Rule = {
  id: 'CBL021',
  alias: 'unbalanced-block',
  description: 'A BEGIN or opening keyword without its END, an END without its BEGIN, or blocks that cross.',
  defaultSeverity: 'warning',
  check({ model }) {
    return model.blockProblems.map((problem) => {
      const kind = String(problem.kind);
      const message =
        problem.problem === 'unclosed'
          ? `${problem.span.text.trim()} is never closed: add END ${kind}.`
          : problem.problem === 'unopened'
            ? `${problem.span.text.trim()} closes a ${kind} block that was never opened.`
            : `${problem.span.text.trim()} crosses another block: close the inner block before END ${kind}.`;
      return { range: problem.span.range, message, data: { problem: problem.problem, kind } };
    });
  },
};
