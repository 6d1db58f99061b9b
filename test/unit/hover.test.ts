// Hovers at a `|` cursor on the fields a drafter needs explained: tags, marks, the banner, captions,
// reason letters, the DTG and precedences, the declassification instruction and the E.O. number.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { seedPath, wireRange } from '../helpers';
import { hoverAt } from './serviceHelpers';

const seed = fs.readFileSync(seedPath, 'utf8');
const text = (hover: Hover | null): string => (hover?.contents as MarkupContent | undefined)?.value ?? '';

/** The seed with the cursor inserted before the `occurrence` of `needle` plus `offset` characters. */
function seedAt(needle: string, offset = 0): string {
  const index = seed.indexOf(needle);
  assert.ok(index >= 0, needle);
  return seed.slice(0, index + offset) + '|' + seed.slice(index + offset);
}

const cable = (body: string) => `O 051200Z MAR 10\nFM AMEMBASSY PARIS\nTO SECSTATE WASHDC IMMEDIATE\n\n${body}`;

describe('field hovers', () => {
  it('a tag: meaning, kind, how common, with the range of the code', () => {
    const hover = hoverAt(seedAt('PREL]', 2));
    assert.match(text(hover), /\*\*PREL\*\*: External Political Relations/);
    assert.match(text(hover), /Subject tag, in 1,033 of 1,283 released cables/);
    assert.equal(seed.split('\n')[hover!.range!.start.line].slice(hover!.range!.start.character, hover!.range!.end.character), 'PREL');
    assert.match(text(hoverAt(seedAt('FR]', 1))), /France[\s\S]*Geographic tag/);
  });

  it('an unknown tag says it is in no vocabulary', () => {
    assert.match(text(hoverAt(cable('CONFIDENTIAL\n\nTAGS: PREL PR|LE\n'))), /PRLE.*not in the TAGS vocabulary/);
  });

  it('a portion mark: level and what its controls mean', () => {
    const hover = hoverAt(cable('S E C R E T\nNOFORN\n\nSUBJECT: X (S)\n\n1. (S/|NF) Text.\n'));
    assert.match(text(hover), /SECRET/);
    assert.match(text(hover), /NOFORN.*Not Releasable to Foreign Nationals/);
    assert.deepEqual(wireRange(hover!.range), { start: { line: 9, character: 3 }, end: { line: 9, character: 9 } });
    assert.match(text(hoverAt(seedAt('POC MEETING (C)', 13))), /CONFIDENTIAL/);
  });

  it('a mark above the banner says the banner must be raised', () => {
    assert.match(text(hoverAt(cable('CONFIDENTIAL\n\n1. (|S) Text.\n'))), /Higher than the banner \(CONFIDENTIAL\)/);
  });

  it('the banner: level and the captions under it', () => {
    const hover = hoverAt(cable('S E C R E T| STATE 000123\nNOFORN\nSIPDIS\n\n1. (S/NF) Text.\n'));
    assert.match(text(hover), /banner, SECRET \(S\)/);
    assert.match(text(hover), /NOFORN.*Not Releasable/);
    assert.match(text(hover), /SIPDIS.*SIPRNet/);
  });

  it('a caption on its own line', () => {
    assert.match(text(hoverAt(cable('S E C R E T\nNO|DIS\n'))), /NODIS\*\* \(No Distribution\)/);
    assert.match(text(hoverAt(cable('UNCLAS\nSENSI|TIVE\n'))), /Sensitive But Unclassified/);
    assert.match(text(hoverAt(cable('UNCLAS\nEX|DIS\n'))), /Exclusive Distribution/);
  });

  it('a reason letter: its category', () => {
    const hover = hoverAt(seedAt('(D).', 1));
    assert.match(text(hover), /1\.4 \(d\)\*\*: foreign relations or foreign activities of the United States/);
    assert.match(text(hoverAt(seedAt('(B),', 1))), /foreign government information/);
  });

  it('the DTG decoded, with the precedences by name', () => {
    const hover = hoverAt(seedAt('102030Z', 3));
    assert.match(text(hover), /Friday, 10 October 2008, 20:30 UTC/);
    assert.match(text(hover), /action precedence \*\*P\*\* PRIORITY; info precedence \*\*R\*\* ROUTINE/i);
    assert.match(text(hoverAt(seedAt('P R 102030Z'))), /PRIORITY/);
    assert.match(text(hoverAt(cable('CONFIDENTIAL\n').replace('O 05', 'O |05'))), /Friday, 5 March 2010, 12:00 UTC/);
    assert.match(text(hoverAt(cable('CONFIDENTIAL\n').replace('IMMEDIATE', 'IMME|DIATE'))), /IMMEDIATE\*\*: .*at once/);
  });

  it('a declassification date: how many years after the DTG', () => {
    assert.match(text(hoverAt(seedAt('10/31/2033', 3))), /25 years and 3 weeks after the DTG \(10 October 2008\): more than 25 years/);
    assert.match(text(hoverAt(cable('CONFIDENTIAL\n\nE.O. 12958: DECL: 03/0|5/2020\n'))), /^10 years after the DTG \(5 March 2010\)\.$/m);
  });

  it('an exemption or obsolete marking: its meaning', () => {
    assert.match(text(hoverAt(cable('SECRET\n\nE.O. 12958: DECL: 25|X1\n'))), /25X1\*\* exemption: .*human source/);
    assert.match(text(hoverAt(cable('SECRET\n\nE.O. 12958: DECL: OA|DR\n'))), /OADR\*\* \(obsolete marking.*Originating Agency/);
    assert.match(text(hoverAt(cable('UNCLAS\n\nE.O. 12958: N/|A\n'))), /not applicable/);
  });

  it('the E.O. number: which order', () => {
    assert.match(text(hoverAt(seedAt('12958:', 2))), /E\.O\. 12958\*\*: Classified National Security Information \(1995\)/);
    assert.match(text(hoverAt(cable('SECRET\n\nE.O. 135|26: DECL: 03/05/2020\n'))), /E\.O\. 13526.*2009/);
  });

  it('nothing on plain text', () => {
    assert.equal(hoverAt(cable('CONFIDENTIAL\n\n1. (C) The pl|enary.\n')), null);
  });
});
