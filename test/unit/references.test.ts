// Unit tests of REF citations and paragraph cross-references as live objects: hover, definition,
// references, highlights, prepareRename and rename.
import { applyTextEdits } from '../../server/src/service/textEdits';
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Hover, Position, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import * as references from '../../server/src/service/references';
import { readFixture } from '../helpers';
import { cable, contextAt, contextFor, testUri, textOf } from './refHelpers';

const seedText = readFixture('seed.cable');
const seedLines = seedText.split('\n');
const seed = contextFor(seedText);

/** The position of the `offset`-th character of the `occurrence`-th match of `needle` in the seed. */
function seedPosition(needle: string, offset = 0, occurrence = 0): Position {
  let seen = 0;
  for (let line = 0; line < seedLines.length; line++) {
    let from = 0;
    for (let index = seedLines[line].indexOf(needle, from); index >= 0; index = seedLines[line].indexOf(needle, from)) {
      if (seen++ === occurrence) return { line, character: index + offset };
      from = index + 1;
    }
  }
  throw new Error(`${needle} not in the seed`);
}

function hoverText(hover: Hover | null): string {
  assert.ok(hover, 'expected a hover');
  const contents = hover.contents as { value: string };
  return contents.value;
}

function editsOf(result: WorkspaceEdit | { error: string }): TextEdit[] {
  assert.ok(!('error' in result), 'error' in result ? result.error : '');
  return (result as WorkspaceEdit).changes![testUri];
}

describe('references: hover', () => {
  it('shows the reference a citation names: REF C in the seed is STATE 106288', () => {
    const text = hoverText(references.referenceHover(seed, seedPosition('(REF C)', 5)));
    assert.match(text, /STATE 106288/);
    assert.doesNotMatch(text, /STATE 106631/);
  });

  it('shows all seven references of REFS D-J on the keyword', () => {
    const text = hoverText(references.referenceHover(seed, seedPosition('REFS D-J', 1)));
    for (const serial of ['106631', '107020', '104882', '105029', '105103', '105132', '105464']) assert.match(text, new RegExp(`STATE ${serial}`));
    assert.doesNotMatch(text, /106288|88861/);
  });

  it('shows one reference when the cursor is on a letter of a range', () => {
    const text = hoverText(references.referenceHover(seed, seedPosition('REFS D-J', 7)));
    assert.match(text, /REF J: STATE 105464/);
    assert.doesNotMatch(text, /106631/);
  });

  it('says where an entry is cited, and when it is not', () => {
    const onC = hoverText(references.referenceHover(seed, seedPosition('[C](#). STATE', 1)));
    assert.match(onC, /REF C is cited once: paragraph 3\.A \(line 48\)/);
    const onD = hoverText(references.referenceHover(seed, seedPosition('[D](#). STATE', 1)));
    assert.match(onD, /REF D is cited 2 times: paragraph 3\.A \(line 48\), paragraph 3\.B \(line 65\)\./);
    const onA = hoverText(references.referenceHover(seed, seedPosition('A. SMITH-DURHAM', 0)));
    assert.match(onA, /REF A is not cited/);
  });

  it('reads lower-case, parenthesised and listed citations', () => {
    const body = ['1. (C) As ref a said (REF C), and REFS A AND B agree.'];
    const text = cable({ refs: ['A. STATE 1', 'B. STATE 2', 'C. PARIS 3'], body });
    const lower = contextAt(text.replace('ref a', 'ref |a'));
    assert.match(hoverText(references.referenceHover(lower.context, lower.position)), /REF A: STATE 1/);
    const paren = contextAt(text.replace('(REF C)', '(REF |C)'));
    assert.match(hoverText(references.referenceHover(paren.context, paren.position)), /REF C: PARIS 3/);
    const list = contextAt(text.replace('REFS A AND B', 'R|EFS A AND B'));
    const listText = hoverText(references.referenceHover(list.context, list.position));
    assert.match(listText, /REF A: STATE 1/);
    assert.match(listText, /REF B: STATE 2/);
    assert.doesNotMatch(listText, /PARIS 3/);
  });

  it('resolves REFTEL to the only reference, and calls it ambiguous with several', () => {
    const single = contextAt(cable({ refs: ['STATE 95573'], body: ['1. (C) As REF|TEL noted.', '2. (C) More.'] }));
    assert.match(hoverText(references.referenceHover(single.context, single.position)), /REF: STATE 95573/);
    const several = contextAt(cable({ refs: ['A. STATE 1', 'B. STATE 2'], body: ['1. (C) As REF|TEL noted, REFS A-B.', '2. (C) More.'] }));
    assert.match(hoverText(references.referenceHover(several.context, several.position)), /ambiguous: this cable has 2 references/);
  });

  it('says when a cited letter is not defined', () => {
    const { context, position } = contextAt(cable({ refs: ['A. STATE 1'], body: ['1. (C) See REF |Q and REF A.', '2. (C) x'] }));
    assert.match(hoverText(references.referenceHover(context, position)), /REF Q: not defined/);
  });

  it('shows the start of the paragraph a cross-reference names', () => {
    const text = hoverText(references.referenceHover(seed, seedPosition('please see paragraph 3', 21)));
    assert.match(text, /paragraph 3\*\*: 3\. \(C\) BEGIN GUIDANCE:/);
    const { context, position } = contextAt(cable({ body: ['1. (C) See para |9.', '2. (C) Two.'] }));
    assert.match(hoverText(references.referenceHover(context, position)), /paragraph 9\*\*: no such paragraph/);
  });

  it('has no hover on plain text', () => {
    assert.equal(references.referenceHover(seed, seedPosition('Embassy Paris please', 2)), null);
  });
});

