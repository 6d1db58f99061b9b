// Grammar: the TAGS line and its codes, with or without web artifacts.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectToken, scopesAt } from './grammarHelper';

test('TAGS keyword and space-separated codes', async () => {
  const line = 'TAGS: MTCRE PARM PREL FR';
  await expectToken(line, 'TAGS', ['meta.tags.cable', 'keyword.other.tags.cable']);
  for (const code of ['MTCRE', 'PARM', 'PREL', 'FR']) await expectToken(line, code, ['entity.name.type.tag.cable']);
});

test('comma-separated codes without a colon', async () => {
  await expectToken('TAGS PREL, PGOV, MARR, AF', 'PGOV', ['entity.name.type.tag.cable']);
});

test('codes wrapped in [x](#) web artifacts', async () => {
  const line = 'TAGS: [MTCRE](#) [PREL](#)';
  await expectToken(line, 'PREL', ['entity.name.type.tag.cable']);
  await expectToken(line, '[', ['comment.other.web-artifact.cable', 'punctuation.definition.web-artifact.begin.cable']);
  await expectToken(line, '](#)', ['comment.other.web-artifact.cable', 'punctuation.definition.web-artifact.end.cable']);
});

test('a continuation line of codes stays in TAGS; the SUBJECT line does not', async () => {
  const text = 'TAGS: PREL PGOV\nMARR UK\nSUBJECT: X';
  await expectToken(text, 'MARR', ['meta.tags.cable', 'entity.name.type.tag.cable']);
  const subject = await scopesAt(text, 'SUBJECT');
  assert.ok(!subject.includes('meta.tags.cable'), subject.join(' '));
});
