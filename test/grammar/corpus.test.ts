// Grammar: the seed and every corpus cable tokenise completely, and hostile lines finish.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { tokenize, rootScope } from './grammarHelper';
import { seedText, corpusTexts } from './fixtures';

function assertCovers(text: string, lines: Array<Array<{ text: string; scopes: string[] }>>, name: string): void {
  const sourceLines = text.split(/\r?\n/);
  assert.equal(lines.length, sourceLines.length, `${name}: line count`);
  lines.forEach((tokens, index) => {
    assert.equal(tokens.map((token) => token.text).join(''), sourceLines[index], `${name}:${index + 1} tokens cover the line`);
    for (const token of tokens) assert.equal(token.scopes[0], rootScope, `${name}:${index + 1} root scope`);
  });
}

test('the seed tokenises completely, with the structure the format reference describes', async () => {
  const text = seedText();
  const lines = await tokenize(text);
  assertCovers(text, lines, 'seed');
  const scopes = new Set(lines.flat().flatMap((token) => token.scopes));
  for (const expected of [
    'meta.precedence.cable', 'meta.addressee.cable', 'meta.banner.confidential.cable', 'meta.executive-order.cable',
    'meta.tags.cable', 'meta.subject.cable', 'meta.references.cable', 'meta.classified-by.cable',
    'meta.marking.portion.unclassified.cable', 'meta.marking.portion.confidential.cable',
    'keyword.control.end-of-message.cable', 'entity.name.function.signature.cable',
  ]) {
    assert.ok(scopes.has(expected), `seed lacks ${expected}`);
  }
});

test('every corpus cable tokenises completely', async () => {
  const corpus = corpusTexts();
  assert.ok(corpus.length > 0, 'corpus is empty');
  for (const [name, text] of corpus) assertCovers(text, await tokenize(text), name);
});

test('every corpus banner line gets a level scope', async () => {
  for (const [name, text] of corpusTexts()) {
    const lines = await tokenize(text);
    const bannerLine = lines.find((tokens) => tokens.some((token) => token.scopes.some((scope) => scope.startsWith('meta.banner.'))));
    assert.ok(bannerLine, `${name}: no banner found`);
  }
});

test('long hostile lines finish (no catastrophic backtracking)', async () => {
  const length = 100_000;
  const hostile = [
    '('.repeat(length),
    '['.repeat(length),
    '(C/'.repeat(length / 3),
    'REFS A-'.repeat(length / 7),
    'para 1 and '.repeat(length / 11),
    'TAGS: ' + 'PREL '.repeat(length / 5) + 'x',
    'UNCLAS ' + 'A '.repeat(length / 2) + '1x',
    'Classified By: x 1.4 ' + '(b '.repeat(length / 3),
    'C O N F I D E N T I A L ' + ' '.repeat(length) + 'x',
    '-'.repeat(length) + 'x',
    // Words that start like a construct, each checked in full by the ordinary-text runs.
    'as necessary and appropriate, '.repeat(length / 30),
    'embassy' + ' '.repeat(length / 2) + 'rep' + ' '.repeat(length / 2) + 'x',
    ('see' + ' '.repeat(40)).repeat(length / 43),
  ];
  for (const line of hostile) {
    const lines = await tokenize(line);
    assert.equal(lines[0].map((token) => token.text).join(''), line);
  }
});
