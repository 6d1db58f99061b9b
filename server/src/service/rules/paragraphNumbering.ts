// CBL015: paragraphs or lettered sub-paragraphs out of sequence, duplicated or malformed (`1B.`); the
// fix renumbers the whole cable and its cross-references (in fix-all only when that is certain).
import type { Position, TextEdit } from 'vscode-languageserver-types';
import { isLetteredSubParagraph, oncePerModel, type CableModel, type Paragraph, type SubParagraph } from '../model';
import { renumberParagraphEdits } from '../renumber';
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
    const firstIndex = model.structure.paragraphIndex;
    const first = model.structure.firstParagraphNumber;
    // A break in the numbering is reported once, where it happens: the paragraph after it may go on from
    // the number written there, so `1 2 2 3 4` and `1 2 2 4` are one finding each, not one per paragraph.
    // An indexed loop over the long lists: see the note on loops in ../model.ts.
    const paragraphs = model.paragraphs;
    for (let index = 0; index < paragraphs.length; index++) {
      const paragraph = paragraphs[index];
      const value = paragraph.number.value;
      const expected = index + first;
      const continuesRun = index > 0 && value === paragraphs[index - 1].number.value + 1;
      if (paragraph.number.text !== String(value) || (value !== expected && !continuesRun)) {
        const why = firstIndex.get(value)! < index ? `Paragraph ${value} is numbered twice` : `Paragraph ${paragraph.number.text} is out of sequence`;
        findings.push({ range: paragraph.number.range, message: `${why}: expected ${expected}.`, data: { expected: String(expected) } });
      }
      if (paragraph.malformedHead) findings.push(malformedHeadFinding(paragraph));
      if (paragraph.subParagraphs.length > 0) findings.push(...subParagraphFindings(paragraph));
    }
    return findings;
  },
  fixes(finding, { model }) {
    const mend = headMend(finding.data);
    if (mend) return [{ title: mend.newText === '.' ? 'Write a dot for the comma' : 'Put a space before the mark', edits: [mend], isPreferred: true }];
    const edits = renumberEdits(model);
    return edits.length === 0 ? [] : [{ title: 'Renumber paragraphs and cross-references', edits, isPreferred: true }];
  },
  fixAllEdits(context) {
    // One renumbering answers every finding; none when nothing is out of sequence.
    const all = paragraphNumbering.check(context);
    // A head's punctuation is mended on its own; the numbering is renumbered when that is certain.
    const mends = all.flatMap((finding) => headMend(finding.data) ?? []).map((edit) => [edit]);
    const findings = all.filter((finding) => !headMend(finding.data));
    if (findings.length === 0) return mends;
    const edits = renumberEdits(context.model);
    return edits.length === 0 || !isCertain(context.model, findings, edits) ? mends : [...mends, edits];
  },
};

/** `7, (U)` and `2.(C)`: still paragraph heads (counted and renumbered as such), their form to mend. */
function malformedHeadFinding(paragraph: Paragraph): Finding {
  const head = paragraph.malformedHead!;
  const comma = head.problem === 'comma';
  return {
    range: comma ? head.range : paragraph.number.range,
    message: comma
      ? `Paragraph head ${paragraph.number.text}, has a comma for its dot: write ${paragraph.number.text}.`
      : `Paragraph head ${paragraph.number.text}. has no space before its mark: write ${paragraph.number.text}. (`,
    data: { mend: { range: head.range, newText: comma ? '.' : ' ' } },
  };
}

function headMend(data: Record<string, unknown> | undefined): TextEdit | undefined {
  const mend = data?.mend as TextEdit | undefined;
  return mend && typeof mend.newText === 'string' && mend.range ? mend : undefined;
}

/**
 * Fix-all renumbers only when the renumbering changes just the labels reported as wrong (a `14.` that
 * should be 4, a `1B.`). When it would shift the paragraphs after a break as well (a gap where a
 * released cable lost a paragraph, a number written twice), which reading is right is the drafter's
 * call: the quick fix does it on request.
 */
function isCertain(model: CableModel, findings: Finding[], edits: TextEdit[]): boolean {
  const key = (position: Position) => `${position.line}:${position.character}`;
  const reported = new Set(findings.map((finding) => key(finding.range.start)));
  const labels = new Set<string>();
  for (const paragraph of model.paragraphs) {
    labels.add(key(paragraph.number.range.start));
    for (const sub of paragraph.subParagraphs) if (isLetteredSubParagraph(sub)) labels.add(key(sub.label.range.start));
  }
  if (!edits.every((edit) => !labels.has(key(edit.range.start)) || reported.has(key(edit.range.start)))) return false;
  // Nor may it write a number that another numbered line (a paragraph, a list item) already carries.
  const numbersAfter = new Map(model.paragraphs.map((paragraph) => [key(paragraph.number.range.start), paragraph.number.value]));
  for (const edit of edits) if (numbersAfter.has(key(edit.range.start)) && /^\d+$/.test(edit.newText)) numbersAfter.set(key(edit.range.start), Number(edit.newText));
  const all = (paragraphNumbers: Iterable<number>) => [...paragraphNumbers, ...model.listItems.map((item) => item.number.value)];
  return repeats(all(numbersAfter.values())) <= repeats(all(model.paragraphs.map((paragraph) => paragraph.number.value)));
}

/** How many numbers of a list repeat one written before them. */
function repeats(numbers: number[]): number {
  return numbers.length - new Set(numbers).size;
}

/** Lettered sub-paragraphs run A, B, C ... within their paragraph; a run is reported where it breaks, once. */
function subParagraphFindings(paragraph: Paragraph): Finding[] {
  const findings: Finding[] = [];
  const lettered = paragraph.subParagraphs.filter(isLetteredSubParagraph);
  lettered.forEach((sub, index) => {
    if (index >= 26) return;
    const written = sub.label.text;
    const letterIndex = letterOf(sub);
    const continuesRun = index > 0 && letterIndex === letterOf(lettered[index - 1]) + 1;
    if (written.length === 1 && (letterIndex === index || continuesRun)) return;
    const expectedLetter = String.fromCharCode(65 + index);
    const message = sub.malformedPrefix
      ? `Sub-paragraph label ${written}. is malformed: expected ${expectedLetter}.`
      : `Sub-paragraph ${written} is out of sequence in paragraph ${paragraph.number.text}: expected ${expectedLetter}.`;
    findings.push({ range: sub.label.range, message, data: { expected: expectedLetter } });
  });
  return findings;
}

/** A lettered label's place in the alphabet: A is 0 (`1B` is 1). */
function letterOf(sub: SubParagraph): number {
  return sub.label.text.toUpperCase().charCodeAt(sub.label.text.length - 1) - 65;
}
