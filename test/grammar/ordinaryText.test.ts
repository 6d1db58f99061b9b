// Grammar: the grammar skips ordinary text in runs of words (see docs/grammar.md); every in-line construct must
// still be found wherever a run could swallow it, and words that only look like one stay plain.
import { test } from 'node:test';
import { expectPlain, expectToken } from './grammarHelper';

// [text of the construct, the token to look for, a scope it must carry, case-insensitive rule?]
const constructs: Array<[string, string, string, boolean]> = [
  ['AS NECESSARY AND APPROPRIATE, POSTS SHOULD:', 'AS NECESSARY AND APPROPRIATE, POSTS SHOULD:', 'keyword.other.set-phrase.cable', true],
  ['EMBASSY REP SHOULD:', 'EMBASSY REP SHOULD:', 'keyword.other.set-phrase.cable', true],
  ['POST SHOULD:', 'POST SHOULD:', 'keyword.other.set-phrase.cable', true],
  ['MISSION REPS SHOULD:', 'MISSION REPS SHOULD:', 'keyword.other.set-phrase.cable', true],
  ['USMISSION SHOULD:', 'USMISSION SHOULD:', 'keyword.other.set-phrase.cable', true],
  ['AMBASSADOR SHOULD:', 'AMBASSADOR SHOULD:', 'keyword.other.set-phrase.cable', true],
  ['USDEL SHOULD:', 'USDEL SHOULD:', 'keyword.other.set-phrase.cable', true],
  ['DELEGATION SHOULD:', 'DELEGATION SHOULD:', 'keyword.other.set-phrase.cable', true],
  ['This is an action request', 'This is an action request', 'keyword.other.set-phrase.cable', true],
  ['BEGIN TALKING POINTS', 'BEGIN TALKING POINTS', 'keyword.control.block.begin.cable', true],
  ['END TEXT', 'END TEXT', 'keyword.control.block.end.cable', true],
  ['NOTE:', 'NOTE:', 'keyword.control.block.begin.cable', false],
  ['Comment:', 'Comment:', 'keyword.control.block.begin.cable', false],
  ['SUMMARY AND COMMENT:', 'SUMMARY AND COMMENT:', 'keyword.control.block.begin.cable', false],
  ['Background:', 'Background:', 'keyword.control.block.begin.cable', false],
  ['REFTEL', 'REFTEL', 'keyword.other.reference.reftel.cable', true],
  ['SEPTELS', 'SEPTELS', 'keyword.other.reference.reftel.cable', true],
  ['REF B', 'REF', 'keyword.other.reference.cable', true],
  ['REFS C-D', 'REFS', 'keyword.other.reference.cable', true],
  ['see para 3', 'see', 'keyword.other.cross-reference.cable', true],
  ['paragraph 3', 'paragraph', 'keyword.other.cross-reference.cable', true],
  ['PARAS 4-6', 'PARAS', 'keyword.other.cross-reference.cable', true],
];
const contexts = [
  (construct: string) => `${construct} follows`,
  (construct: string) => `The officials told us that ${construct} below`,
  (construct: string) => `1. (C) Officials said, in short: ${construct} below`,
  (construct: string) => `-- Officials noted ${construct}`,
  (construct: string) => `B. Officials said -- ${construct}`,
  (construct: string) => `Officials' views ("cafés") ${construct}`,
];

test('every in-line construct is found after ordinary text, wherever it stands', async () => {
  for (const [construct, token, scope, anyCase] of constructs) {
    const spellings = anyCase ? [construct, construct.toLowerCase(), construct.toUpperCase()] : [construct];
    for (const spelling of spellings) {
      const needle = spelling === construct ? token : spelling === construct.toLowerCase() ? token.toLowerCase() : token.toUpperCase();
      for (const context of contexts) await expectToken(context(spelling), needle, [scope]);
    }
  }
});

test('words that only start like a construct stay plain', async () => {
  const text = 'Ambient posting at the embassy: missives, usmanian notebooks, paradigms, summits, a backing of seeds, referrals in September, the beginning and ending of delegates and commentary, this.';
  await expectPlain(text, text);
  await expectPlain(`2. (U) ${text}`, text);
});

test('a parenthesis that starts no portion mark is ordinary text, and a mark after it is still found', async () => {
  const line = 'the Point of Contact (POC) meeting in (Cairo) and (C-130 cargo) (C)';
  await expectPlain(line, '(POC) meeting in (Cairo) and (C-130 cargo) ');
  await expectToken(line, '(C)', ['meta.marking.portion.confidential.cable']);
  await expectToken('papers (REF C), and (S//NF) (TS/SI)', '//NF', ['meta.marking.portion.secret.cable']);
  await expectToken('papers (REF C), and (S//NF) (TS/SI)', '/SI', ['meta.marking.portion.topsecret.cable']);
  await expectToken('papers (REF C), and (S//NF) (TS/SI)', 'REF', ['keyword.other.reference.cable']);
});