describe('references: definition, references, highlights', () => {
  it('goes from a citation letter to its entry', () => {
    const locations = references.definition(seed, seedPosition('(REF C)', 5));
    assert.equal(locations.length, 1);
    assert.equal(locations[0].range.start.line, 21);
    assert.equal(seed.model.lines[21].slice(locations[0].range.start.character, locations[0].range.end.character), '[C](#). STATE 106288');
  });

  it('goes from REFS D-J to seven entries', () => {
    const locations = references.definition(seed, seedPosition('REFS D-J', 2));
    assert.deepEqual(
      locations.map((location) => location.range.start.line),
      [22, 23, 24, 25, 26, 27, 28],
    );
  });

  it('goes from a cross-reference to the paragraph, and from para 3.B to the sub-paragraph', () => {
    const [location] = references.definition(seed, seedPosition('please see paragraph 3', 21));
    assert.equal(location.range.start.line, 38);
    const { context, position } = contextAt(cable({ body: ['1. (C) See para 2.|B.', '2. (C) Intro.', 'A. (C) First.', 'B. (C) Second.'] }));
    const [sub] = references.definition(context, position);
    assert.ok(context.model.lines[sub.range.start.line].startsWith('B. (C) Second'));
  });

  it('finds the citations of an entry; a range D-J cites D', () => {
    const onD = seedPosition('[D](#). STATE', 1);
    const withoutDeclaration = references.findReferences(seed, onD, false);
    assert.deepEqual(
      withoutDeclaration.map((location) => textOf(seed.model, location.range)),
      ['D-J', 'D-J'],
    );
    const withDeclaration = references.findReferences(seed, onD, true);
    assert.equal(withDeclaration.length, 3);
    assert.equal(withDeclaration[0].range.start.line, 22);
  });

  it('finds the same set from a citation as from its entry', () => {
    const fromCitation = references.findReferences(seed, seedPosition('(REF C)', 5), true);
    const fromEntry = references.findReferences(seed, seedPosition('[C](#). STATE', 1), true);
    assert.deepEqual(fromCitation, fromEntry);
    assert.equal(fromEntry.length, 2);
  });

  it('highlights the entry (write) and its citations (read)', () => {
    const highlights = references.documentHighlights(seed, seedPosition('REF K', 4));
    assert.deepEqual(
      highlights.map((highlight) => [highlight.range.start.line, highlight.kind]),
      [
        [29, 3],
        [77, 2],
      ],
    );
  });
});

