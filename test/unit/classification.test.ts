// The classification summary (status bar, Show Portion Marks) and Update Banner from Portions.
import { applyTextEdits } from '../../server/src/service/textEdits';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import { createCableService } from '../../server/src/service';
import { defaultConfig, type CableConfig } from '../../server/src/service/config';
import { seedPath, wireRange } from '../helpers';

let version = 0;
function serviceWith(config: CableConfig = defaultConfig) {
  const service = createCableService({ config });
  return {
    summary: (text: string) => service.classificationSummary({ uri: 'file:///c.cable', version: ++version, getText: () => text }),
    edits: (text: string) => service.updateBannerEdits({ uri: 'file:///c.cable', version: ++version, getText: () => text }),
  };
}

const cable = (banner: string, captions: string[], marks: string[]) =>
  [
    'P R 051407Z MAR 24',
    'FM SECSTATE WASHDC',
    'TO AMEMBASSY PARIS PRIORITY',
    '',
    `${banner} STATE 000123`,
    ...captions,
    '',
    'E.O. 13526: DECL: 03/05/2034',
    '',
    'TAGS: PREL FR',
    '',
    `SUBJECT: TEST ${marks[0]}`,
    '',
    ...marks.slice(1).flatMap((mark, index) => [`${index + 1}. ${mark} Paragraph text.`, '']),
    'RICE',
  ].join('\n');

describe('classification summary', () => {
  const { summary } = serviceWith();

  it('the seed: CONFIDENTIAL required, the banner agrees, every portion listed with its level and place', () => {
    const seed = fs.readFileSync(seedPath, 'utf8');
    const result = summary(seed);
    assert.equal(result.required, 'CONFIDENTIAL');
    assert.equal(result.banner, 'CONFIDENTIAL');
    assert.equal(result.bannerMatches, true);
    assert.equal(result.aboveSystemHigh, false);
    const levels = new Set(result.portions.map((portion) => portion.level));
    assert.deepEqual([...levels].sort(), ['C', 'U']);
    const first = result.portions.find((portion) => portion.kind === 'paragraph')!;
    assert.equal(first.mark, '(U)');
    assert.equal(seed.split('\n')[first.line].slice(first.character).trim().slice(0, 80), first.preview);
    assert.match(first.preview, /This is an action request/);
  });

  it('NOFORN in a portion is required in the banner: SECRET//NOFORN, and a banner without it disagrees', () => {
    const without = summary(cable('S E C R E T', [], ['(C)', '(S//NF)', '(U)']));
    assert.equal(without.required, 'SECRET//NOFORN');
    assert.equal(without.banner, 'SECRET');
    assert.equal(without.bannerMatches, false);
    const withCaption = summary(cable('S E C R E T', ['SIPDIS', 'NOFORN'], ['(C)', '(S//NF)', '(U)']));
    assert.equal(withCaption.banner, 'SECRET//NOFORN');
    assert.equal(withCaption.bannerMatches, true);
  });

  it('a banner above every portion disagrees; unmarked portions are listed as unmarked', () => {
    const result = summary(cable('S E C R E T', [], ['(C)', '(C)', '']));
    assert.equal(result.required, 'CONFIDENTIAL');
    assert.equal(result.bannerMatches, false);
    assert.ok(result.portions.some((portion) => portion.level === 'unmarked' && portion.mark === ''));
  });

  it('SBU: UNCLAS with SENSITIVE is SENSITIVE BUT UNCLASSIFIED', () => {
    const result = summary(cable('UNCLAS', ['SENSITIVE'], ['(SBU)', '(U)', '(SBU)']));
    assert.equal(result.required, 'SENSITIVE BUT UNCLASSIFIED');
    assert.equal(result.bannerMatches, true);
  });

  it('above the configured system high: a (TS) portion by default, a SECRET cable on a CONFIDENTIAL system', () => {
    assert.equal(summary(cable('S E C R E T', [], ['(S)', '(TS)', '(S)'])).aboveSystemHigh, true);
    assert.equal(summary(cable('S E C R E T', [], ['(S)', '(S)', '(C)'])).aboveSystemHigh, false);
    const low = serviceWith({ ...defaultConfig, systemHigh: 'C' });
    assert.equal(low.summary(cable('S E C R E T', [], ['(S)', '(S)', '(C)'])).aboveSystemHigh, true);
    assert.equal(low.summary(cable('CONFIDENTIAL', [], ['(C)', '(U)', '(C)'])).aboveSystemHigh, false);
  });

  it('a cable without a banner: no banner, and it does not match', () => {
    const result = summary('1. (C) Text.\n\n2. (U) More.');
    assert.equal(result.banner, undefined);
    assert.equal(result.required, 'CONFIDENTIAL');
    assert.equal(result.bannerMatches, false);
  });
});

describe('update banner from portions', () => {
  const { summary, edits } = serviceWith();
  const updated = (text: string) => applyTextEdits(text, edits(text));

  it('raises a spaced banner in spaced letters and adds the NOFORN caption line, after SIPDIS', () => {
    const text = cable('C O N F I D E N T I A L', ['SIPDIS'], ['(C)', '(S//NF)', '(U)']);
    const result = updated(text);
    assert.match(result, /\nS E C R E T STATE 000123\nSIPDIS\nNOFORN\n\nE\.O\./);
    assert.equal(summary(result).bannerMatches, true);
    assert.deepEqual(edits(result), [], 'a second run changes nothing');
  });

  it('lowers a plain banner in plain words, keeping the message reference', () => {
    const result = updated(cable('SECRET', [], ['(C)', '(C)', '(U)']));
    assert.match(result, /\nCONFIDENTIAL STATE 000123\n/);
    assert.equal(summary(result).bannerMatches, true);
  });

  it('an SBU cable gets UNCLAS and SENSITIVE; a classified one loses SENSITIVE and a NOFORN no portion needs', () => {
    const sbu = updated(cable('C O N F I D E N T I A L', [], ['(SBU)', '(U)', '(SBU)']));
    assert.match(sbu, /\nUNCLAS STATE 000123\nSENSITIVE\n/);
    assert.equal(summary(sbu).bannerMatches, true);
    const raised = updated(cable('UNCLAS', ['SENSITIVE', 'NOFORN'], ['(C)', '(C)', '(U)']));
    assert.match(raised, /\nCONFIDENTIAL STATE 000123\n\nE\.O\./, 'an UNCLAS banner is plain, so the new words are plain');
    assert.equal(summary(raised).bannerMatches, true, raised);
  });

  it('a banner that already agrees, and a cable without a banner, get no edit', () => {
    assert.deepEqual(edits(fs.readFileSync(seedPath, 'utf8')), []);
    assert.deepEqual(edits('1. (C) Text.\n\n2. (U) More.'), []);
  });

  it('only the classification words change: the edit set is minimal', () => {
    const text = cable('C O N F I D E N T I A L', ['SIPDIS'], ['(S)', '(S)', '(U)']);
    const result = edits(text);
    assert.equal(result.length, 1);
    assert.equal(result[0].newText, 'S E C R E T');
    assert.deepEqual(wireRange(result[0].range), { start: { line: 4, character: 0 }, end: { line: 4, character: 23 } });
  });
});
