// Folding ranges: the header, the REF list, paragraphs, sub-paragraphs and blocks.
import { FoldingRange, FoldingRangeKind } from 'vscode-languageserver-types';
import type { CableModel, Range } from './model';

export function foldingRanges(model: CableModel): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const add = (range: Range | undefined, kind?: FoldingRangeKind) => {
    if (!range) return;
    const endLine = lastContentLine(model, range.end.line, range.start.line);
    if (endLine > range.start.line) ranges.push(FoldingRange.create(range.start.line, endLine, undefined, undefined, kind));
  };
  add(model.headerRange, FoldingRangeKind.Imports);
  add(model.refs?.range);
  for (const paragraph of model.paragraphs) {
    add(paragraph.range, FoldingRangeKind.Region);
    for (const sub of paragraph.subParagraphs) add(sub.range, FoldingRangeKind.Region);
  }
  for (const block of model.blocks) add(block.range, FoldingRangeKind.Region);
  // One range per start line: VS Code keeps only the first anyway, and duplicates confuse tests.
  const seen = new Set<number>();
  return ranges
    .sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine)
    .filter((range) => (seen.has(range.startLine) ? false : (seen.add(range.startLine), true)));
}

/** A range that ends on blank lines folds up to its last line with text. */
function lastContentLine(model: CableModel, endLine: number, startLine: number): number {
  let line = Math.min(endLine, model.lines.length - 1);
  while (line > startLine && model.lines[line].trim() === '') line--;
  return line;
}
