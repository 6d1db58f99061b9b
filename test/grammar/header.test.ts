// Grammar: the ACP-127 transmission header (VZCZC, routing lines, DE, ZNY/ZNR).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectToken, scopesAt } from './grammarHelper';

const header = [
  'VZCZCXYZ0012',
  'PP RUEHWEB',
  'RUEHLN RUEHLZ RUEHPOD',
  'DE RUEHC #3812 1701621',
  'ZNY CCCCC ZZH',
  'P R 102030Z OCT 08',
].join('\n');

test('the VZCZC line starts a transmission header', async () => {
  await expectToken(header, 'VZCZCXYZ0012', ['meta.header.transmission.cable', 'keyword.control.header.start.cable']);
});

test('routing lines: precedence pair and routing indicators', async () => {
  await expectToken(header, 'PP', ['meta.header.transmission.cable', 'keyword.other.precedence.cable']);
  await expectToken(header, 'RUEHWEB', ['constant.other.routing-indicator.cable']);
  await expectToken(header, 'RUEHPOD', ['meta.header.transmission.cable', 'constant.other.routing-indicator.cable']);
});

test('the DE line: station, serial and Julian date-time', async () => {
  await expectToken(header, 'DE', ['keyword.control.header.cable']);
  await expectToken(header, 'RUEHC', ['constant.other.routing-indicator.cable']);
  await expectToken(header, '#3812', ['constant.other.station-serial.cable']);
  await expectToken(header, '1701621', ['constant.other.julian-date-time.cable']);
});

test('ZNY letters carry the scope of their classification level', async () => {
  await expectToken(header, 'ZNY', ['keyword.control.header.security.cable']);
  await expectToken(header, 'CCCCC', ['meta.classification.confidential.cable', 'keyword.other.classification.confidential.cable']);
  await expectToken('ZNR UUUUU ZZH', 'UUUUU', ['meta.classification.unclassified.cable', 'string.other.classification.unclassified.cable']);
  await expectToken('ZNY SSSSS ZZH', 'SSSSS', ['meta.classification.secret.cable', 'invalid.deprecated.classification.secret.cable']);
});

test('the header ends at the precedence line', async () => {
  const scopes = await scopesAt(header, '102030Z');
  assert.ok(!scopes.includes('meta.header.transmission.cable'), scopes.join(' '));
  assert.ok(scopes.includes('constant.other.date-time-group.cable'), scopes.join(' '));
});

test('a section repeats its header after the paragraphs: FM, TO and TAGS are header lines again', async () => {
  const text = [
    'C O N F I D E N T I A L SECTION 01 OF 02 CAPE TOWN 00097',
    'TAGS: PGOV PHUM SF',
    'SUBJECT: TALKS',
    '',
    '1. (C) The first section ends here.',
    '',
    'R 171512Z JAN 90',
    'FM AMCONSUL CAPE TOWN',
    'TO SECSTATE WASHDC 5366',
    '',
    'C O N F I D E N T I A L SECTION 02 OF 02 CAPE TOWN 00097',
    'TAGS: PGOV PHUM SF',
    'SUBJECT: TALKS',
    '',
    '2. (C) The second section.',
  ].join('\n');
  await expectToken(text, 'FM', ['meta.addressee.cable', 'keyword.other.address.cable'], 6);
  await expectToken(text, 'TAGS', ['keyword.other.tags.cable'], 10);
  await expectToken(text, 'SUBJECT', ['keyword.other.subject.cable'], 12);
  await expectToken(text, '2', ['entity.name.section.paragraph.cable'], 14);
});

test('a text that starts with its paragraph 1 is highlighted from the first line', async () => {
  const text = '1. (S) First.\nTAGS: PREL\n2. (C) Second.';
  await expectToken(text, '(S)', ['meta.marking.portion.secret.cable']);
  await expectToken(text, 'TAGS', ['keyword.other.tags.cable'], 1);
  await expectToken(text, '(C)', ['meta.marking.portion.confidential.cable'], 2);
});
