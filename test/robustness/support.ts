// Shared pieces of the robustness suite: cable-ish arbitraries for fast-check, corpus mutations, a
// hang guard around every service call, and strict checks of the edits and ranges the service returns.
// `npm test` runs these with few runs; `npm run fuzz` scales them up with CABLE_FUZZ_SCALE.
import assert from 'node:assert/strict';
import { applyTextEdits } from '../../server/src/service/textEdits';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import type { Position, Range, TextEdit } from 'vscode-languageserver-types';
import { createCableService, type CableDocument, type CableService } from '../../server/src/service';
import { corpusDir, corpusFiles } from '../helpers';

/** Multiplies every run count and input size: 1 in `npm test`, larger under `npm run fuzz`. */
export const fuzzScale = Math.max(1, Number(process.env.CABLE_FUZZ_SCALE ?? '1') || 1);

/** A fixed seed keeps `npm test` reproducible; the fuzzer passes CABLE_FUZZ_SEED (or none: random). */
export const fuzzSeed = process.env.CABLE_FUZZ_SEED !== undefined ? Number(process.env.CABLE_FUZZ_SEED) : fuzzScale === 1 ? 20260126 : undefined;

export function runs(base: number): number {
  return Math.round(base * fuzzScale);
}

export function checkOptions<T = unknown>(numRuns: number): fc.Parameters<T> {
  return { numRuns: runs(numRuns), seed: fuzzSeed };
}

/**
 * Hang guard, not a speed test: the issue allows 100 ms per call on inputs up to 100 KB; we fail
 * only at ten times that (a slow CI machine, a cold JIT), which catches hangs and catastrophic
 * regular-expression backtracking while never flaking on an ordinary slow call. Speed lives in bench/.
 */
export const CALL_BUDGET_MS = 100;
export const CI_SLACK = 10;
export const HANG_LIMIT_MS = CALL_BUDGET_MS * CI_SLACK;

export function guarded<T>(label: string, call: () => T): T {
  const start = performance.now();
  const result = call();
  const elapsed = performance.now() - start;
  if (elapsed > HANG_LIMIT_MS) throw new Error(`${label} took ${elapsed.toFixed(0)} ms: over the ${HANG_LIMIT_MS} ms hang guard`);
  return result;
}

let nextVersion = 1;
/** A fresh document version every time, so the service's model cache never answers for older text. */
export function documentOf(text: string, uri = 'file:///robustness/test.cable'): CableDocument {
  const version = nextVersion++;
  return { uri, version, getText: () => text };
}

/** What the shared service logged: errors it caught to stay alive. Every robustness test expects none. */
export const loggedErrors: string[] = [];

let sharedService: CableService | undefined;
export function service(): CableService {
  sharedService ??= createCableService({ logger: { error: (message) => loggedErrors.push(message) } });
  return sharedService;
}

/** Fails with what was logged, and empties the log for the next test. */
export function assertNothingLogged(): void {
  const logged = loggedErrors.splice(0);
  assert.deepEqual(logged, [], `the service caught and logged ${logged.length} error(s): ${logged[0] ?? ''}`);
}

// --- text and ranges ---

/** Lines as the LSP counts them: CRLF, LF and a lone CR each end a line (the parser agrees). */
export function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** Throws unless `range` names real characters of the text: start before end, inside a line. */
export function assertRangeInside(lines: string[], range: Range, label: string): void {
  const bad = (position: Position) =>
    !Number.isInteger(position.line) || !Number.isInteger(position.character) || position.line < 0 || position.character < 0 ||
    position.line >= lines.length || position.character > lines[position.line].length;
  if (bad(range.start) || bad(range.end)) throw new Error(`${label}: range ${JSON.stringify(range)} is outside the document (${lines.length} lines)`);
  if (comparePositions(range.start, range.end) > 0) throw new Error(`${label}: range ${JSON.stringify(range)} ends before it starts`);
}

/**
 * An edit that owns its range must name real characters (a character past the line end makes an
 * editor eat the line break too), and a set of edits must not overlap (two inserts at one point are
 * ambiguous as well).
 */
