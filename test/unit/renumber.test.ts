// Unit tests of paragraph renumbering and REF re-lettering: the seed, cross-references, ranges and lists.
import { applyTextEdits } from '../../server/src/service/textEdits';
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TextEdit } from 'vscode-languageserver-types';
import { parse } from '../../server/src/service/parser';
import { formatLetterList } from '../../server/src/service/reletter';
import { reletterReferenceEdits, renumberParagraphEdits } from '../../server/src/service/renumber';
import * as references from '../../server/src/service/references';
import { readFixture } from '../helpers';
import { cable, contextFor, textOf } from './refHelpers';

const seedText = readFixture('seed.cable');

function renumbered(text: string): string {
  return applyTextEdits(text, renumberParagraphEdits(parse(text)));
}

function relettered(text: string): string {
  return applyTextEdits(text, reletterReferenceEdits(parse(text)));
}

/** Each edit replaces only letters and digits with letters and digits. */
function assertTokenEdits(text: string, edits: TextEdit[]): void {
  const model = parse(text);
  for (const edit of edits) {
    assert.equal(edit.range.start.line, edit.range.end.line);
    assert.match(textOf(model, edit.range), /^[0-9A-Za-z]+$/);
    assert.match(edit.newText, /^[0-9A-Za-z]+$/);
    assert.notEqual(textOf(model, edit.range), edit.newText, 'no edit that changes nothing');
  }
}

describe('renumber: the seed', () => {
  const edits = renumberParagraphEdits(parse(seedText));
  const after = applyTextEdits(seedText, edits);
  const model = parse(after);

  it('numbers the paragraphs 1-4 and the guidance sections A-D', () => {
    assert.deepEqual(
      model.paragraphs.map((paragraph) => paragraph.number.text),
      ['1', '2', '3', '4'],
    );
    assert.deepEqual(
      model.paragraphs[2].subParagraphs.map((sub) => sub.label.text),
      ['A', 'B', 'C', 'D'],
    );
    assert.match(after, /\n4\. \(U\) Please slug/);
    assert.match(after, /\nB\. \(C\) INFORMATION EXCHANGE/);
  });

  it('changes only the digits of 14 and the 1 of 1B, 1C, 1D', () => {
    assertTokenEdits(seedText, edits);
    assert.deepEqual(
      edits.map((edit) => edit.newText),
      ['B', 'C', 'D', '4'],
    );
  });

  it('keeps "please see paragraph 3" naming the guidance paragraph', () => {
    assert.match(after, /Embassy Paris please see paragraph 3\./);
    const context = contextFor(after);
    const line = model.lines.findIndex((text) => text.includes('please see paragraph 3'));
    const [location] = references.definition(context, { line, character: model.lines[line].indexOf('paragraph 3') + 10 });
    assert.match(model.lines[location.range.start.line], /BEGIN GUIDANCE/);
  });

  it('changes nothing on a second run', () => {
    assert.deepEqual(renumberParagraphEdits(model), []);
  });
});

