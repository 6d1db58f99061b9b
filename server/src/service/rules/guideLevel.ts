// CBL032: a portion whose text matches a classification guide's topic is marked below the topic's level,
// or lacks the topic's dissemination controls (32 CFR 2001.22: derivative classification follows the
// guide). Fix: raise the mark (the banner then follows through CBL002's fix); a judgement, not in fix-all.
import { highestTopic, matchGuides, type GuideMatch, type GuideTopic } from '../guides';
import { levelRank, type CableModel, type Portion, type PortionMark } from '../model';
import type { Finding, Fix, Rule } from './rule';
import { levelName, rangeOf } from './support';

const CONTROL_ABBREVIATIONS: Record<string, string> = { NOFORN: 'NF', ORCON: 'OC', PROPIN: 'PR' };

/** The mark a portion is read under: its own valid mark, or its paragraph's (a bullet or sub-paragraph inherits). */
function governingMarks(model: CableModel): Map<Portion, PortionMark> {
  const marks = new Map<Portion, PortionMark>();
  const valid = (portion: Portion) => (portion.mark?.valid && portion.mark.level ? portion.mark : undefined);
  for (const portion of model.portions) {
    const own = valid(portion);
    if (own) marks.set(portion, own);
  }
  for (const paragraph of model.paragraphs) {
    const paragraphMark = valid(paragraph);
    for (const sub of paragraph.subParagraphs) {
      if (!marks.has(sub) && paragraphMark) marks.set(sub, paragraphMark);
      for (const point of sub.talkingPoints) if (!marks.has(point) && (valid(sub) ?? paragraphMark)) marks.set(point, (valid(sub) ?? paragraphMark)!);
    }
    for (const point of paragraph.talkingPoints) if (!marks.has(point) && paragraphMark) marks.set(point, paragraphMark);
  }
  return marks;
}

function describePortion(portion: Portion): string {
  switch (portion.kind) {
    case 'paragraph':
      return `Paragraph ${(portion as Portion & { number: { value: number } }).number.value}`;
    case 'subparagraph':
      return `Sub-paragraph ${(portion as Portion & { letter: string }).letter}`;
    case 'talking-point':
      return 'This talking point';
    case 'subject':
      return 'The SUBJECT';
    default:
      return 'This portion';
  }
}

/** The mark raised to `topic`'s level with the controls it lacks, keeping what it says already: `(U)` to `(C//NF)`. */
export function raisedMark(mark: PortionMark, level: GuideTopic['level'], missing: readonly string[]): string {
  const inner = mark.text.slice(1, -1).trim();
  const levelToken = /^[A-Za-z]+/.exec(inner)?.[0] ?? '';
  let rest = inner.slice(levelToken.length);
  for (const control of missing) rest += `${rest.includes('/') ? '/' : '//'}${CONTROL_ABBREVIATIONS[control] ?? control}`;
  return `(${levelRank(mark.level!) >= levelRank(level) ? levelToken : level}${rest})`;
}

export const guideLevel: Rule = {
  id: 'CBL032',
  alias: 'guide-level',
  description: "A portion whose text matches a classification guide's topic is marked below the topic's level or lacks its controls.",
  defaultSeverity: 'error',
  check({ model, config }) {
    const matches = matchGuides(model, config.guides);
    if (matches.length === 0) return [];
    const byPortion = new Map<Portion, GuideMatch[]>();
    for (const match of matches) if (match.portion) byPortion.set(match.portion, [...(byPortion.get(match.portion) ?? []), match]);
    const governing = governingMarks(model);
    const findings: Finding[] = [];
    for (const [portion, portionMatches] of byPortion) {
      const mark = governing.get(portion);
      // An unmarked portion is CBL001's finding; its fix offers the levels.
      if (!mark?.level) continue;
      const topic = highestTopic(portionMatches)!;
      const needed = [...new Set(portionMatches.flatMap((match) => match.topic.controls))];
      const missing = needed.filter((control) => !mark.controls.includes(control));
      const low = levelRank(mark.level) < levelRank(topic.level);
      if (!low && missing.length === 0) continue;
      const own = portion.mark === mark;
      const target = low ? topic : portionMatches.find((match) => match.topic.controls.some((control) => missing.includes(control)))!.topic;
      const firstMatch = portionMatches.find((match) => match.topic === target)!;
      const why = low ? `rates it ${levelName(topic.level)}` : `requires ${missing.join(', ')}`;
      const replacement = raisedMark(mark, low ? topic.level : mark.level, missing);
      findings.push({
        range: own ? mark.range : { start: firstMatch.start, end: firstMatch.end },
        message: `${describePortion(portion)} is marked ${mark.text}, but guide topic ${target.id} ("${target.title}") ${why}: mark it ${replacement} (${target.guide.name}).`,
        data: own ? { replacement, markRange: mark.range, topic: target.id } : { topic: target.id },
      });
    }
    return findings;
  },
  fixes(finding) {
    const replacement = finding.data?.replacement;
    const range = rangeOf(finding.data?.markRange);
    if (typeof replacement !== 'string' || !range) return [];
    const fix: Fix = { title: `Raise the mark to ${replacement} (guide topic ${String(finding.data?.topic)})`, edits: [{ range, newText: replacement }], isPreferred: true };
    return [fix];
  },
};