export function assertEditsSound(text: string, edits: TextEdit[], label: string): void {
  const lines = linesOf(text);
  for (const edit of edits) {
    assertRangeInside(lines, edit.range, label);
    if (typeof edit.newText !== 'string') throw new Error(`${label}: edit without newText`);
  }
  const sorted = [...edits].sort((a, b) => comparePositions(a.range.start, b.range.start) || comparePositions(a.range.end, b.range.end));
  for (let index = 1; index < sorted.length; index++) {
    const previous = sorted[index - 1];
    const current = sorted[index];
    const overlapping = comparePositions(current.range.start, previous.range.end) < 0;
    const sameInsertionPoint = comparePositions(current.range.start, previous.range.start) === 0 && comparePositions(current.range.start, current.range.end) === 0;
    if (overlapping || sameInsertionPoint) throw new Error(`${label}: edits overlap: ${JSON.stringify(previous)} and ${JSON.stringify(current)}`);
  }
}

/** Where each line starts, counting lines as linesOf does (a lone CR ends a line too). */
function offsetsOfLines(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 13 && text.charCodeAt(index + 1) === 10) index++;
    if (code === 10 || code === 13) starts.push(index + 1);
  }
  return starts;
}

export function offsetAt(starts: number[], position: Position): number {
  return starts[position.line] + position.character;
}

/** Applies a sound edit set (checked first); the text outside the edited ranges is kept byte for byte. */
export function applyEdits(text: string, edits: TextEdit[], label = 'edits'): string {
  assertEditsSound(text, edits, label);
  return applyTextEdits(text, edits);
}

export function textIn(text: string, range: Range): string {
  const starts = offsetsOfLines(text);
  return text.slice(offsetAt(starts, range.start), offsetAt(starts, range.end));
}

export function rangeContains(outer: Range, inner: Range): boolean {
  return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}

// --- arbitraries ---

/** Pieces of real cable lines, and the characters that tend to break scanners. */
export const cableFragments = [
  'O 101200Z OCT 08', 'P R 102030Z OCT 08', 'Z 010000Z JAN 70', 'FM SECSTATE WASHDC', 'FM AMEMBASSY PARIS', 'TO AMEMBASSY LONDON PRIORITY 4809',
  'INFO RUEHFR/AMEMBASSY PARIS IMMEDIATE 2276-2279', 'RUEHC #9154 2840312', 'ZNY CCCCC ZZH', 'ZNR UUUUU ZZH', 'BT',
  'C O N F I D E N T I A L STATE 109154', 'S E C R E T SECTION 01 OF 02 PARIS 001007', 'UNCLAS EFTO', 'UNCLAS STATE 095573', 'SIPDIS', 'NOFORN',
  'E.O. 12958: DECL: 10/31/2033', 'E.O. 13526: DECL: 25X1', 'EO 12958 N/A', 'DECL: 1.4 (B), (D)', 'TAGS: PREL, PGOV, FR', 'TAGS: [PREL](#) ECON',
  'SUBJECT: (C) A TALE OF TWO CITIES', 'SUBJECT: NOTHING (U)', 'REF: A. STATE 12345', 'REF: STATE 1', '     B. 08 STATE 95573', 'C. PARIS 1007 (NOTAL)',
  'Classified By: Office Director Jane Doe.', 'Reason: 1.4 (b), (d).', 'CLASSIFIED BY: AMB. X FOR REASONS 1.5 (B) AND (D)',
  '1. (C) Summary:', '[3](#). (S//NF)', '14. (U)', '2.(C)', 'A. (U)', '1B. (C)', '(a) text', '(1)', '-- (C)', '- point', '--',
  'BEGIN TEXT:', 'END TEXT.', 'BEGIN GUIDANCE', 'END GUIDANCE', '(NOTE:', 'END NOTE.)', 'COMMENT:', 'END COMMENT.', 'BACKGROUND:', 'SUMMARY:',
  'REF A', '(REF B)', 'REFS D-J', 'REFS A AND B', 'per ref c', 'REFTEL', 'REFTELS', 'see paragraph 3', 'para 5', 'paras 4-6', 'paragraphs 2 and 3', 'para 3.B',
  '(U)', '(S)', '(TS//SI//NF)', '(C/REL NATO)', '(SBU)', '(X)', '(S/ NF)', '(CC)', '(', ')', '[', ']', '(#)', '[x](#)', '//', '/', ':', '.', ',', '-', 'AND',
  'CLINTON', 'RICE', 'NNNN', '\t', '  ', '\u00a0', '\u200b', '\ufeff', '\u{1f600}', '\ud800', 'é', 'İ', 'ß', '\u0000', '\r', '\r\n', '\n',
];

