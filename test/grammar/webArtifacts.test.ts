// Grammar: markdown link artifacts [x](#) from web copies of cables.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectToken, scopesAt } from './grammarHelper';

test('brackets and (#) of an inline artifact are marked as removable punctuation', async () => {
  const line = 'as in [REF C](#) above';
  await expectToken(line, '[', ['comment.other.web-artifact.cable', 'punctuation.definition.web-artifact.begin.cable']);
  await expectToken(line, '](#)', ['comment.other.web-artifact.cable', 'punctuation.definition.web-artifact.end.cable']);
});

test('the text inside an artifact is not itself an artifact', async () => {
  const scopes = await scopesAt('[1](#). (U) Text', '1');
  assert.ok(!scopes.includes('comment.other.web-artifact.cable'), scopes.join(' '));
});

test('brackets without (#) are ordinary text', async () => {
  const scopes = await scopesAt('a [bracketed] aside', '[');
  assert.deepEqual(scopes, ['text.cable']);
});
