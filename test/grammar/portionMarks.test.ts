// Grammar: portion marks, one distinct scope per classification level.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectToken, scopesAt } from './grammarHelper';

const levelScopes: Record<string, string[]> = {
  '(U)': ['meta.marking.portion.unclassified.cable', 'markup.inserted.marking.unclassified.cable', 'string.other.marking.unclassified.cable'],
  '(SBU)': ['meta.marking.portion.sbu.cable', 'constant.numeric.marking.sbu.cable'],
  '(C)': ['meta.marking.portion.confidential.cable', 'markup.changed.marking.confidential.cable', 'keyword.other.marking.confidential.cable'],
  '(S)': ['meta.marking.portion.secret.cable', 'markup.deleted.marking.secret.cable', 'invalid.deprecated.marking.secret.cable'],
  '(TS)': ['meta.marking.portion.topsecret.cable', 'invalid.illegal.marking.topsecret.cable'],
};

test('each mark carries its level scopes after a paragraph number', async () => {
  for (const [mark, scopes] of Object.entries(levelScopes)) await expectToken(`2. ${mark} Text.`, mark, scopes);
});

test('(U), (SBU), (C), (S) and (TS) have distinct innermost scopes and distinct theme roots', async () => {
  const innermost = await Promise.all(Object.keys(levelScopes).map(async (mark) => (await scopesAt(`1. ${mark} x`, mark)).at(-1) ?? ''));
  assert.equal(new Set(innermost).size, innermost.length, innermost.join(' | '));
  // Themes colour by the leading segments (string, constant.numeric, keyword, invalid.*): keep those distinct too.
  const roots = innermost.map((scope) => scope.split('.').slice(0, 2).join('.'));
  assert.equal(new Set(roots).size, roots.length, roots.join(' | '));
});

test('marks at the end of a talking point and mid-line', async () => {
  await expectToken('--Note that we look forward to Canberra. (C)', '(C)', ['meta.marking.portion.confidential.cable']);
  await expectToken('The U.S. (S) position.', '(S)', ['meta.marking.portion.secret.cable']);
});

test('dissemination controls stay inside the mark', async () => {
  const line = '3. (S//NF) Text; 4. (C/REL NATO) more; (U//FOUO)';
  const secret = await scopesAt(line, '(S//NF)');
  assert.ok(secret.includes('meta.marking.portion.secret.cable'), secret.join(' '));
  const controls = await scopesAt(line, '//NF');
  assert.ok(controls.includes('meta.marking.portion.secret.cable') && controls.includes('meta.dissemination-control.cable'), controls.join(' '));
  await expectToken(line, '(C', ['meta.marking.portion.confidential.cable']);
  await expectToken(line, '(U', ['meta.marking.portion.unclassified.cable']);
});

test('look-alikes are not marks: (SBUX), (a), (US), (U.S.)', async () => {
  for (const text of ['(SBUX)', '(a)', '(US)', '(U.S.)']) {
    const scopes = await scopesAt(`We said ${text} again`, text);
    assert.ok(!scopes.some((scope) => scope.startsWith('meta.marking')), `${text}: ${scopes.join(' ')}`);
  }
});
