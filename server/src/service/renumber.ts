// Paragraph renumbering: top-level paragraphs 1..n, lettered sub-paragraphs A, B, C ... within each,
// with every cross-reference rewritten to name the same paragraph. REF re-lettering lives in reletter.ts.
import type { Range, TextEdit } from 'vscode-languageserver-types';
import { isLetteredSubParagraph, oncePerModel, type CableModel, type Paragraph, type ParagraphTarget } from './model';
import { labelRange, settleLabels, tokenEdits, type LabelSpot } from './relabel';

export { reletterReferenceEdits } from './reletter';

/** The letter a lettered sub-paragraph label should carry, in the label's case (`1B` -> `B`). */
function letterText(index: number, written: string): string | undefined {
  if (index >= 26) return undefined;
  const letter = String.fromCharCode(65 + index);
  return /[a-z]$/.test(written) ? letter.toLowerCase() : letter;
}

/** The paragraph numbers and lettered sub-paragraph labels of a model. */
function paragraphLabels(model: CableModel): LabelSpot[] {
  return model.paragraphs.flatMap((paragraph) => [
    { ...paragraph.number.range.start, kind: 'paragraph' },
    ...paragraph.subParagraphs.filter(isLetteredSubParagraph).map((sub) => ({ ...sub.label.range.start, kind: 'sub' })),
  ]);
}

/** Paragraphs numbered from `first` in order, sub-paragraphs lettered from A under each. */
function numberingEdits(spots: LabelSpot[], lines: string[], first: number): TextEdit[] {
  const edits: TextEdit[] = [];
  let paragraphIndex = -1;
  let subIndex = 0;
  for (const spot of spots) {
    const range = labelRange(lines, spot);
    const written = lines[spot.line].slice(range.start.character, range.end.character);
    let wanted: string | undefined;
    if (spot.kind === 'paragraph') {
      paragraphIndex++;
      subIndex = 0;
      wanted = String(paragraphIndex + first);
    } else {
      wanted = letterText(subIndex++, written);
    }
    if (wanted && written !== wanted) edits.push({ range, newText: wanted });
  }
  return edits;
}

/**
 * Numbers paragraphs 1..n and sub-paragraphs A, B, C ..., and rewrites cross-references so that each
 * names the same paragraph as before. Only digits and letters are replaced; a second run yields no edits.
 */
export function renumberParagraphEdits(model: CableModel): TextEdit[] {
  // CBL015 offers the same fix for each of its findings: compute it once per model.
  return [...renumbered(model)];
}

const renumbered = oncePerModel(computeRenumbering);

function computeRenumbering(model: CableModel): TextEdit[] {
  const first = model.structure.firstParagraphNumber;
  const settled = settleLabels(model, paragraphLabels, (spots, lines) => numberingEdits(spots, lines, first));
  const edits = tokenEdits(model.lines, settled.lines);
  // Paragraphs keep their head line through renumbering: that is how a cross-reference finds its paragraph again.
  const finalByLine = new Map(settled.model.paragraphs.map((paragraph) => [paragraph.number.range.start.line, paragraph]));
  // A number written on two paragraphs names the first of them.
  const byOldNumber = new Map<number, Paragraph>();
  for (const paragraph of model.paragraphs) if (!byOldNumber.has(paragraph.number.value)) byOldNumber.set(paragraph.number.value, paragraph);
  const resolve = (target: ParagraphTarget) => {
    const before = byOldNumber.get(target.number);
    const after = before && finalByLine.get(before.number.range.start.line);
    return before && after ? { before, after } : undefined;
  };

  for (const xref of model.paragraphXrefs) {
    if (xref.external) continue;
    for (const part of xref.parts) {
      const from = resolve(part.from);
      const to = part.to ? resolve(part.to) : undefined;
      // A range with an end that names no paragraph is left as written (CBL020 reports it).
      if (part.to && (!from || !to)) continue;
      if (from) edits.push(...targetEdits(model, part.from, from.before, from.after));
      if (part.to && to) edits.push(...targetEdits(model, part.to, to.before, to.after));
    }
  }
  return edits.sort(byPosition);
}

function targetEdits(model: CableModel, target: ParagraphTarget, before: Paragraph, after: Paragraph): TextEdit[] {
  const edits: TextEdit[] = [];
  if (after.number.value !== target.number) {
    const line = model.lines[target.range.start.line] ?? '';
    const start = target.range.start.character;
    let end = start;
    while (end < line.length && line.charCodeAt(end) >= 48 && line.charCodeAt(end) <= 57) end++;
    edits.push({ range: { start: target.range.start, end: { line: target.range.start.line, character: end } }, newText: String(after.number.value) });
  }
  if (target.sub) {
    const subBefore = before.subParagraphs.find((sub) => isLetteredSubParagraph(sub) && sub.letter.toUpperCase() === target.sub!.letter.toUpperCase());
    const subAfter = subBefore && after.subParagraphs.find((sub) => sub.label.range.start.line === subBefore.label.range.start.line);
    const newLetter = subAfter?.letter.toUpperCase();
    if (newLetter && subAfter && isLetteredSubParagraph(subAfter) && newLetter !== target.sub.letter.toUpperCase()) {
      const written = textAt(model, target.sub.range);
      edits.push({ range: target.sub.range, newText: written === written.toLowerCase() ? newLetter.toLowerCase() : newLetter });
    }
  }
  return edits;
}

/** The text of a one-line range. */
export function textAt(model: CableModel, range: Range): string {
  return (model.lines[range.start.line] ?? '').slice(range.start.character, range.end.character);
}

export function byPosition(a: TextEdit, b: TextEdit): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}
