// CBL002: no portion may be classified higher than the banner (32 CFR 2001.21: the banner shows the
// highest level of any portion). Fix: raise the banner, keeping its spaced or plain style.
import type { Level } from '../model';
import { levelRank } from '../model';
import type { Finding, Fix, Rule } from './rule';
import { bannerWords, effectiveBannerLevel, highestPortionLevel, levelName, rangeOf, validMarks } from './support';

export const portionAboveBanner: Rule = {
  id: 'CBL002',
  alias: 'portion-above-banner',
  description: 'A portion is classified higher than the banner.',
  defaultSeverity: 'error',
  check({ model }) {
    const banner = model.banner;
    const bannerLevel = effectiveBannerLevel(model);
    if (!banner || !bannerLevel) return [];
    const highest = highestPortionLevel(model);
    if (highest === undefined || levelRank(highest) <= levelRank(bannerLevel)) return [];
    const findings: Finding[] = [];
    for (const mark of validMarks(model)) {
      // TOP SECRET is CBL014's business, SBU under a plain UNCLAS banner is CBL027's (a caption, not a new level).
      if (mark.level === 'TS') continue;
      if (mark.level === 'SBU' && banner.level === 'U') continue;
      if (levelRank(mark.level) <= levelRank(bannerLevel)) continue;
      findings.push({
        range: mark.range,
        message: `Portion marked ${mark.text} (${levelName(mark.level)}) is above the banner ${banner.classification.text} (${levelName(bannerLevel)}): raise the banner or lower the mark.`,
        data: { level: mark.level, classificationRange: banner.classification.range, spaced: banner.spaced, written: banner.classification.text },
      });
    }
    return findings;
  },
  fixes(finding) {
    return bannerChangeFix(finding.data, 'Raise');
  },
};

/** Replaces the banner's classification words with those of another level (shared with CBL003). */
export function bannerChangeFix(data: Record<string, unknown> | undefined, verb: 'Raise' | 'Lower'): Fix[] {
  const range = rangeOf(data?.classificationRange);
  const level = data?.level as Level | undefined;
  if (!range || !level) return [];
  const words = bannerWords(level, data?.spaced === true);
  return [{ title: `${verb} the banner from ${String(data?.written ?? '')} to ${words}`, edits: [{ range, newText: words }] }];
}
