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
