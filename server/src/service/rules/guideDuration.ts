// CBL034: the declassification date is earlier than the longest span a matched classification-guide topic
// gives, counted from the DTG (32 CFR 2001.15(b): the guide states the duration). Fix: write that date.
import { matchGuides, type GuideTopic } from '../guides';
import type { Fix, Rule } from './rule';
import { addYears, declassificationDay, dtgDay, formatDate } from './support';

/** The date a topic's information stays classified until, from the DTG. */
function until(topic: GuideTopic, dtg: Date): Date | undefined {
  const span = topic.declassify;
  if (!span) return undefined;
  if ('years' in span) return addYears(dtg, span.years);
  if ('date' in span) return declassificationDay(span.date);
  return undefined;
}

export const guideDuration: Rule = {
  id: 'CBL034',
  alias: 'guide-duration',
  description: "The declassification date is earlier than the longest matched classification guide topic's span from the DTG.",
  defaultSeverity: 'warning',
  check({ model, config }) {
    const instruction = model.eo?.instruction;
    const dtg = dtgDay(model);
    if (!instruction || instruction.kind !== 'date' || !instruction.valid || !dtg) return [];
    let longest: { topic: GuideTopic; date: Date } | undefined;
    for (const { topic } of matchGuides(model, config.guides)) {
      const date = until(topic, dtg);
      if (date && (!longest || date > longest.date)) longest = { topic, date };
    }
    const written = declassificationDay(instruction);
    if (!longest || written >= longest.date) return [];
    const span = longest.topic.declassify!;
    const how = 'years' in span ? `${span.years} years from the DTG` : `until ${formatDate(longest.date)}`;
    const replacement = instruction.format === 'MM/DD/YYYY' ? formatDate(longest.date) : undefined;
    return [
      {
        range: instruction.range,
        message: `Declassification ${instruction.text} is earlier than guide topic ${longest.topic.id} allows (${how}: ${formatDate(longest.date)}).`,
        data: replacement ? { replacement } : undefined,
      },
    ];
  },
  fixes(finding) {
    const replacement = finding.data?.replacement;
    if (typeof replacement !== 'string') return [];
    const fix: Fix = { title: `Declassify on ${replacement}`, edits: [{ range: finding.range, newText: replacement }], isPreferred: true };
    return [fix];
  },
};
