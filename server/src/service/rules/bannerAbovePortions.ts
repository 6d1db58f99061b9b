// CBL003: a banner higher than every portion is over-classification (cable-format.md section 10).
// Fix: lower the banner to the highest portion.
import { levelRank } from '../model';
import { bannerChangeFix } from './portionAboveBanner';
import type { Fix, Rule } from './rule';
import { hasCaption, highestPortionLevel, insertCaptionEdit, levelName } from './support';

export const bannerAbovePortions: Rule = {
  id: 'CBL003',
  alias: 'banner-above-portions',
  description: 'The banner is higher than every portion (over-classification).',
  defaultSeverity: 'warning',
  check({ model }) {
    const banner = model.banner;
    const highest = highestPortionLevel(model);
    if (!banner || !highest || levelRank(banner.level) <= levelRank(highest)) return [];
    // An UNCLAS banner over SBU portions is not over-classification; nothing is below UNCLAS.
    if (highest === 'SBU' && banner.level === 'U') return [];
    return [
      {
        range: banner.classification.range,
        message: `Banner ${banner.classification.text} (${levelName(banner.level)}) is higher than every portion: the highest portion is ${levelName(highest)}.`,
        data: { level: highest, classificationRange: banner.classification.range, spaced: banner.spaced, written: banner.classification.text },
      },
    ];
  },
  fixes(finding, { model }) {
    const fixes: Fix[] = bannerChangeFix(finding.data, 'Lower');
    // Lowering to SBU writes UNCLAS and the SENSITIVE caption that makes it SBU.
    if (finding.data?.level === 'SBU' && fixes.length > 0 && !hasCaption(model, 'SENSITIVE')) {
      const caption = insertCaptionEdit(model, 'SENSITIVE');
      if (caption) {
        fixes[0].title += ' and add the SENSITIVE caption';
        fixes[0].edits.push(caption);
      }
    }
    return fixes;
  },
};
