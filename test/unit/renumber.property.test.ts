// Property tests of renumbering and re-lettering (fast-check): on generated cables and on mutated corpus
// cables, both are idempotent, change nothing but numbers and letters, and keep every reference's meaning.
import { applyTextEdits } from '../../server/src/service/textEdits';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { TextEdit } from 'vscode-languageserver-types';
import type { CableModel } from '../../server/src/service/model';
import { parse } from '../../server/src/service/parser';
import { reletterReferenceEdits, renumberParagraphEdits } from '../../server/src/service/renumber';
import { corpusDir, corpusFiles, readFixture } from '../helpers';
import { cable, textOf } from './refHelpers';

const LETTERS = 'ABCDEFGHIJ'.split('');
const letter = fc.constantFrom(...LETTERS);

/** A sentence with citations and cross-references, letters and numbers drawn at random. */
const sentence = fc.oneof(
  letter.map((x) => `Per REF ${x}, we agree.`),
  letter.map((x) => `As noted (REF ${x}).`),
  letter.map((x) => `See ref ${x.toLowerCase()} too.`),
  fc.tuple(letter, letter).map(([x, y]) => (x <= y ? `The papers (REFS ${x}-${y}) say so.` : `The papers (REFS ${y}-${x}) say so.`)),
  fc.tuple(letter, letter).map(([x, y]) => `Both REFS ${x} AND ${y} agree.`),
  fc.constant('As REFTEL said.'),
  fc.integer({ min: 1, max: 12 }).map((n) => `Please see paragraph ${n}.`),
  fc.integer({ min: 1, max: 12 }).map((n) => `Per para ${n}, yes.`),
  fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 3 })).map(([n, k]) => `Read paras ${n}-${n + k} first.`),
  fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 })).map(([n, m]) => `See paragraphs ${n} and ${m}.`),
  fc.tuple(fc.integer({ min: 1, max: 12 }), letter).map(([n, x]) => `Under para ${n}.${x}, no.`),
  fc.constant('Nothing to cite here.'),
);

const subParagraph = fc.record({ label: fc.oneof(letter, letter.map((x) => `1${x}`)), text: sentence });
const paragraph = fc.record({
  number: fc.integer({ min: 1, max: 15 }),
  artifact: fc.boolean(),
  text: fc.array(sentence, { minLength: 1, maxLength: 3 }),
  subs: fc.array(subParagraph, { maxLength: 3 }),
});

