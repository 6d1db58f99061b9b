// Pathological lines stay linear: no regular expression or scanner backtracks catastrophically.
// Each case times the whole keystroke pipeline (parse, diagnostics, symbols, folding, semantic tokens,
// hover and completion at the end of the text) at n and 8n and compares the two: linear work grows
// about 8x, quadratic 64x. Only the growth ratio is asserted, never an absolute time (that is bench/'s job).
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { assertNothingLogged, documentOf, service } from './support';

afterEach(assertNothingLogged);

/** Allowed growth from n to 8n: half the 64x of quadratic work, with room for GC and a busy machine (linear is 8x). */
const MAX_GROWTH = 32;
/** Milliseconds added to the allowance, so that tiny timings (a few ms of noise) cannot fail the test. */
const NOISE_MS = 25;

function pipeline(text: string): void {
  const cable = service();
  const document = documentOf(text);
  cable.diagnostics(document);
  cable.documentSymbols(document);
  cable.foldingRanges(document);
  cable.semanticTokens(document);
  const lines = cable.modelOf(document).lines;
  const last = { line: lines.length - 1, character: lines[lines.length - 1].length };
  const middle = { line: Math.floor(lines.length / 2), character: Math.floor(lines[Math.floor(lines.length / 2)].length / 2) };
  for (const position of [last, middle]) {
    cable.hover(document, position);
    cable.completions(document, position);
    cable.documentHighlights(document, position);
  }
  cable.fixAllEdits(document);
  cable.renumberParagraphEdits(document);
  cable.reletterReferenceEdits(document);
  cable.forget(document.uri);
}

/** The best of three runs, the least disturbed by GC and the JIT; one run when it is already slow. */
function timeOf(text: string): number {
  let best = Infinity;
  for (let run = 0; run < 3 && (run === 0 || best < 500); run++) {
    const start = performance.now();
    pipeline(text);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

interface Case {
  name: string;
  /** The text at size n (n is the count of repeated units). */
  make: (n: number) => string;
  /**
   * The size reached at 8n: the sizes for its cases; for the others, small enough that
   * quadratic work fails the test within seconds rather than hanging the suite for minutes.
   */
  largest: number;
}

const header = 'S E C R E T STATE 109154\n\nE.O. 12958: DECL: 10/31/2033\nTAGS: PREL\nSUBJECT: (S) TEST\n\n';
const words = 'the embassy notes partners delegation ministry officials meeting plenary proposal ';

const cases: Case[] = [
  { name: '100,000 "("', make: (n) => '('.repeat(n), largest: 100_000 },
  { name: '100,000 "(" after a header, in a paragraph', make: (n) => `${header}1. (S) ${'('.repeat(n)}\n`, largest: 100_000 },
  { name: 'a 1 MB line without a newline', make: (n) => `1. (U) ${words.repeat(Math.ceil(n / words.length)).slice(0, n)}`, largest: 1_000_000 },
  { name: '50,000 "REF " repeats', make: (n) => `${header}1. (S) ${'REF '.repeat(n)}\n`, largest: 50_000 },
  { name: '100,000 "-"', make: (n) => '-'.repeat(n), largest: 100_000 },
  // Sized so that quadratic work shows (64x) within seconds instead of minutes.
  { name: 'deeply repeated "[x](#)"', make: (n) => `${header}${'[x](#)'.repeat(n)}\n`, largest: 8_000 },
  { name: 'repeated "[1](#). (S) "', make: (n) => `${header}${'[1](#). (S) '.repeat(n)}\n`, largest: 5_000 },
  { name: 'repeated "(S//NF/" without a close', make: (n) => `${header}1. ${'(S//NF/'.repeat(n)}\n`, largest: 20_000 },
  { name: 'repeated "REFS A AND B, C-" lists', make: (n) => `${header}1. (S) ${'REFS A AND B, C-'.repeat(n)}\n`, largest: 10_000 },
  { name: 'repeated "see paras 1-2, 3 and " cross-references', make: (n) => `${header}1. (S) ${'see paras 1-2, 3 and '.repeat(n)}\n`, largest: 10_000 },
  { name: 'a TAGS line of 5,000 tags', make: (n) => `${header}TAGS: ${'PREL, [ECON](#) '.repeat(n)}\n`, largest: 5_000 },
  { name: 'spaces, then one letter', make: (n) => `${' '.repeat(n)}x`, largest: 200_000 },
  { name: '10,000 "1. (S)" paragraphs, one a line', make: (n) => `${header}${'1. (S) Text.\n'.repeat(n)}`, largest: 10_000 },
  { name: '10,000 unclosed BEGIN blocks', make: (n) => `${header}1. (S) Text.\n${'BEGIN TEXT:\n'.repeat(n)}`, largest: 10_000 },
  { name: '10,000 REF entries', make: (n) => `${header}REF: ${'A. STATE 12345\n     '.repeat(n)}\n1. (S) REF A.\n`, largest: 10_000 },
];

describe('pathological input stays linear (growth from n to 8n well under quadratic)', () => {
  for (const { name, make, largest } of cases) {
    it(name, () => {
      const n = Math.ceil(largest / 8);
      timeOf(make(Math.ceil(n / 8))); // warm the JIT on a small input first
      const small = timeOf(make(n));
      const large = timeOf(make(8 * n));
      assert.ok(
        large < MAX_GROWTH * small + NOISE_MS,
        `${name}: ${small.toFixed(1)} ms at n=${n}, ${large.toFixed(1)} ms at 8n: grows ${(large / small).toFixed(1)}x (linear is 8x, quadratic 64x)`,
      );
    });
  }
});
