// Grammar: the precedence letters and the date-time group.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectToken, expectPlain } from './grammarHelper';

test('action and info precedence letters are keywords, the DTG a constant', async () => {
  const line = 'P R 102030Z OCT 08';
  await expectToken(line, 'P', ['meta.precedence.cable', 'keyword.other.precedence.action.cable']);
  await expectToken(line, 'R', ['keyword.other.precedence.info.cable']);
  await expectToken(line, '102030Z OCT 08', ['constant.other.date-time-group.cable']);
});

test('a single precedence letter works too', async () => {
  const scopes = await expectToken('O 061831Z MAY 07', 'O', ['keyword.other.precedence.action.cable']);
  assert.ok(!scopes.includes('keyword.other.precedence.info.cable'));
});

test('a sentence starting with a capital letter is not a precedence line', async () => {
  await expectPlain('O the things we do for 102030Z.', 'O the things');
});