/** One cable-ish line: fragments and a few arbitrary characters, joined by spaces or nothing. */
export const cableLine: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...cableFragments) }, { weight: 1, arbitrary: fc.fullUnicodeString({ maxLength: 6 }) }, { weight: 1, arbitrary: fc.stringOf(fc.constantFrom('A', 'z', '1', '9', ' ', '.', '(', ')'), { maxLength: 8 }) }), { maxLength: 8 })
  .chain((parts) => fc.array(fc.constantFrom(' ', '', '  ', '. '), { minLength: parts.length, maxLength: parts.length }).map((separators) => parts.map((part, index) => part + separators[index]).join('')));

/** Text made of cable-ish lines with mixed line endings. */
export const cableishText: fc.Arbitrary<string> = fc
  .array(fc.tuple(cableLine, fc.constantFrom('\n', '\n', '\n', '\r\n', '')), { maxLength: 60 })
  .map((lines) => lines.map(([line, ending]) => line + ending).join(''));

/** Any text at all: the generic string arbitraries plus the cable-ish one. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.fullUnicodeString({ maxLength: 200 }),
  fc.string16bits({ maxLength: 200 }),
  cableishText,
);

export function corpusTexts(): Array<{ name: string; text: string }> {
  return corpusFiles().map((name) => ({ name, text: fs.readFileSync(path.join(corpusDir, name), 'utf8') }));
}

export type Mutation =
  | { kind: 'delete'; at: number; count: number }
  | { kind: 'duplicate'; at: number; count: number }
  | { kind: 'swap'; at: number; with: number }
  | { kind: 'truncate'; at: number; keep: number }
  | { kind: 'insert'; at: number; column: number; text: string };

/** Positions are fractions in [0, 1) and scale to whatever text they meet. */
const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fraction, count: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fraction, count: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('swap' as const), at: fraction, with: fraction }),
  fc.record({ kind: fc.constant('truncate' as const), at: fraction, keep: fraction }),
  fc.record({ kind: fc.constant('insert' as const), at: fraction, column: fraction, text: fc.oneof(fc.constantFrom(...cableFragments), fc.fullUnicodeString({ maxLength: 4 })) }),
);

export function mutate(text: string, mutations: Mutation[]): string {
  const lines = text.split('\n');
  for (const change of mutations) {
    const at = Math.floor(change.at * lines.length);
    switch (change.kind) {
      case 'delete':
        lines.splice(at, change.count);
        break;
      case 'duplicate':
        lines.splice(at, 0, ...lines.slice(at, at + change.count));
        break;
      case 'swap': {
        const other = Math.floor(change.with * lines.length);
        if (at < lines.length && other < lines.length) [lines[at], lines[other]] = [lines[other], lines[at]];
        break;
      }
      case 'truncate':
        if (at < lines.length) lines[at] = lines[at].slice(0, Math.floor(change.keep * lines[at].length));
        break;
      case 'insert':
        if (at < lines.length) {
          const column = Math.floor(change.column * (lines[at].length + 1));
          lines[at] = lines[at].slice(0, column) + change.text + lines[at].slice(column);
        } else lines.push(change.text);
        break;
    }
  }
  return lines.join('\n');
}

/** A corpus cable with a few mutations applied. */
export const mutatedCorpusCable: fc.Arbitrary<{ name: string; text: string }> = fc
  .tuple(fc.constantFrom(...corpusTexts()), fc.array(mutation, { minLength: 1, maxLength: 6 }))
  .map(([cable, mutations]) => ({ name: cable.name, text: mutate(cable.text, mutations) }));

/** Raw material for positions: scaled onto a text by `positionsIn`; some land far outside it. */
export const positionSeeds = fc.array(fc.tuple(fraction, fraction, fc.integer({ min: 0, max: 9 })), { minLength: 1, maxLength: 6 });

export function positionsIn(text: string, seeds: Array<[number, number, number]>): Position[] {
  const lines = linesOf(text);
  return seeds.map(([lineFraction, columnFraction, outside]) => {
    if (outside === 0) return { line: lines.length + 3, character: 2 };
    if (outside === 1) return { line: 1_000_000, character: 1_000_000 };
    const line = Math.floor(lineFraction * lines.length);
    if (outside === 2) return { line, character: lines[line].length + 50 };
    return { line, character: Math.floor(columnFraction * (lines[line].length + 1)) };
  });
}
