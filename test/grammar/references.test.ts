// Grammar: the REF block and its lettered entries.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectToken, scopesAt } from './grammarHelper';

const refs = ['REF: A. SMITH-DURHAM E MAIL OF 10-08-08', '', '[B](#). STATE 095573', 'C. STATE 106288', '', 'Classified By: X.'].join('\n');

test('REF keyword', async () => {
  await expectToken(refs, 'REF', ['meta.references.cable', 'keyword.other.reference.cable']);
});

test('entry letters, plain and wrapped in web artifacts, across a blank line', async () => {
  await expectToken(refs, 'A', ['meta.references.cable', 'entity.name.label.reference.cable']);
  await expectToken(refs, 'B', ['meta.references.cable', 'entity.name.label.reference.cable']);
  await expectToken(refs, 'C', ['meta.references.cable', 'entity.name.label.reference.cable']);
});

test('several entries on one line; U.S. is not an entry', async () => {
  const line = 'REF: A. STATE 125608  B. KABUL 346 U.S. NOTE';
  await expectToken(line, 'B', ['entity.name.label.reference.cable']);
  const scopes = await scopesAt(line, 'S. NOTE');
  assert.ok(!scopes.includes('entity.name.label.reference.cable'), scopes.join(' '));
});

test('the block ends at Classified By', async () => {
  const scopes = await scopesAt(refs, 'Classified By');
  assert.ok(!scopes.includes('meta.references.cable'), scopes.join(' '));
});
