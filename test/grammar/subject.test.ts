// Grammar: SUBJECT keyword, its continuation lines and its portion mark.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectToken, scopesAt } from './grammarHelper';

const subject = 'SUBJECT: MISSILE TECHNOLOGY CONTROL REGIME (MTCR):\nGUIDANCE FOR THE POC MEETING (C)\n\n1. (U) Text.';

test('SUBJECT keyword', async () => {
  await expectToken(subject, 'SUBJECT', ['meta.subject.cable', 'keyword.other.subject.cable']);
  await expectToken('Subject: lower case', 'Subject', ['keyword.other.subject.cable']);
});

test('the subject runs to the blank line and its mark is a portion mark', async () => {
  await expectToken(subject, '(C)', ['meta.subject.cable', 'meta.marking.portion.confidential.cable']);
  const paragraph = await scopesAt(subject, '1.');
  assert.ok(!paragraph.includes('meta.subject.cable'), paragraph.join(' '));
});

test('a mark at the start of the subject', async () => {
  await expectToken('SUBJECT: (SBU) A TITLE', '(SBU)', ['meta.subject.cable', 'meta.marking.portion.sbu.cable']);
});

test('(MTCR) in a subject is not a portion mark', async () => {
  const scopes = await scopesAt(subject, '(MTCR)');
  assert.ok(!scopes.some((scope) => scope.startsWith('meta.marking')), scopes.join(' '));
});
