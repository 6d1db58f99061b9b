// Grammar: BEGIN/END blocks, NOTE/COMMENT/BACKGROUND/SUMMARY keywords and set phrases.
import { test } from 'node:test';
import { expectToken, expectPlain } from './grammarHelper';

test('BEGIN and END keywords, in any case', async () => {
  await expectToken('3. (C) BEGIN GUIDANCE:', 'BEGIN GUIDANCE', ['keyword.control.block.begin.cable']);
  await expectToken('end guidance.', 'end guidance', ['keyword.control.block.end.cable']);
  await expectToken('BEGIN TALKING POINTS', 'BEGIN TALKING POINTS', ['keyword.control.block.begin.cable']);
  await expectToken('END TEXT', 'END TEXT', ['keyword.control.block.end.cable']);
});

test('NOTE: ... END NOTE. and the other openers', async () => {
  const line = 'NOTE: Proposals were due on September 8. END NOTE. (C)';
  await expectToken(line, 'NOTE:', ['keyword.control.block.begin.cable']);
  await expectToken(line, 'END NOTE', ['keyword.control.block.end.cable']);
  await expectToken('(BACKGROUND: We want. END BACKGROUND.) (C)', 'BACKGROUND:', ['keyword.control.block.begin.cable']);
  await expectToken('(BACKGROUND: We want. END BACKGROUND.) (C)', 'END BACKGROUND', ['keyword.control.block.end.cable']);
  await expectToken('Comment: a view. End Comment.', 'Comment:', ['keyword.control.block.begin.cable']);
  await expectToken('SUMMARY: facts. END SUMMARY.', 'END SUMMARY', ['keyword.control.block.end.cable']);
  await expectToken('SUMMARY\n', 'SUMMARY', ['keyword.control.block.begin.cable']);
});

test('set phrases introducing talking points', async () => {
  await expectToken('EMBASSY REP SHOULD:', 'EMBASSY REP SHOULD:', ['keyword.other.set-phrase.cable']);
  await expectToken('AS NECESSARY AND APPROPRIATE, EMBASSY REP SHOULD:', 'AS NECESSARY AND APPROPRIATE, EMBASSY REP SHOULD:', ['keyword.other.set-phrase.cable']);
  await expectToken('1. (U) This is an action request. Go.', 'This is an action request', ['keyword.other.set-phrase.cable']);
});

test('the words in prose stay plain', async () => {
  await expectPlain('Embassy Rep should note the end of the meeting.', 'Embassy Rep should note the end of the meeting.');
});
