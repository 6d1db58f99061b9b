// CBL013: every cable has an E.O. line; an unclassified cable's says N/A rather than a date.
import type { CableModel } from '../model';
import type { Rule } from './rule';
import { defaultDeclassificationDate, firstLineRange, insertLinesBefore, isBlankDocument, isClassified, rangeOf } from './support';

export const eoLine: Rule = {
  id: 'CBL013',
  alias: 'eo-line',
  description: 'No E.O. line; or a declassification date on an unclassified cable (warning).',
  defaultSeverity: 'error',
  check({ model, config }) {
    const eo = model.eo;
    if (!eo) {
      if (isBlankDocument(model)) return [];
      const classified = isClassified(model);
      const instruction = classified ? `DECL: ${defaultDeclassificationDate(model, config.defaultDeclassificationYears)}` : 'N/A';
      return [
        {
          range: model.banner?.range ?? firstLineRange(model),
          message: `No E.O. line: every cable needs one below the banner, e.g. "E.O. ${config.executiveOrder}: ${instruction}".`,
          data: { line: `E.O. ${config.executiveOrder}: ${instruction}` },
        },
      ];
    }
    const instruction = eo.instruction;
    if (instruction?.kind === 'date' && model.banner && !isClassified(model)) {
      const start = eo.declKeyword?.range.start ?? instruction.range.start;
      const written = (model.lines[start.line] ?? '').slice(start.character, instruction.range.end.line === start.line ? instruction.range.end.character : undefined);
      return [
        {
          range: instruction.range,
          severity: 'warning',
          message: `Declassification date ${instruction.text} on an unclassified cable: its E.O. line says N/A.`,
          data: { replace: { start, end: instruction.range.end }, written },
        },
      ];
    }
    return [];
  },
  fixes(finding, { model }) {
    const replace = rangeOf(finding.data?.replace);
    if (replace) return [{ title: `Replace "${String(finding.data?.written)}" with "N/A"`, edits: [{ range: replace, newText: 'N/A' }], isPreferred: true }];
    const line = typeof finding.data?.line === 'string' ? finding.data.line : undefined;
    const at = eoInsertionLine(model);
    if (!line || at === undefined) return [];
    return [{ title: `Insert the line "${line}"`, edits: [insertLinesBefore(model, at, [line])] }];
  },
};

/** The E.O. line goes before TAGS, or before SUBJECT, or after the banner and its captions. */
function eoInsertionLine(model: CableModel): number | undefined {
  if (model.tags) return model.tags.range.start.line;
  if (model.subject) return model.subject.range.start.line;
  const after = [model.banner, ...model.captions, ...model.passingLines].filter((span) => span !== undefined).map((span) => span!.range.end.line);
  return after.length > 0 ? Math.max(...after) + 1 : undefined;
}
