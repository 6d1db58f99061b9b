// Property tests of the language service: whatever text comes in (arbitrary strings, cable-ish lines,
// mutated corpus cables, generated cables), no feature throws or hangs, every range and edit is sound,
// and fix-all, renumbering and re-lettering are idempotent and touch only what they own.
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import fc from 'fast-check';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import { generateCable } from '../../bench/generate';
import { exerciseEverything } from './exercise';
import {
  anyText,
  applyEdits,
  assertNothingLogged,
  checkOptions,
  corpusTexts,
  documentOf,
  mutatedCorpusCable,
  mutation,
  mutate,
  positionSeeds,
  positionsIn,
  rangeContains,
  service,
  textIn,
} from './support';

const generatedCable = fc
  .record({
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    paragraphs: fc.integer({ min: 1, max: 30 }),
    references: fc.integer({ min: 0, max: 26 }),
    crlf: fc.boolean(),
  })
  .map(({ seed, paragraphs, references, crlf }) => generateCable({ seed, paragraphs, references, lineEnding: crlf ? '\r\n' : '\n' }));

/** Text a cable command may run on: real, generated, and damaged cables. */
const cableInput = fc.oneof(
  fc.constantFrom(...corpusTexts().map((cable) => cable.text)),
  generatedCable,
  mutatedCorpusCable.map((cable) => cable.text),
  fc.tuple(generatedCable, fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([text, mutations]) => mutate(text, mutations)),
);

// A feature that throws is caught and logged: the log must stay empty, or the crash would pass as "no result".
afterEach(assertNothingLogged);

describe('every feature on arbitrary input: never throws, never hangs, sound ranges', () => {
  it('arbitrary strings and cable-ish text', () => {
    // Counterexamples found earlier, kept so that the fixed-seed run always tries them: a last header
    // line without a line break, where a fix inserted a line after the end of the document.
    const examples: Array<[string, Array<[number, number, number]>]> = [
      ['SUBJECT: (C) A TALE OF TWO CITIES \nA ', [[0, 0, 5]]],
      ['UNCLAS EFTO \nO 101200Z OCT 08 ', [[0, 0, 5]]],
      ['S E C R E T SECTION 01 OF 02 PARIS 001007 \n! ', [[0, 0, 5]]],
      ['SUBJ:(C)', [[0, 0, 0]]],
    ];
    fc.assert(fc.property(anyText, positionSeeds, (text, seeds) => exerciseEverything(text, positionsIn(text, seeds))), { ...checkOptions<[string, Array<[number, number, number]>]>(150), examples });
  });

  it('corpus cables with lines deleted, duplicated, swapped, truncated and characters inserted', () => {
    fc.assert(fc.property(mutatedCorpusCable, positionSeeds, (cable, seeds) => exerciseEverything(cable.text, positionsIn(cable.text, seeds))), checkOptions(60));
  });

  it('generated cables, whole and damaged', () => {
    fc.assert(fc.property(cableInput, positionSeeds, (text, seeds) => exerciseEverything(text, positionsIn(text, seeds))), checkOptions(40));
  });

  it('inputs up to 100 KB', () => {
    const big = fc
      .tuple(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.array(mutation, { maxLength: 8 }))
      .map(([seed, mutations]) => mutate(generateCable({ seed, paragraphs: 100 + (seed % 125), references: 26 }), mutations));
    fc.assert(
      fc.property(big, positionSeeds, (text, seeds) => {
        assert.ok(text.length > 40_000 && text.length <= 110_000, `sized ${text.length}`);
        exerciseEverything(text, positionsIn(text, seeds));
      }),
      checkOptions(4),
    );
  });

  it('every corpus cable, whole', () => {
    for (const cable of corpusTexts()) {
      const lines = cable.text.split('\n');
      const positions = lines.flatMap((line, index) => (index % 7 === 0 ? [{ line: index, character: Math.floor(line.length / 2) }] : []));
      try {
        exerciseEverything(cable.text, positions);
      } catch (error) {
        throw new Error(`${cable.name}: ${(error as Error).message}`);
      }
    }
  });
});

