// Property tests on real text (issue 16): the 48 released cables of the corpus, mutated as real text is
// (lines wrapped at other widths, marks dropped or added, list items and quoted numbered text inserted,
// lines duplicated). Fix-all must be idempotent, change no word, never create a duplicate paragraph
// number and never renumber a line that is not a paragraph; the findings must not depend on where the
// lines wrap.
import { applyTextEdits } from '../../server/src/service/textEdits';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { corpusDir, corpusFiles } from '../helpers';
import { diagnosticsOf, serviceFor } from './serviceHelpers';

const corpus = corpusFiles().map((name) => ({ name, text: fs.readFileSync(path.join(corpusDir, name), 'utf8').replace(/\r\n?/g, '\n') }));

function fixAll(text: string): string {
  const { service, document } = serviceFor(text);
  return applyTextEdits(text, service.fixAllEdits(document));
}

// The checks realcheck makes of a fixed cable (../shared/tools/realcheck.py), on our side of the fence.
const MARK = /\((?:[A-Z]{1,4}(?:[/ -]+[A-Z]{1,12}){0,4}|[A-Z]+(?: [A-Z]+)?)\)/g;
const ANY_HEAD = /^\s{0,3}(\d{1,3})\s*[.,]\s/;
const MARKED_HEAD = /^\s{0,3}(\d{1,3})\.\s+\(([A-Z]{1,3}(?:\/[A-Z ]+)?)\)\s/;

/** The words of a text, marks, numbers, SENSITIVE captions and the order of the TAGS aside. */
function words(text: string): string[] {
  const tagsSorted = text.replace(/^TAGS:.*$/gm, (line) => [...new Set(line.split(/\s+/))].sort().join(' '));
  return tagsSorted.replace(MARK, ' ').replace(/\bSENSITIVE\b/g, ' ').match(/[A-Za-z]{2,}/g) ?? [];
}

function duplicateNumbers(text: string): number {
  const counts = new Map<number, number>();
  for (const line of text.split('\n')) {
    const head = ANY_HEAD.exec(line);
    if (head) counts.set(Number(head[1]), (counts.get(Number(head[1])) ?? 0) + 1);
  }
  return [...counts.values()].reduce((sum, count) => sum + count - 1, 0);
}

/** Marked paragraph heads of a cable, as line indexes. */
function markedHeads(lines: string[]): number[] {
  return lines.flatMap((line, index) => (MARKED_HEAD.test(line) ? [index] : []));
}

/** Mutations of a real cable, each keeping it a cable a drafter could have in hand (records, so a failure prints short). */
type Mutation = { kind: 'drop-mark' | 'list' | 'quoted' | 'duplicate-line'; pick: number; count: number };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('drop-mark' as const, 'list' as const, 'quoted' as const, 'duplicate-line' as const),
  pick: fc.nat(),
  count: fc.integer({ min: 2, max: 5 }),
});

function mutate(lines: string[], { kind, pick, count }: Mutation): string[] {
  if (kind === 'duplicate-line') {
    // A line written twice, as a web copy sometimes does.
    const at = pick % lines.length;
    return [...lines.slice(0, at + 1), lines[at], ...lines.slice(at + 1)];
  }
  const heads = markedHeads(lines);
  if (heads.length === 0) return lines;
  const at = heads[pick % heads.length];
  if (kind === 'drop-mark') return lines.map((line, index) => (index === at ? line.replace(/\(([A-Z]{1,3}(?:\/[A-Z ]+)?)\)\s/, '') : line));
  const inserted =
    kind === 'list'
      ? ['The points are as follows:', ...Array.from({ length: count }, (_, index) => `${index + 1}. Item number ${index + 1} of the list.`)]
      : ['BEGIN TEXT', '1. We welcome the proposal of the Secretary.', '', '2. We note the timing of the meeting.', 'END TEXT'];
  return [...lines.slice(0, at + 1), ...inserted, ...lines.slice(at + 1)];
}

