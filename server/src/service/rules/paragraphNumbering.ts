// CBL015: paragraphs or lettered sub-paragraphs out of sequence, duplicated or malformed (`1B.`); the
// fix renumbers the whole cable and its cross-references.
import { oncePerModel } from '../model';
import { firstParagraphNumber, isLetteredSubParagraph, renumberParagraphEdits } from '../renumber';
import { paragraphIndexByNumber } from '../references';
import type { Finding, Rule } from './rule';

// Every finding offers the same renumbering of the whole cable.
const renumberEdits = oncePerModel(renumberParagraphEdits);

export const paragraphNumbering: Rule = {
  id: 'CBL015',
  alias: 'paragraph-numbering',
  description: 'Paragraphs are numbered 1, 2, 3 ... and sub-paragraphs lettered A, B, C ... in order.',
  defaultSeverity: 'warning',
  safeForFixAll: true,
  check({ model }) {
    const findings: Finding[] = [];
    const first = firstParagraphNumber(model);
    const firstIndex = paragraphIndexByNumber(model);
    // An indexed loop over the long lists: see the note on loops in ../model.ts.
    const paragraphs = model.paragraphs;
    for (let index = 0; index < paragraphs.length; index++) {
      const paragraph = paragraphs[index];
      const expected = index + first;
      const value = paragraph.number.value;
      if (!writtenAs(paragraph.number.text, value, expected)) {
        const why = firstIndex.get(value)! < index ? `Paragraph ${value} is numbered twice` : `Paragraph ${paragraph.number.text} is out of sequence`;
        findings.push({ range: paragraph.number.range, message: `${why}: expected ${expected}.`, data: { expected: String(expected) } });
      }
      let lettered = 0;
      const subParagraphs = paragraph.subParagraphs;
      for (let at = 0; at < subParagraphs.length; at++) {
        const sub = subParagraphs[at];
        if (!isLetteredSubParagraph(sub)) continue;
        const subIndex = lettered++;
        if (subIndex >= 26) continue;
        const expectedLetter = String.fromCharCode(65 + subIndex);
        const written = sub.label.text;
        if (written.length === 1 && (written.charCodeAt(0) & ~32) === expectedLetter.charCodeAt(0)) continue;
        const message = sub.malformedPrefix
          ? `Sub-paragraph label ${written}. is malformed: expected ${expectedLetter}.`
          : `Sub-paragraph ${written} is out of sequence in paragraph ${paragraph.number.text}: expected ${expectedLetter}.`;
        findings.push({ range: sub.label.range, message, data: { expected: expectedLetter } });
      }
    }
    return findings;
  },
  fixes(_finding, { model }) {
    const edits = renumberEdits(model);
    return edits.length === 0 ? [] : [{ title: 'Renumber paragraphs and cross-references', edits, isPreferred: true }];
  },
  fixAllEdits(context) {
    // One renumbering answers every finding; none when nothing is out of sequence.
    if (paragraphNumbering.check(context).length === 0) return [];
    const edits = renumberEdits(context.model);
    return edits.length === 0 ? [] : [edits];
  },
};

/** Whether digits `text` (of value `value`) are the plain decimal `expected`: no copy of the number as a string. */
function writtenAs(text: string, value: number, expected: number): boolean {
  return value === expected && (text.length === 1 || text.charCodeAt(0) !== 48 /* 0 */);
}
