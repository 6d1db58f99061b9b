// CBL020: a cross-reference to a paragraph (or sub-paragraph) that this cable does not have.
import { isLetteredSubParagraph, type CableModel, type ParagraphTarget } from '../model';
import type { Finding, Rule } from './rule';

export const danglingParagraphXref: Rule = {
  id: 'CBL020',
  alias: 'dangling-paragraph-xref',
  description: 'A cross-reference such as "see paragraph 3" names a paragraph of this cable.',
  defaultSeverity: 'warning',
  check({ model }) {
    // With no numbered paragraphs, "para 3" can only name another document's paragraph.
    if (model.paragraphs.length === 0) return [];
    const findings: Finding[] = [];
    if (model.paragraphXrefs.length === 0) return findings;
    // By number, first one wins (as a search from the top would): a long cable has thousands of both.
    const byNumber = model.structure.paragraphIndex;
    // An indexed loop over the long lists: see the note on loops in ../model.ts.
    const xrefs = model.paragraphXrefs;
    for (let index = 0; index < xrefs.length; index++) {
      const xref = xrefs[index];
      if (xref.external) continue;
      const parts = xref.parts;
      for (let at = 0; at < parts.length; at++) {
        const part = parts[at];
        reportDangling(findings, model, byNumber, part.from);
        if (part.to) reportDangling(findings, model, byNumber, part.to);
        if (part.to && !part.from.sub && !part.to.sub) {
          for (let number = part.from.number + 1; number < part.to.number && number - part.from.number <= 100; number++) {
            if (!byNumber.has(number)) {
              findings.push({ range: { start: part.from.range.start, end: part.to.range.end }, message: `Paragraph ${number}, inside this range, does not exist in this cable.` });
              break;
            }
          }
        }
      }
    }
    return findings;
  },
};

function reportDangling(findings: Finding[], model: CableModel, byNumber: ReadonlyMap<number, number>, target: ParagraphTarget): void {
  const problem = danglingTarget(model, byNumber, target);
  if (problem) findings.push({ range: target.range, message: problem, data: { number: target.number } });
}

function danglingTarget(model: CableModel, byNumber: ReadonlyMap<number, number>, target: ParagraphTarget): string | undefined {
  const index = byNumber.get(target.number);
  if (index === undefined) return `Paragraph ${target.number} does not exist in this cable.`;
  const paragraph = model.paragraphs[index];
  if (target.sub && !paragraph.subParagraphs.some((sub) => isLetteredSubParagraph(sub) && sub.letter.toUpperCase() === target.sub!.letter)) {
    return `Paragraph ${target.number} has no sub-paragraph ${target.sub.letter}.`;
  }
  return undefined;
}