describe('renumber: cross-references', () => {
  const body = [
    '1. (C) See paragraph 4, para 5, paras 4-5, paragraphs 2 and 4, para 4.C and para 9.',
    '2. (C) Two.',
    '4. (C) Four.',
    'A. (C) First.',
    'C. (C) Second.',
    '5. (C) Five.',
  ];

  it('rewrites every form to name the same paragraph, and leaves a dangling one alone', () => {
    const after = renumbered(cable({ body }));
    assert.match(after, /See paragraph 3, para 4, paras 3-4, paragraphs 2 and 3, para 3\.B and para 9\./);
    assert.match(after, /\n3\. \(C\) Four\.\n\nA\. \(C\) First\.\n\nB\. \(C\) Second\.\n\n4\. \(C\) Five\./);
    assertTokenEdits(cable({ body }), renumberParagraphEdits(parse(cable({ body }))));
  });

  it('replaces only the digit inside a [2](#). artifact', () => {
    const text = cable({ body: ['[2](#). (U) First, see para 3.', '[3](#). (U) Second.'] });
    const after = renumbered(text);
    assert.match(after, /\[1\]\(#\)\. \(U\) First, see para 2\./);
    assert.match(after, /\[2\]\(#\)\. \(U\) Second\./);
  });

  it('keeps a lower-case sub-paragraph reference lower case', () => {
    const text = cable({ body: ['1. (C) See para 2.c.', '2. (C) Two.', 'b. (C) First.', 'c. (C) Second.'] });
    const after = renumbered(text);
    assert.match(after, /See para 2\.b\./);
    assert.match(after, /\na\. \(C\) First\./);
  });

  it('reads a duplicated number as the first paragraph that carries it', () => {
    const text = cable({ body: ['1. (C) See para 2 and para 3.', '2. (C) Two.', '2. (C) Two again.', '3. (C) Three.'] });
    const after = renumbered(text);
    assert.match(after, /See para 2 and para 4\./);
    assert.match(after, /\n3\. \(C\) Two again\.\n\n4\. \(C\) Three\./);
  });

  it('leaves a range with a missing end alone', () => {
    const text = cable({ body: ['1. (C) See paras 3-7.', '3. (C) Three.'] });
    assert.match(renumbered(text), /See paras 3-7\./);
  });

  it('does not renumber paragraph 1 run onto the Classified By line of a web copy', () => {
    const text = cable({ body: ['2. (C) Two.', '3. (C) Three.'] }).replace('Reason: 1.4 (b), (d).', 'Reason: 1.4 (b), (d) 1. (C) Summary: one.');
    assert.deepEqual(renumberParagraphEdits(parse(text)), []);
  });
});

describe('reletter references', () => {
  it('letters the entries A, B, C and rewrites single citations, ranges and case', () => {
    const text = cable({ refs: ['A. STATE 1', 'C. STATE 3', 'D. STATE 4'], body: ['1. (C) Per REF C, REFS C-D, ref d and (REF A).', '2. (C) x'] });
    const after = relettered(text);
    assert.match(after, /REF: A\. STATE 1\nB\. STATE 3\nC\. STATE 4\n/);
    assert.match(after, /Per REF B, REFS B-C, ref c and \(REF A\)\./);
    assertTokenEdits(text, reletterReferenceEdits(parse(text)));
    assert.deepEqual(reletterReferenceEdits(parse(after)), []);
  });

  it('writes a range whose references are no longer contiguous as a list', () => {
    const text = cable({ refs: ['A. STATE 1', 'C. STATE 3', 'B. STATE 2'], body: ['1. (C) Per REFS A-B and REF C and refs a-b.', '2. (C) x'] });
    const after = relettered(text);
    assert.match(after, /REF: A\. STATE 1\nB\. STATE 3\nC\. STATE 2\n/);
    assert.match(after, /Per REFS A AND C and REF B and refs a and c\./);
    assert.deepEqual(reletterReferenceEdits(parse(after)), []);
  });

  it('gives a letter written twice the next letters, single citations naming the first', () => {
    const text = cable({ refs: ['A. STATE 1', 'B. STATE 2', 'B. STATE 3', 'C. STATE 4'], body: ['1. (C) REF B, REFS A-B, REF C.', '2. (C) x'] });
    const after = relettered(text);
    assert.match(after, /B\. STATE 2\nC\. STATE 3\nD\. STATE 4\n/);
    assert.match(after, /REF B, REFS A-C, REF D\./);
  });

  it('reletters letters inside [B](#). artifacts only', () => {
    const text = cable({ refs: ['A. STATE 1', '[C](#). STATE 3'], body: ['1. (C) REFS A AND C.', '2. (C) x'] });
    const after = relettered(text);
    assert.match(after, /\n\[B\]\(#\)\. STATE 3\n/);
    assert.match(after, /REFS A AND B\./);
  });

  it('changes nothing on the seed, or without lettered references', () => {
    assert.deepEqual(reletterReferenceEdits(parse(seedText)), []);
    assert.deepEqual(reletterReferenceEdits(parse(cable({ refs: ['STATE 95573'], body: ['1. (C) REFTEL.', '2. (C) x'] }))), []);
  });

  it('formats letter sets short and readable', () => {
    assert.equal(formatLetterList(['D', 'E', 'F']), 'D-F');
    assert.equal(formatLetterList(['C', 'A']), 'A AND C');
    assert.equal(formatLetterList(['K', 'B', 'D', 'E', 'F']), 'B, D-F AND K');
    assert.equal(formatLetterList(['a', 'b', 'd'], true), 'a, b and d');
  });
});