const cableName = fc.constantFrom(...corpus.map((cable) => cable.name));
const textOf = (name: string) => corpus.find((cable) => cable.name === name)!.text;

describe('fix-all on mutated real cables', () => {
  it('is idempotent, changes no word, creates no duplicate number and renumbers no list item', () => {
    fc.assert(
      fc.property(cableName, fc.array(mutation, { minLength: 1, maxLength: 3 }), (name, mutations) => {
        const cable = { name };
        const lines = mutations.reduce(mutate, textOf(name).split('\n'));
        const text = lines.join('\n');
        const fixed = fixAll(text);
        assert.equal(fixAll(fixed), fixed, `${cable.name}: a second fix-all changed the text again`);
        assert.deepEqual(words(fixed), words(text), `${cable.name}: fix-all changed words`);
        assert.ok(duplicateNumbers(fixed) <= duplicateNumbers(text), `${cable.name}: fix-all wrote a paragraph number twice`);
        const after = fixed.split('\n');
        if (after.length === lines.length) {
          lines.forEach((line, index) => {
            if (/^(\d)\. (Item number|We welcome|We note)/.test(line)) assert.equal(after[index], line, `${cable.name}: fix-all renumbered a list item: ${line}`);
          });
        }
      }),
      { numRuns: 80 },
    );
  });
});

/**
 * Re-wraps a cable's body the way another drafter's editor would: each paragraph's text joined and
 * broken again at `width`, never so that a continuation line starts with what reads as a label
 * (a number, a letter and a dot, a dash, an opening parenthesis): such a line is ambiguous to a person too.
 */
function rewrap(text: string, width: number): string {
  const lines = text.split('\n');
  const firstHead = lines.findIndex((line) => ANY_HEAD.test(line));
  if (firstHead < 0) return text;
  const out = lines.slice(0, firstHead);
  let run: string[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const wordsOfRun = run.join(' ').split(/\s+/).filter((word) => word !== '');
    let current = '';
    for (const word of wordsOfRun) {
      const startsLabel = /^(\d+[.,]|[A-Za-z][.)]|-|\(|END\b|BEGIN\b)/i.test(word);
      if (current !== '' && current.length + 1 + word.length > width && !startsLabel) {
        out.push(current);
        current = word;
      } else {
        current = current === '' ? word : `${current} ${word}`;
      }
    }
    out.push(current);
    run = [];
  };
  for (const line of lines.slice(firstHead)) {
    // A paragraph's text runs until a blank line or the next line that starts a structure.
    const starts = /^\s*(\d{1,3}[.,]\s|[A-Z]\.\s|\(|--?|BEGIN\b|END\b|[A-Z][A-Z'-]+\s*$|NNNN)/.test(line);
    if (line.trim() === '' || starts) flush();
    if (line.trim() === '') out.push(line);
    else run.push(line);
  }
  flush();
  return out.join('\n');
}

/** How many findings of each rule a text draws. */
function ruleCounts(text: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const diagnostic of diagnosticsOf(text)) counts[String(diagnostic.code)] = (counts[String(diagnostic.code)] ?? 0) + 1;
  return counts;
}

describe('findings on real cables do not depend on where the lines wrap', () => {
  it('the same findings, rule by rule, at any width from 45 to 100 columns', () => {
    fc.assert(
      fc.property(cableName, fc.integer({ min: 45, max: 100 }), (name, width) => {
        const cable = { name, text: textOf(name) };
        const wrapped = rewrap(cable.text, width);
        // A wrap that only moves words between lines: the same words in the same order.
        assert.deepEqual(wrapped.split(/\s+/).filter(Boolean), cable.text.split(/\s+/).filter(Boolean));
        assert.deepEqual(ruleCounts(wrapped), ruleCounts(rewrap(cable.text, 200)), `${cable.name} at ${width} columns`);
      }),
      { numRuns: 80 },
    );
  });
});
