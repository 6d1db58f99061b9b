// CBL031: the guard against drafting classified text on the wrong system: any mark or banner above
// `cable.classification.systemHigh` (the highest level this system may hold) is an error.
import { levelRank } from '../model';
import type { Finding, Rule } from './rule';
import { highestPortionLevel, levelName, validMarks } from './support';

export const aboveSystemHigh: Rule = {
  id: 'CBL031',
  alias: 'above-system-high',
  description: 'A portion mark or banner above the system high configured in cable.classification.systemHigh.',
  defaultSeverity: 'error',
  check({ model, config }) {
    const limit = levelRank(config.systemHigh);
    const high = levelName(config.systemHigh);
    const findings: Finding[] = [];
    const banner = model.banner;
    if (banner && levelRank(banner.level) > limit) {
      findings.push({
        range: banner.classification.range,
        message: `Banner ${banner.classification.text} is above this system's high (${high}): do not draft ${levelName(banner.level)} text on this system.`,
      });
    }
    const highest = highestPortionLevel(model);
    if (highest === undefined || levelRank(highest) <= limit) return findings;
    for (const mark of validMarks(model)) {
      if (levelRank(mark.level) > limit) {
        findings.push({ range: mark.range, message: `Portion ${mark.text} (${levelName(mark.level)}) is above this system's high (${high}): do not draft it on this system.` });
      }
    }
    return findings;
  },
};
