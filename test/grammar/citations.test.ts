// Grammar: REF citations in the text and paragraph cross-references.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectToken, tokenize } from './grammarHelper';

async function scopedTexts(line: string, scope: string): Promise<string[]> {
  return (await tokenize(line))[0].filter((token) => token.scopes.includes(scope)).map((token) => token.text);
}

test('REF C, (REF C), ref a', async () => {
  await expectToken('Tools (REF C), as well', 'REF', ['meta.citation.reference.cable', 'keyword.other.reference.cable']);
  await expectToken('Tools (REF C), as well', 'C', ['variable.other.reference.ref.cable']);
  await expectToken('as noted in ref a.', 'a', ['variable.other.reference.ref.cable']);
});

test('REFS D-J and refs A and B: every letter, not the words around them', async () => {
  assert.deepEqual(await scopedTexts('papers (REFS D-J). We', 'variable.other.reference.ref.cable'), ['D', 'J']);
  assert.deepEqual(await scopedTexts('per refs A and B, Andrew said', 'variable.other.reference.ref.cable'), ['A', 'B']);
  assert.deepEqual(await scopedTexts('REF A AND B ANDREW', 'variable.other.reference.ref.cable'), ['A', 'B']);
});

test('REFTEL and SEPTEL', async () => {
  await expectToken('As requested in REFTEL, we', 'REFTEL', ['keyword.other.reference.reftel.cable']);
  await expectToken('will report septel.', 'septel', ['keyword.other.reference.reftel.cable']);
});

test('a word starting with ref is not a citation', async () => {
  assert.deepEqual(await scopedTexts('They refer a case to the court.', 'keyword.other.reference.cable'), []);
});

test('paragraph cross-references: see paragraph 3, paras 4-6, paragraphs 2 and 3, para 3.B', async () => {
  const refScope = 'variable.other.reference.paragraph.cable';
  await expectToken('Embassy Paris please see paragraph 3.', 'see', ['keyword.other.cross-reference.cable']);
  assert.deepEqual(await scopedTexts('please see paragraph 3.', refScope), ['3']);
  assert.deepEqual(await scopedTexts('as in paras 4-6 above', refScope), ['4', '6']);
  assert.deepEqual(await scopedTexts('paragraphs 2 and 3 of', refScope), ['2', '3']);
  assert.deepEqual(await scopedTexts('see para 3.B below', refScope), ['3.B']);
});