describe('references: rename', () => {
  const refs = ['A. STATE 1', 'B. STATE 2', 'D. STATE 4', 'E. STATE 5', 'F. STATE 6'];
  const body = ['1. (C) Per REF B and ref b, see REFS D-F and REFS A AND B.', '2. (C) Also REFTEL.'];

  it('prepares a rename on an entry letter and on a citation letter', () => {
    const onEntry = contextAt(cable({ refs: ['A. STATE 1', '|B. STATE 2'], body: ['1. (C) REF B.', '2. (C) x'] }));
    const prepared = references.prepareRename(onEntry.context, onEntry.position);
    assert.ok(!('error' in prepared));
    assert.equal(prepared.placeholder, 'B');
    assert.equal(textOf(onEntry.context.model, prepared.range), 'B');
    const onCitation = contextAt(cable({ refs: ['A. STATE 1', 'B. STATE 2'], body: ['1. (C) ref |b.', '2. (C) x'] }));
    const citation = references.prepareRename(onCitation.context, onCitation.position);
    assert.ok(!('error' in citation));
    assert.equal(citation.placeholder, 'b');
  });

  it('refuses elsewhere with a message', () => {
    const onText = contextAt(cable({ refs: ['A. STATE 1'], body: ['1. (C) Some |text REF A.', '2. (C) x'] }));
    const refused = references.prepareRename(onText.context, onText.position);
    assert.ok('error' in refused && /Only a REF letter/.test(refused.error));
    const onUndefined = contextAt(cable({ refs: ['A. STATE 1'], body: ['1. (C) REF |Q and REF A.', '2. (C) x'] }));
    const undefinedLetter = references.prepareRename(onUndefined.context, onUndefined.position);
    assert.ok('error' in undefinedLetter && /not defined/.test(undefinedLetter.error));
    const renameRefused = references.rename(onText.context, onText.position, 'C');
    assert.ok('error' in renameRefused);
  });

  it('re-letters the entry and every citation, in the case each was written', () => {
    const { context, position } = contextAt(cable({ refs: ['A. STATE 1', '|B. STATE 2', 'D. STATE 4', 'E. STATE 5', 'F. STATE 6'], body }));
    const result = applyTextEdits(context.model.lines.join('\n'), editsOf(references.rename(context, position, 'c')));
    assert.match(result, /\nC\. STATE 2\n/);
    assert.match(result, /Per REF C and ref c, see REFS D-F and REFS A AND C\./);
    assert.match(result, /REFTEL\./);
  });

  it('rewrites a range that names the renamed letter as a list naming the same references', () => {
    const text = cable({ refs, body });
    const onD = contextAt(text.replace('D. STATE 4', '|D. STATE 4'));
    const movedStart = applyTextEdits(text, editsOf(references.rename(onD.context, onD.position, 'L')));
    assert.match(movedStart, /see REFS E, F AND L and/);
    assert.match(movedStart, /\nL\. STATE 4\n/);
    const onE = contextAt(text.replace('E. STATE 5', '|E. STATE 5'));
    const movedMiddle = applyTextEdits(text, editsOf(references.rename(onE.context, onE.position, 'Z')));
    assert.match(movedMiddle, /see REFS D, F AND Z and/);
    const onF = contextAt(text.replace('REFS D-F', 'REFS D-|F'));
    const movedEnd = applyTextEdits(text, editsOf(references.rename(onF.context, onF.position, 'C')));
    assert.match(movedEnd, /see REFS C-E and/);
  });

  it('refuses a letter in use, and a name that is not one letter', () => {
    const { context, position } = contextAt(cable({ refs, body }).replace('B. STATE 2', '|B. STATE 2'));
    const inUse = references.rename(context, position, 'D');
    assert.ok('error' in inUse && /already in use/.test(inUse.error));
    const tooLong = references.rename(context, position, 'BB');
    assert.ok('error' in tooLong && /single letter/.test(tooLong.error));
  });
});

describe('the model\'s structure', () => {
  it('indexes the first paragraph of each number, and nothing for numbers it lacks', () => {
    const model = contextFor(cable({ body: ['1. (U) One.', '', '2. (U) Two.', '', '2. (U) Two again.', '', '7. (U) Seven.'] })).model;
    const index = model.structure.paragraphIndex;
    assert.deepEqual([1, 2, 7].map((number) => index.get(number)), [0, 1, 3]);
    for (const missing of [0, 3, 8, 9999, 10000, -1]) assert.equal(index.has(missing), false, `paragraph ${missing}`);
  });

  it('names each REF letter\'s first entry and lists where each entry is cited, ranges and REFTEL included', () => {
    const model = contextFor(cable({ refs: ['A. STATE 1', 'B. STATE 2', 'C. STATE 3', 'D. STATE 4'], body: ['1. (U) Per REF A and REFS B-D.', '', '2. (U) Again REF A.'] })).model;
    const [a, b, c, d] = model.refs!.entries;
    assert.equal(model.structure.refEntries.get('C'), c);
    assert.deepEqual([a, b, c, d].map((entry) => model.structure.entryCitations.get(entry)?.length ?? 0), [2, 1, 1, 1]);
    const single = contextFor(cable({ refs: ['STATE 1'], body: ['1. (U) As REFTEL said.', '', '2. (U) More.'] })).model;
    assert.equal(single.structure.entryCitations.get(single.refs!.entries[0])?.[0].citation.reftel, true);
  });
});
