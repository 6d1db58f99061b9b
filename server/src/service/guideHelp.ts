// Help while writing under a classification guide: a hover on text a guide topic matches shows the topic
// (id, title, level, controls, reasons, duration, the guide), and a hover on the SUBJECT line lists every
// topic the cable touches. The matches come from guides.ts, found once per model.
import type { Hover, Position } from 'vscode-languageserver-types';
import { matchGuides, type GuideMatch, type GuideTopic } from './guides';
import type { RuleContext } from './rules/rule';
import { levelName } from './rules/support';

function durationText(topic: GuideTopic): string {
  const span = topic.declassify;
  if (!span) return 'as the guide says elsewhere';
  if ('years' in span) return `${span.years} years from the DTG`;
  if ('date' in span) return `until ${span.date.year}-${String(span.date.month).padStart(2, '0')}-${String(span.date.day).padStart(2, '0')}`;
  return `exemption ${span.exemption}`;
}

/** The topic as Markdown: what a drafter needs to mark the portion by the guide. */
export function topicMarkdown(topic: GuideTopic): string {
  const reasons = topic.reasons.length ? topic.reasons.map((reason) => `(${reason})`).join(', ') : 'none given';
  return [
    `**${topic.id}**: ${topic.title}`,
    '',
    `Level **${levelName(topic.level)}** · controls ${topic.controls.length ? topic.controls.join(', ') : 'none'} · reasons 1.4 ${reasons} · declassify ${durationText(topic)}`,
    '',
    `*${topic.guide.name}*`,
  ].join('\n');
}

const contains = (match: GuideMatch, position: Position) =>
  (match.start.line < position.line || (match.start.line === position.line && match.start.character <= position.character)) &&
  (match.end.line > position.line || (match.end.line === position.line && match.end.character >= position.character));

export function guideHover(context: RuleContext, position: Position): Hover | null {
  const matches = matchGuides(context.model, context.config.guides);
  if (matches.length === 0) return null;
  const here = matches.filter((match) => contains(match, position));
  if (here.length > 0) {
    const topics = [...new Set(here.map((match) => match.topic))];
    return { contents: { kind: 'markdown', value: topics.map(topicMarkdown).join('\n\n---\n\n') }, range: { start: here[0].start, end: here[0].end } };
  }
  const subject = context.model.subject;
  if (subject && position.line === subject.range.startLine && position.character <= subject.keyword.range.endCharacter) {
    const topics = [...new Set(matches.map((match) => match.topic))];
    const lines = topics.map((topic) => `- **${topic.id}** (${levelName(topic.level)}): ${topic.title}`);
    return { contents: { kind: 'markdown', value: [`This cable touches ${topics.length} topic${topics.length === 1 ? '' : 's'} of its classification guides:`, '', ...lines].join('\n') }, range: subject.keyword.range };
  }
  return null;
}
