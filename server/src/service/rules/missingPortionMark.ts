// CBL001: every numbered paragraph and lettered sub-paragraph carries a portion mark, and in a
// classified cable so does every `--` talking point (32 CFR 2001.21; cable-format.md section 10).
import type { Position } from 'vscode-languageserver-types';
import type { CableModel, Level, Paragraph, Portion, SubParagraph, TalkingPoint } from '../model';
import type { Finding, Fix, Rule } from './rule';
import { cableLevel, effectiveBannerLevel, governingOrder, hasCaption, isClassified, leadingMarkInsertion, markFor, markLevelsUpTo, positionOf } from './support';

interface MarkFixData {
  position: Position;
  /** Leading marks go after the label (`1. (U) `); trailing ones after a talking point's last word. */
  placement: 'leading' | 'trailing';
  before: string;
  after: string;
  label: string;
  /** Marks to offer, in order: the parent's mark first, then each level from (U) up to the banner. */
  marks: string[];
  preferred?: string;
}

/** The marks a portion may take: the parent's first (sub-portions usually share it), then (U) up to the banner. */
export function candidateMarks(model: CableModel, systemHigh: Level, parentMark?: string): string[] {
  const ceiling = effectiveBannerLevel(model) ?? cableLevel(model);
  const marks = markLevelsUpTo(ceiling, systemHigh).map(markFor);
  return parentMark ? [parentMark, ...marks.filter((mark) => mark !== parentMark)] : marks;
}

/**
 * The valid mark of the paragraph (or sub-paragraph) that holds each sub-paragraph and talking point: a
 * portion absent from the map stands alone, outside any paragraph (one pass: a cable may hold thousands).
 */
function parentMarks(model: CableModel): Map<Portion, string | undefined> {
  const parents = new Map<Portion, string | undefined>();
  const paragraphs = model.paragraphs;
  for (let index = 0; index < paragraphs.length; index++) {
    const paragraph = paragraphs[index];
    const paragraphMark = validText(paragraph);
    for (const sub of paragraph.subParagraphs) parents.set(sub, paragraphMark);
    for (const point of paragraph.talkingPoints) parents.set(point, paragraphMark);
    for (const sub of paragraph.subParagraphs) for (const point of sub.talkingPoints) parents.set(point, validText(sub) ?? paragraphMark);
  }
  return parents;
}

function validText(portion: Portion): string | undefined {
  return portion.mark?.valid && portion.mark.level ? portion.mark.text : undefined;
}

export const missingPortionMark: Rule = {
  id: 'CBL001',
  alias: 'missing-portion-mark',
  description:
    'A numbered paragraph has no portion mark; so has a sub-paragraph or bullet that cannot take its paragraph\'s (setting marking.bullets), or a -- talking point standing alone in a classified cable.',
  defaultSeverity: 'error',
  check({ model, config }) {
    const findings: Finding[] = [];
    // Portion marks came with E.O. 12065 (1978); cables of its day and E.O. 12356's could mark every
    // portion at once in paragraph 1 (`CONFIDENTIAL - ENTIRE TEXT`).
    if (governingOrder(model) < 12065 || model.structure.entireText) return findings;
    // Portion marks are for classified and SBU text: an UNCLAS cable that marks nothing is unclassified throughout.
    if (model.banner?.level === 'U' && !hasCaption(model, 'SENSITIVE') && model.marks.length === 0) return findings;
    const classified = isClassified(model);
    const unclassifiedPreferred = classified ? undefined : markFor('U');
    // Built only when a portion lacks its mark: a long cable has thousands of sub-portions, usually all marked.
    let parents: Map<Portion, string | undefined> | undefined;
    const parentsOf = () => (parents ??= parentMarks(model));
    const inherit = config.bulletMarks === 'inherit';
    const marksFor = (portion: Portion) => candidateMarks(model, config.systemHigh, parentsOf().get(portion));
    // An indexed loop over the long lists: see the note on loops in ../model.ts. Portions come in document
    // order, each paragraph before its sub-paragraphs and bullets, which lie within its range.
    const portions = model.portions;
    let paragraph: Portion | undefined;
    for (let index = 0; index < portions.length; index++) {
      const portion = portions[index];
      if (portion.kind === 'paragraph') paragraph = portion;
      if (portion.mark) continue;
      // Inside a paragraph, a sub-portion is part of it and takes its mark (an unmarked paragraph has its own finding).
      const insideParagraph = portion.kind !== 'paragraph' && paragraph !== undefined && portion.range.startLine <= paragraph.range.endLine;
      if (inherit && insideParagraph) continue;
      // A released cable's redaction (`6. xxxxxxxxxxxx`) may have taken the mark with it.
      if (portion.kind === 'paragraph' && /^x{6,}/i.test((portion as Paragraph).title)) continue;
      if (portion.kind === 'paragraph' || portion.kind === 'subparagraph') {
        const marks = marksFor(portion);
        const label = portion.kind === 'paragraph' ? (portion as Paragraph).number : (portion as SubParagraph).label;
        const insertion = leadingMarkInsertion(model, label.range.end);
        const what = portion.kind === 'paragraph' ? `Paragraph ${label.text}` : `Sub-paragraph ${label.text}`;
        const data: MarkFixData = { ...insertion, placement: 'leading', label: label.text, marks, preferred: unclassifiedPreferred };
        findings.push({
          range: { start: label.range.start, end: insertion.position },
          message: `${what} has no portion mark: write one such as ${marks[0]} after the ${portion.kind === 'paragraph' ? 'number' : 'letter'}.`,
          data: { ...data },
        });
      } else if (portion.kind === 'talking-point' && classified) {
        const point = portion as TalkingPoint;
        if (!point.dash.text.startsWith('--')) continue;
        const marks = marksFor(portion);
        const data: MarkFixData = { position: portion.range.end, placement: 'trailing', before: ' ', after: '', label: point.dash.text, marks, preferred: undefined };
        findings.push({
          range: { start: point.dash.range.start, end: point.dash.range.end },
          message: `Talking point has no portion mark in a classified cable: end it with a mark such as ${marks[0]}.`,
          data: { ...data },
        });
      }
    }
    return findings;
  },
  fixes(finding) {
    return markInsertionFixes(finding.data);
  },
};

/** One fix per candidate mark; shared with CBL006 (the subject). */
export function markInsertionFixes(data: Record<string, unknown> | undefined): Fix[] {
  const position = positionOf(data?.position);
  const marks = Array.isArray(data?.marks) ? (data!.marks as unknown[]).filter((mark): mark is string => typeof mark === 'string') : [];
  if (!position || marks.length === 0) return [];
  const before = typeof data?.before === 'string' ? data.before : '';
  const after = typeof data?.after === 'string' ? data.after : '';
  const label = typeof data?.label === 'string' ? data.label : '';
  const trailing = data?.placement === 'trailing';
  return marks.map((mark) => ({
    title: trailing ? `Append ${mark} to the end of the ${label === 'SUBJECT' ? 'subject' : 'talking point'}` : `Insert ${mark} after "${label}${label.endsWith(':') || label.endsWith(')') ? '' : '.'}"`,
    edits: [{ range: { start: position, end: position }, newText: `${before}${mark}${after}` }],
    isPreferred: data?.preferred === mark ? true : undefined,
  }));
}