const generatedCable = fc
  .record({
    refs: fc.array(letter, { maxLength: 8 }),
    paragraphs: fc.array(paragraph, { minLength: 2, maxLength: 6 }),
  })
  .map(({ refs, paragraphs }) =>
    cable({
      refs: refs.map((x, index) => `${x}. STATE ${1000 + index}`),
      body: paragraphs.flatMap((p) => [
        `${p.artifact ? `[${p.number}](#)` : p.number}. (C) ${p.text.join(' ')}`,
        ...p.subs.map((sub) => `${sub.label}. (C) ${sub.text}`),
      ]),
    }),
  );

/** Every run of letters and digits becomes one `#`: two texts that differ only in numbers and letters mask alike. */
function masked(text: string): string {
  return text.replace(/[0-9A-Za-z]+/g, '#');
}

const LIST_RE = /^[A-Za-z](?:-[A-Za-z])?(?:, [A-Za-z](?:-[A-Za-z])?)* (?:AND|and) [A-Za-z](?:-[A-Za-z])?$/;

/** Checks that edits replace only letters and digits (or rewrite a range as a list) and apply cleanly. */
function checkEdits(text: string, model: CableModel, edits: TextEdit[]): string {
  const tokenEdits: TextEdit[] = [];
  for (const edit of edits) {
    assert.equal(edit.range.start.line, edit.range.end.line, 'one-line edits');
    const old = textOf(model, edit.range);
    assert.notEqual(old, edit.newText, 'only edits that change something');
    if (/^[0-9A-Za-z]+$/.test(old)) {
      assert.match(edit.newText, /^[0-9A-Za-z]+$/);
      tokenEdits.push(edit);
    } else {
      assert.match(old, /^[A-Za-z]\s*-\s*[A-Za-z]$/, `only a range may be rewritten: ${old}`);
      assert.match(edit.newText, LIST_RE);
    }
  }
  assert.equal(masked(applyTextEdits(text, tokenEdits)), masked(text), 'nothing but numbers and letters changed');
  return applyTextEdits(text, edits);
}

/** For each cross-reference target that names a paragraph of this cable: the index of the paragraph it names (another document's, none). */
function xrefMeanings(model: CableModel): Array<number | undefined> {
  const indexOf = (number: number) => {
    const index = model.paragraphs.findIndex((p) => p.number.value === number);
    return index < 0 ? undefined : index;
  };
  return model.paragraphXrefs.flatMap((xref) =>
    xref.parts.flatMap((part) => {
      if (xref.external) return part.to ? [undefined, undefined] : [undefined];
      if (part.to && (indexOf(part.from.number) === undefined || indexOf(part.to.number) === undefined)) return [undefined, undefined];
      return [indexOf(part.from.number), ...(part.to ? [indexOf(part.to.number)] : [])];
    }),
  );
}

/** For each citation: the entries it names, when it names only defined, distinct letters. */
function citationMeanings(model: CableModel): Array<string | undefined> {
  const entries = model.refs?.entries ?? [];
  const byLetter = (x: string) => entries.filter((entry) => entry.letter === x);
  return model.refCitations
    .filter((citation) => !citation.reftel)
    .map((citation) => {
      if (citation.letters.some((x) => byLetter(x).length !== 1)) return undefined;
      // An entry is known by where its letter stands: re-lettering changes the letter, never its place.
      return citation.letters
        .map((x) => JSON.stringify(byLetter(x)[0].letterRange?.start))
        .sort()
        .join('|');
    });
}

function checkRenumber(text: string): void {
  const model = parse(text);
  const after = checkEdits(text, model, renumberParagraphEdits(model));
  const reparsed = parse(after);
  assert.deepEqual(renumberParagraphEdits(reparsed), [], 'idempotent');
  // Numbering can reveal an unmarked `3.` the parser skipped as out of sequence; it never loses one.
  assert.ok(reparsed.paragraphs.length >= model.paragraphs.length);
  const first = reparsed.structure.firstParagraphNumber;
  assert.deepEqual(
    reparsed.paragraphs.map((p) => p.number.value),
    reparsed.paragraphs.map((_, index) => index + first),
  );
  const before = xrefMeanings(model);
  const now = xrefMeanings(reparsed);
  before.forEach((meaning, index) => {
    if (meaning !== undefined) assert.equal(now[index], meaning, 'a cross-reference names the same paragraph');
  });
}

function checkReletter(text: string): void {
  const model = parse(text);
  const after = checkEdits(text, model, reletterReferenceEdits(model));
  const reparsed = parse(after);
  assert.deepEqual(reletterReferenceEdits(reparsed), [], 'idempotent');
  const before = citationMeanings(model);
  const now = citationMeanings(reparsed);
  assert.equal(now.length, before.length);
  before.forEach((meaning, index) => {
    if (meaning !== undefined) assert.equal(now[index], meaning, 'a citation names the same references');
  });
}

describe('renumbering and re-lettering: properties', () => {
  it('hold on generated cables', () => {
    fc.assert(
      fc.property(generatedCable, (text) => {
        checkRenumber(text);
        checkReletter(text);
      }),
      { numRuns: 120 },
    );
  });

  it('hold on the seed', () => {
    checkRenumber(readFixture('seed.cable'));
    checkReletter(readFixture('seed.cable'));
  });

  const corpus = corpusFiles().map((file) => fs.readFileSync(path.join(corpusDir, file), 'utf8'));
  /** A corpus cable with some paragraph numbers and REF letters rewritten at random. */
  const mutatedCorpusCable = fc
    .record({
      source: fc.constantFrom(...corpus),
      numbers: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 30 })), { maxLength: 4 }),
      letters: fc.array(fc.tuple(fc.nat(), letter), { maxLength: 3 }),
    })
    .map(({ source, numbers, letters }) => {
      const model = parse(source);
      const edits = new Map<string, TextEdit>();
      for (const [at, value] of numbers) {
        if (model.paragraphs.length === 0) break;
        const range = model.paragraphs[at % model.paragraphs.length].number.range;
        edits.set(JSON.stringify(range.start), { range, newText: String(value) });
      }
      const lettered = (model.refs?.entries ?? []).filter((entry) => entry.letterRange);
      for (const [at, x] of letters) {
        if (lettered.length === 0) break;
        const range = lettered[at % lettered.length].letterRange!;
        edits.set(JSON.stringify(range.start), { range, newText: x });
      }
      return applyTextEdits(source, [...edits.values()]);
    });

  it('hold on mutated corpus cables', () => {
    fc.assert(
      fc.property(mutatedCorpusCable, (text) => {
        checkRenumber(text);
        checkReletter(text);
      }),
      { numRuns: 60 },
    );
  });
});
