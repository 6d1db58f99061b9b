// Grammar: the banner (classification line), one scope per level.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectToken, expectPlain, scopesAt } from './grammarHelper';

test('a spaced confidential banner with its message reference', async () => {
  const line = 'C O N F I D E N T I A L STATE 109154';
  await expectToken(line, 'C O N F I D E N T I A L', [
    'meta.banner.confidential.cable',
    'meta.classification.confidential.cable',
    'keyword.other.classification.confidential.cable',
  ]);
  await expectToken(line, 'STATE', ['meta.banner.confidential.cable', 'entity.name.section.message-reference.cable']);
  await expectToken(line, '109154', ['constant.other.message-number.cable']);
});

test('a plain UNCLAS banner with SECTION nn OF nn', async () => {
  const line = 'UNCLAS SECTION 01 OF 04 MOSCOW 002366';
  await expectToken(line, 'UNCLAS', ['meta.banner.unclassified.cable', 'string.other.classification.unclassified.cable']);
  await expectToken(line, 'SECTION', ['meta.section-count.cable', 'keyword.other.section.cable']);
  await expectToken(line, '01', ['constant.numeric.section.cable']);
  await expectToken(line, 'OF', ['keyword.other.section.cable']);
  await expectToken(line, 'MOSCOW', ['entity.name.section.message-reference.cable']);
});

test('secret and top secret banners, spaced, plain and in mixed case', async () => {
  await expectToken('S E C R E T SECTION 01 OF 02 STATE 007810', 'S E C R E T', ['meta.banner.secret.cable', 'invalid.deprecated.classification.secret.cable']);
  await expectToken('S e c r e t state 004134', 'S e c r e t', ['meta.banner.secret.cable']);
  await expectToken('SECRET//FGI//NOFORN', 'SECRET', ['meta.banner.secret.cable']);
  await expectToken('SECRET//FGI//NOFORN', 'NOFORN', ['storage.modifier.caption.cable']);
  await expectToken('T O P S E C R E T STATE 000001', 'T O P S E C R E T', ['meta.banner.topsecret.cable', 'invalid.illegal.classification.topsecret.cable']);
  await expectToken('UNCLAS EFTO STATE 001234', 'UNCLAS', ['meta.banner.unclassified.cable']);
  await expectToken('CONFIDENTIAL', 'CONFIDENTIAL', ['meta.banner.confidential.cable']);
});

test('each level has its own banner scope', async () => {
  const words = ['UNCLASSIFIED', 'CONFIDENTIAL', 'SECRET', 'TOP SECRET'];
  const innermost = await Promise.all(words.map(async (word) => (await scopesAt(`${word} STATE 1234`, word)).at(-1)));
  assert.equal(new Set(innermost).size, words.length, innermost.join(' | '));
});

test('a sentence starting with Secret is not a banner', async () => {
  await expectPlain('Secretary Gates met the minister.', 'Secretary Gates');
  await expectPlain('Secret talks continued through the night.', 'Secret talks');
});