type EditsOf = (text: string) => TextEdit[];
const fixAll: EditsOf = (text) => service().fixAllEdits(documentOf(text));
const renumber: EditsOf = (text) => service().renumberParagraphEdits(documentOf(text));
const reletter: EditsOf = (text) => service().reletterReferenceEdits(documentOf(text));

function assertIdempotent(text: string, editsOf: EditsOf, name: string): void {
  const once = applyEdits(text, editsOf(text), name);
  const again = editsOf(once);
  assert.deepEqual(again, [], `${name} applied twice: the second run still edits ${JSON.stringify(again.slice(0, 3))}`);
}

describe('fixes and commands are idempotent', () => {
  for (const [name, editsOf] of [
    ['fix-all', fixAll],
    ['renumber', renumber],
    ['re-letter', reletter],
  ] as const) {
    it(`${name}: a second run finds nothing to change`, () => {
      fc.assert(fc.property(cableInput, (text) => assertIdempotent(text, editsOf, name)), checkOptions(60));
    });
  }

  it('fix-all settles in one round when a lone CR ends the first line (found by npm run fuzz)', () => {
    const cable = corpusTexts().find((candidate) => candidate.name === '07PARIS1791.cable')!;
    // The SENSITIVE caption goes after line 19 as the protocol counts lines, where a lone CR ends one.
    assertIdempotent(`\r${cable.text.slice(cable.text.indexOf('VZCZC'))}`, fixAll, 'fix-all');
  });

  it('fix-all, renumber and re-letter together settle in one round on every corpus cable', () => {
    for (const cable of corpusTexts()) {
      let text = cable.text;
      for (const editsOf of [fixAll, renumber, reletter]) text = applyEdits(text, editsOf(text));
      assert.deepEqual([...fixAll(text), ...renumber(text), ...reletter(text)], [], cable.name);
    }
  });
});

function within(range: Range, owners: Range[]): boolean {
  return owners.some((owner) => rangeContains(owner, range));
}

describe('commands change only what they own', () => {
  it('renumbering replaces paragraph numbers, sub-paragraph letters and cross-reference targets, nothing else', () => {
    fc.assert(
      fc.property(cableInput, (text) => {
        const model = service().modelOf(documentOf(text));
        const owners = [
          ...model.paragraphs.flatMap((paragraph) => [paragraph.number.range, ...paragraph.subParagraphs.map((sub) => sub.label.range)]),
          ...model.paragraphXrefs.map((xref) => xref.range),
        ];
        for (const edit of renumber(text)) {
          const old = textIn(text, edit.range);
          assert.match(old, /^[0-9A-Za-z]+$/, `renumber replaces "${old}"`);
          assert.match(edit.newText, /^[0-9A-Za-z]+$/, `renumber writes "${edit.newText}"`);
          assert.ok(within(edit.range, owners), `renumber edit ${JSON.stringify(edit)} outside every number, label and cross-reference`);
        }
      }),
      checkOptions(80),
    );
  });

  it('re-lettering replaces REF letters and citations, nothing else', () => {
    fc.assert(
      fc.property(cableInput, (text) => {
        const model = service().modelOf(documentOf(text));
        const owners = [...(model.refs?.entries ?? []).flatMap((entry) => (entry.letterRange ? [entry.letterRange] : [])), ...model.refCitations.map((citation) => citation.range)];
        for (const edit of reletter(text)) {
          const old = textIn(text, edit.range);
          for (const written of [old, edit.newText]) assert.match(written, /^[A-Za-z0-9 ,-]+$/, `re-letter text "${written}" is more than letters`);
          assert.ok(within(edit.range, owners), `re-letter edit ${JSON.stringify(edit)} outside every REF letter and citation`);
        }
      }),
      checkOptions(80),
    );
  });
});
