// Grammar: paragraph numbers, sub-paragraph letters, talking points and //// underlines.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectToken, expectPlain, scopesAt } from './grammarHelper';

test('paragraph numbers, plain and as web artifacts', async () => {
  await expectToken('1. (U) Text.', '1', ['entity.name.section.paragraph.cable']);
  await expectToken('14. (U) Text.', '14', ['entity.name.section.paragraph.cable']);
  await expectToken('14. (U) Text.', '.', ['punctuation.separator.label.cable']);
  await expectToken('[1](#). (U) Text.', '1', ['entity.name.section.paragraph.cable']);
  await expectToken('[1](#). (U) Text.', '[', ['comment.other.web-artifact.cable']);
});

test('sub-paragraph letters A. and 1B., and (a) / (1)', async () => {
  await expectToken('A. (C) PREPARATION', 'A', ['entity.name.section.subparagraph.cable']);
  await expectToken('1B. (C) INFORMATION EXCHANGE', '1B', ['entity.name.section.subparagraph.cable']);
  await expectToken('[A](#). (C) TITLE', 'A', ['entity.name.section.subparagraph.cable']);
  await expectToken('(a) first point', 'a', ['entity.name.section.subparagraph.cable']);
});

test('a number inside a sentence is not a paragraph number', async () => {
  await expectPlain('The 2008 meeting has 3. Items.', 'The 2008 meeting has 3.');
});

test('talking point dashes', async () => {
  await expectToken('--Note that the United States. (C)', '--', ['punctuation.definition.list.begin.cable', 'markup.list.unnumbered.talking-point.cable']);
  await expectToken('- a bullet', '-', ['punctuation.definition.list.begin.cable']);
  await expectPlain('proposals -- and summaries', 'proposals -- and');
});

test('the //// underline and dashed rules', async () => {
  await expectToken('////////////////////', '////////////////////', ['markup.heading.underline.cable']);
  await expectToken('-------', '-------', ['markup.heading.underline.cable']);
  const scopes = await scopesAt('a // b', '//');
  assert.deepEqual(scopes, ['text.cable']);
});
