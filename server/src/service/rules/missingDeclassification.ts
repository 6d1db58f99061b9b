// CBL010: a classified cable's E.O. line gives a declassification instruction (a date, an event,
// an exemption, or a downgrade), not nothing and not N/A (cable-format.md section 5).
import type { Rule } from './rule';
import { defaultDeclassificationDate, isClassified, rangeOf } from './support';

export const missingDeclassification: Rule = {
  id: 'CBL010',
  alias: 'missing-declassification',
  description: "A classified cable's E.O. line has no declassification instruction, or says N/A.",
  defaultSeverity: 'error',
  check({ model, config }) {
    const eo = model.eo;
    if (!eo || !isClassified(model) || eo.downgrade) return [];
    const instruction = eo.instruction;
    if (instruction && instruction.kind !== 'na') return [];
    const date = defaultDeclassificationDate(model, config.defaultDeclassificationYears);
    if (instruction) {
      return [
        {
          range: instruction.range,
          message: 'A classified cable cannot be declassified N/A: give a DECL date (10 years after the DTG by default), an event or an exemption.',
          data: { date, replace: instruction.range, written: instruction.text, withKeyword: !eo.declKeyword },
        },
      ];
    }
    const end = eo.range.end;
    const lineText = model.lines[end.line] ?? '';
    return [
      {
        range: eo.range,
        message: 'The E.O. line of a classified cable has no declassification instruction: add DECL: and a date, an event or an exemption.',
        data: { date, insertAt: end, separator: eo.declKeyword ? (lineText.endsWith(' ') ? '' : ' ') : lineText.trimEnd().endsWith(':') ? ' DECL: ' : ': DECL: ' },
      },
    ];
  },
  fixes(finding) {
    const date = typeof finding.data?.date === 'string' ? finding.data.date : undefined;
    if (!date) return [];
    const replace = rangeOf(finding.data?.replace);
    if (replace) {
      const newText = finding.data?.withKeyword ? `DECL: ${date}` : date;
      return [{ title: `Replace ${String(finding.data?.written)} with ${newText}`, edits: [{ range: replace, newText }] }];
    }
    const insertAt = rangeOf({ start: finding.data?.insertAt, end: finding.data?.insertAt });
    if (!insertAt) return [];
    const separator = typeof finding.data?.separator === 'string' ? finding.data.separator : ' ';
    const newText = `${separator}${date}`;
    return [{ title: `Add the declassification date ${date} to the E.O. line`, edits: [{ range: insertAt, newText }] }];
  },
};
