// CBL030: a REF naming a cable in the workspace that is classified above this cable's banner.
import { levelInfo } from '../data/markings';
import { levelRank } from '../model';
import type { Finding, Rule } from './rule';

export const refClassifiedHigher: Rule = {
  id: 'CBL030',
  alias: 'ref-classified-higher',
  description: 'A referenced cable (found in the workspace) is classified above this cable.',
  defaultSeverity: 'info',
  check({ model, workspace, uri }) {
    const banner = model.banner;
    if (!workspace || !banner) return [];
    const findings: Finding[] = [];
    for (const entry of model.refs?.entries ?? []) {
      if (!entry.cable) continue;
      const cable = workspace.resolve(entry.cable, model.precedence?.dtg?.year);
      if (!cable || cable.uri === uri || !cable.level || levelRank(cable.level) <= levelRank(banner.level)) continue;
      const name = entry.letter ? `REF ${entry.letter}` : 'The reference';
      findings.push({
        range: entry.cable.range,
        message: `${name} (${cable.reference}) is ${levelInfo.get(cable.level)?.name ?? cable.level}, above this cable's ${levelInfo.get(banner.level)?.name ?? banner.level} banner: check that nothing of it is carried over unmarked.`,
        data: { level: cable.level, uri: cable.uri },
      });
    }
    return findings;
  },
};
