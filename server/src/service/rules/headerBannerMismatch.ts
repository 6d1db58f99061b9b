// CBL025: the ZNY/ZNR letters of a received cable's transmission header agree with the banner
// (CCCCC confidential, SSSSS secret, UUUUU unclassified; cable-format.md section 1).
import { levelRank, type Level } from '../model';
import type { Finding, Rule } from './rule';
import { levelName } from './support';

/** SBU travels as unclassified in the header. */
function headerLevel(level: Level): Level {
  return levelRank(level) <= levelRank('SBU') ? 'U' : level;
}

export const headerBannerMismatch: Rule = {
  id: 'CBL025',
  alias: 'header-banner-mismatch',
  description: 'A ZNY/ZNR header line whose letters disagree with the banner.',
  defaultSeverity: 'warning',
  check({ model }) {
    const banner = model.banner;
    if (!banner) return [];
    const findings: Finding[] = [];
    for (const line of model.transmission) {
      if (!line.securityLevel || !line.securityLetters) continue;
      if (headerLevel(line.securityLevel) === headerLevel(banner.level)) continue;
      findings.push({
        range: line.securityLetters.range,
        message: `Transmission header ${line.securityLetters.text} means ${levelName(line.securityLevel)}, but the banner is ${banner.classification.text} (${levelName(banner.level)}).`,
      });
    }
    return findings;
  },
};
