// CBL014: State's messaging system does not carry TOP SECRET (cable-format.md section 4).
import type { Finding, Rule } from './rule';
import { highestPortionLevel, validMarks } from './support';

export const topSecret: Rule = {
  id: 'CBL014',
  alias: 'top-secret',
  description: 'A (TS) portion or TOP SECRET banner: cables do not carry TOP SECRET.',
  defaultSeverity: 'error',
  check({ model }) {
    const findings: Finding[] = [];
    if (model.banner?.level === 'TS') {
      findings.push({ range: model.banner.classification.range, message: 'TOP SECRET banner: State cables do not carry TOP SECRET; send it by another channel.' });
    }
    // The highest level is known per model: most cables need no look at each mark.
    if (highestPortionLevel(model) !== 'TS') return findings;
    for (const mark of validMarks(model)) {
      if (mark.level === 'TS') findings.push({ range: mark.range, message: `Portion ${mark.text} is TOP SECRET: State cables do not carry TOP SECRET.` });
    }
    return findings;
  },
};
