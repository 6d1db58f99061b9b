// Grammar: the signature, NNNN and the web copy's End Cable Text.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectToken, scopesAt } from './grammarHelper';

const ending = '14. (U) Please slug any reporting.\nRICE\n\nNNNN\n\nEnd Cable Text';

test('signature: one all-capitals word on its own line', async () => {
  await expectToken(ending, 'RICE', ['entity.name.function.signature.cable']);
});

test('NNNN ends the message', async () => {
  await expectToken(ending, 'NNNN', ['keyword.control.end-of-message.cable']);
});

test('End Cable Text is a web artifact', async () => {
  await expectToken(ending, 'End Cable Text', ['comment.line.web-artifact.cable']);
});

test('a capitalised name inside a sentence is not a signature', async () => {
  const scopes = await scopesAt('Secretary RICE said so.', 'RICE');
  assert.ok(!scopes.includes('entity.name.function.signature.cable'), scopes.join(' '));
});
