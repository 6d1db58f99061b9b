// CBL018: a lettered REF entry that no citation in the text names. Style, not a mistake: a received
// cable often lists its references for the record without citing each (info).
import type { Finding, Rule } from './rule';

export const unusedRef: Rule = {
  id: 'CBL018',
  alias: 'unused-ref',
  description: 'Every lettered reference is cited in the text (REF A, REFS D-J).',
  defaultSeverity: 'info',
  check({ model }) {
    const entries = model.refs?.entries ?? [];
    const findings: Finding[] = [];
    for (const entry of entries) {
      // A single unlettered reference is cited as REFTEL or simply read as the cable's context.
      if (!entry.letter || !entry.letterRange) continue;
      if (model.structure.entryCitations.has(entry)) continue;
      findings.push({ range: entry.letterRange, message: `REF ${entry.letter} is not cited in the text.`, data: { letter: entry.letter }, tags: [1] });
    }
    return findings;
  },
};
