// Grammar: FM / TO / INFO lines, routing prefixes and precedence words.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { expectToken, expectPlain, scopesAt } from './grammarHelper';

const block = [
  'FM SECSTATE WASHDC',
  'TO RUEHFR/AMEMBASSY PARIS NIACT IMMEDIATE 6958',
  'INFO RUEHZL/EUROPEAN POLITICAL COLLECTIVE PRIORITY',
  'RHEHNSC/NSC WASHINGTON DC ROUTINE',
  '',
  'C O N F I D E N T I A L STATE 109154',
].join('\n');

test('FM, TO and INFO are address keywords', async () => {
  for (const keyword of ['FM', 'TO', 'INFO']) {
    await expectToken(block, keyword, ['meta.addressee.cable', 'keyword.other.address.cable']);
  }
});

test('routing prefixes, addressee words, precedence words and serials', async () => {
  await expectToken(block, 'RUEHFR', ['constant.other.routing-indicator.cable']);
  await expectToken(block, '/', ['punctuation.separator.routing.cable']);
  await expectToken(block, 'AMEMBASSY', ['support.type.addressee.cable']);
  await expectToken(block, 'NIACT IMMEDIATE', ['keyword.other.precedence.cable']);
  await expectToken(block, 'PRIORITY', ['keyword.other.precedence.cable']);
  await expectToken(block, '6958', ['constant.numeric.serial.cable']);
});

test('a continuation line with a routing prefix stays in the addressee block', async () => {
  await expectToken(block, 'RHEHNSC', ['meta.addressee.cable', 'constant.other.routing-indicator.cable']);
  await expectToken(block, 'ROUTINE', ['meta.addressee.cable', 'keyword.other.precedence.cable']);
});

test('the block ends before the banner', async () => {
  const scopes = await scopesAt(block, 'C O N F');
  assert.ok(!scopes.includes('meta.addressee.cable'), scopes.join(' '));
});

test('a prose line beginning with TO is not an addressee', async () => {
  await expectPlain('TO DISCUSS THE MATTER FURTHER WE MET', 'TO DISCUSS');
});
