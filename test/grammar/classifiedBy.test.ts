// Grammar: Classified By / Reason lines and the 1.4 reason letters.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectToken, scopesAt, tokenize } from './grammarHelper';

test('Classified By and Reason on two lines', async () => {
  const text = 'Classified By: ISN/MTR Director Pam Durham.\nReason: 1.4 (B), (D).';
  await expectToken(text, 'Classified By', ['meta.classified-by.cable', 'keyword.other.classified-by.cable']);
  await expectToken(text, 'Reason', ['keyword.other.reason.cable']);
  await expectToken(text, '1.4', ['constant.other.reason-section.cable']);
  await expectToken(text, 'B', ['constant.character.reason.cable']);
  await expectToken(text, 'D', ['constant.character.reason.cable']);
});

test('reason letters are not portion marks, even (C)', async () => {
  const line = 'CLASSIFIED BY: ELISSA PITTERLE, DIRECTOR. REASON: 1.4(C).';
  const scopes = await expectToken(line, 'C', ['constant.character.reason.cable']);
  assert.ok(!scopes.some((scope) => scope.includes('confidential')), scopes.join(' '));
});

test('one-line forms with "for reasons" and "and"', async () => {
  const line = 'Classified By: Ambassador John Doe for reasons 1.4 (b) and (d)';
  await expectToken(line, 'reasons', ['keyword.other.reason.cable']);
  const letters = (await tokenize(line))[0].filter((token) => token.scopes.includes('constant.character.reason.cable'));
  assert.deepEqual(letters.map((token) => token.text), ['b', 'd']);
});

test('a paragraph after the reason on the same line keeps its portion mark', async () => {
  const line = 'CLASSIFIED BY: Gene Cretz, Ambassador. REASON: 1.4 (b), (d) 1. (C/NF) Summary.';
  await expectToken(line, '(C', ['meta.marking.portion.confidential.cable']);
  const scopes = await scopesAt(line, 'Summary');
  assert.ok(!scopes.includes('meta.reason.cable'), scopes.join(' '));
});

test('case varies: lower-case "Classified by"', async () => {
  await expectToken('Classified by EUR A/S Daniel Fried; reason: 1.4 (b)', 'Classified by', ['keyword.other.classified-by.cable']);
});
