// Shared by renumbering and re-lettering: applies label edits until the parse stops changing, then turns
// the result into minimal edits of the original text (letters and digits only).
import type { TextEdit } from 'vscode-languageserver-types';
import type { CableModel } from './model';
import { parse } from './parser';
import { applyTextEditsToLines } from './textEdits';

/** At most this many rounds: each round only adds labels the parser skipped before. */
const MAX_ROUNDS = 8;


/** Where a label (a paragraph number, a sub-paragraph letter, a REF letter) starts, and what it labels. */
export interface LabelSpot {
  line: number;
  character: number;
  kind: string;
}

/** The run of letters and digits that starts at a spot: the label as written. */
export function labelRange(lines: string[], spot: { line: number; character: number }): { start: { line: number; character: number }; end: { line: number; character: number } } {
  const text = lines[spot.line] ?? '';
  let end = spot.character;
  while (end < text.length && /[0-9A-Za-z]/.test(text[end])) end++;
  return { start: { line: spot.line, character: spot.character }, end: { line: spot.line, character: end } };
}

/**
 * Relabels the model's text and re-parses until no new label appears. The parser accepts an unmarked
 * `3.` or an inline `(C)` only when it is the next number or letter, so relabelling can reveal one it
 * skipped; every label seen so far is then relabelled together, always on the original text.
 * `collect` lists a model's labels; `assign` gives the edits of the original lines for the labels, in order.
 */
export function settleLabels(
  model: CableModel,
  collect: (model: CableModel) => LabelSpot[],
  assign: (spots: LabelSpot[], lines: string[]) => TextEdit[],
): { lines: string[]; model: CableModel } {
  const known = new Map<string, LabelSpot>();
  const add = (spots: LabelSpot[]): number => {
    let added = 0;
    for (const spot of spots) {
      const key = `${spot.line}:${spot.character}`;
      if (known.has(key)) continue;
      known.set(key, spot);
      added++;
    }
    return added;
  };
  add(collect(model));
  let lines = model.lines;
  let current = model;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const spots = [...known.values()].sort((a, b) => a.line - b.line || a.character - b.character);
    const edits = assign(spots, model.lines);
    if (edits.length === 0) {
      lines = model.lines;
      current = model;
      break;
    }
    lines = applyTextEditsToLines(model.lines, edits, '\n');
    current = parse(lines.join('\n'));
    if (add(collect(current)) === 0) break;
  }
  return { lines, model: current };
}

const RUN_RE = /[0-9A-Za-z]+|[^0-9A-Za-z]+/g;

/** Edits that turn `before` into `after`, one per changed run of letters and digits. */
export function tokenEdits(before: string[], after: string[]): TextEdit[] {
  const edits: TextEdit[] = [];
  for (let line = 0; line < before.length; line++) {
    const old = before[line];
    const next = after[line] ?? old;
    if (old === next) continue;
    const oldRuns = old.match(RUN_RE) ?? [];
    const newRuns = next.match(RUN_RE) ?? [];
    const alike = oldRuns.length === newRuns.length && oldRuns.every((run, index) => /^[0-9A-Za-z]/.test(run) === /^[0-9A-Za-z]/.test(newRuns[index]));
    if (!alike) {
      edits.push({ range: { start: { line, character: 0 }, end: { line, character: old.length } }, newText: next });
      continue;
    }
    let character = 0;
    oldRuns.forEach((run, index) => {
      if (run !== newRuns[index]) {
        edits.push({ range: { start: { line, character }, end: { line, character: character + run.length } }, newText: newRuns[index] });
      }
      character += run.length;
    });
  }
  return edits;
}
