// Unit tests of the cable parser: the seed, the corpus and the header constructs (parser.body.test.ts: the rest).
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { parseOrThrow } from '../../server/src/service/parser';
import type { CableModel, Range } from '../../server/src/service/model';
import { corpusDir, corpusFiles, readFixture } from '../helpers';

const cable = (...lines: string[]): CableModel => parseOrThrow(lines.join('\n'));
const at = (range: Range): string => `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
/** The text a range covers in `text` (single-line ranges). */
const cover = (model: CableModel, range: Range): string => model.lines[range.start.line].slice(range.start.character, range.end.character);

describe('parser: the seed cable', () => {
  const model = parseOrThrow(readFixture('seed.cable'));

  it('reads the header', () => {
    assert.deepEqual(model.precedence?.precedences.map((p) => p.text), ['P', 'R']);
    assert.equal(model.precedence?.dtg?.date?.toISOString(), '2008-10-10T20:30:00.000Z');
    assert.deepEqual(model.addresses.map((block) => block.keyword.kind), ['FM', 'TO', 'INFO']);
    assert.equal(model.addresses[1].addressees[0].name.text, 'AMEMBASSY PARIS');
    assert.equal(model.addresses[1].addressees[0].precedence?.text, 'PRIORITY');
    assert.equal(model.banner?.level, 'C');
    assert.equal(model.banner?.spaced, true);
    assert.equal(model.banner?.messageRef?.post, 'STATE');
    assert.equal(model.banner?.messageRef?.serial, '109154');
    assert.deepEqual(model.passingLines.map((line) => line.text), ['PARIS FOR EST:H.SMITH']);
    assert.equal(model.eo?.order?.value, 12958);
    const instruction = model.eo?.instruction;
    assert.ok(instruction?.kind === 'date');
    assert.deepEqual([instruction.year, instruction.month, instruction.day, instruction.valid, instruction.format], [2033, 10, 31, true, 'MM/DD/YYYY']);
  });

  it('reads the TAGS inside link artifacts, each range on the code itself', () => {
    assert.deepEqual(model.tags?.tags.map((tag) => tag.code), ['MTCRE', 'PARM', 'PREL', 'MNUC', 'KSCA', 'TSPA', 'ETTC', 'FR']);
    for (const tag of model.tags!.tags) assert.equal(cover(model, tag.range), tag.code);
    assert.equal(model.tags?.separator, ' ');
  });

  it('reads the two-line subject with its mark at the end', () => {
    assert.equal(model.subject?.title, 'MISSILE TECHNOLOGY CONTROL REGIME (MTCR): GUIDANCE FOR THE OCTOBER 16, 2008 POC MEETING');
    assert.equal(model.subject?.mark?.text, '(C)');
    assert.equal(model.subject?.markPosition, 'end');
    assert.equal(model.subject?.range.start.line, 15);
    assert.equal(model.subject?.range.end.line, 16);
  });

  it('reads REF A-K across the blank line, with cables', () => {
    const entries = model.refs!.entries;
    assert.deepEqual(entries.map((entry) => entry.letter).join(''), 'ABCDEFGHIJK');
    assert.equal(entries[0].description, 'SMITH-DURHAM E MAIL OF 10-08-08');
    assert.equal(entries[0].cable, undefined);
    assert.equal(entries[1].cable?.post, 'STATE');
    assert.equal(entries[1].cable?.serial, '95573');
    assert.equal(cover(model, entries[1].letterRange!), 'B');
  });

  it('reads Classified By and its reasons over two lines', () => {
    const classifiedBy = model.classifiedBy!;
    assert.equal(classifiedBy.classifier?.text, 'ISN/MTR Direcotr Pam Durham');
    assert.equal(classifiedBy.reasonKeyword?.text, 'Reason:');
    assert.equal(classifiedBy.section?.text, '1.4');
    assert.deepEqual(classifiedBy.letters.map((letter) => letter.letter), ['b', 'd']);
  });

  it('finds paragraphs 1, 2, 3, 14 and the sub-paragraphs of 3', () => {
    assert.deepEqual(model.paragraphs.map((p) => p.number.value), [1, 2, 3, 14]);
    assert.equal(cover(model, model.paragraphs[0].number.range), '1');
    assert.deepEqual(model.paragraphs.map((p) => p.mark?.text), ['(U)', '(C)', '(C)', '(U)']);
    const subs = model.paragraphs[2].subParagraphs;
    assert.deepEqual(subs.map((sub) => sub.letter), ['A', 'B', 'C', 'D']);
    assert.deepEqual(subs.map((sub) => sub.malformedPrefix), [undefined, '1', '1', '1']);
    assert.equal(subs[1].label.text, '1B');
    assert.equal(subs[0].title, 'PREPARATION FOR THE 2008 CANBERRA MTCR PLENARY');
    // Paragraph 3 runs to `end guidance.`, the line before paragraph 14.
    assert.equal(model.lines[model.paragraphs[2].range.end.line], 'end guidance.');
    assert.equal(subs[3].range.end.line, model.paragraphs[2].range.end.line);
    assert.equal(subs[0].range.end.line, subs[1].range.start.line - 2);
  });

  it('gives every talking point its trailing (C), the broken one too', () => {
    const points = model.portions.filter((portion) => portion.kind === 'talking-point');
    assert.equal(points.length, 10);
    for (const point of points) {
      assert.equal(point.mark?.text, '(C)');
      assert.equal(point.markPosition, 'trailing');
    }
    const broken = model.paragraphs[2].subParagraphs[0].talkingPoints[2];
    assert.ok(model.lines[broken.range.start.line].startsWith('--Remind Partners that the United States has circulated'));
    assert.equal(broken.range.end.line - broken.range.start.line, 2);
  });

  it('makes the marked BACKGROUND and NOTE texts portions with trailing marks', () => {
    const texts = model.portions.filter((portion) => portion.kind === 'text');
    assert.ok(texts.length >= 6);
    for (const text of texts) assert.equal(text.markPosition, 'trailing');
    assert.ok(model.marks.every((mark) => mark.valid));
    assert.equal(model.marks.length, model.portions.filter((portion) => portion.mark).length);
  });

  it('resolves REFS D-J to seven letters and finds the cross-references', () => {
    const dj = model.refCitations.filter((citation) => citation.text === 'REFS D-J');
    assert.equal(dj.length, 2);
    assert.deepEqual(dj[0].letters, ['D', 'E', 'F', 'G', 'H', 'I', 'J']);
    assert.deepEqual(model.refCitations.map((citation) => citation.letters.join('')), ['C', 'DEFGHIJ', 'DEFGHIJ', 'K']);
    assert.deepEqual(model.paragraphXrefs.map((xref) => xref.numbers), [[3], [3]]);
  });

  it('pairs the blocks without problems', () => {
    assert.deepEqual(model.blockProblems, []);
    const kinds = model.blocks.map((block) => block.kind);
    assert.deepEqual(kinds.filter((kind) => kind === 'GUIDANCE'), ['GUIDANCE']);
    assert.equal(kinds.filter((kind) => kind === 'BACKGROUND').length, 4);
    assert.equal(kinds.filter((kind) => kind === 'NOTE').length, 3);
    const guidance = model.blocks.find((block) => block.kind === 'GUIDANCE')!;
    assert.equal(guidance.close?.text, 'end guidance.');
  });

  it('finds the signature, NNNN and every artifact', () => {
    assert.equal(model.signature?.text, 'RICE');
    assert.equal(model.end?.text, 'NNNN');
    assert.equal(model.artifacts.length, 8 + 10 + 4);
    const first = model.artifacts[0];
    assert.equal(first.text, '[MTCRE](#)');
    assert.equal(cover(model, first.inner.range), 'MTCRE');
    assert.ok(model.headerRange && model.headerRange.end.line === 32);
  });
});

interface CorpusExpectation {
  file: string;
  level: string;
  paragraphs: number[];
  tags: string;
  refLetters: string;
  eo: { kind: string; value: string };
}

// Read from the files themselves (banner line, E.O. line, TAGS line, REF block, numbered paragraphs).
const corpusExpectations: CorpusExpectation[] = [
  { file: '07PARIS1791', level: 'U', paragraphs: [1, 2, 3, 4], tags: 'PGOV ELAB EU FR PINR SOCI ECON', refLetters: 'ABC', eo: { kind: 'na', value: 'N/A' } },
  { file: '08STATE103511', level: 'S', paragraphs: range(1, 13), tags: 'EWWT MOPS PREL PHSA XA SO RS LG BH UP', refLetters: '', eo: { kind: 'date', value: '09/25/2018' } },
  { file: '08STATE50524', level: 'S', paragraphs: [1, 2, 3, 4], tags: 'PARM PREL', refLetters: 'ABCDEFGHIJKLM', eo: { kind: 'date', value: '05/05/2018' } },
  { file: '08STATE79112', level: 'S', paragraphs: [1, 2, 3, 4, 5, 6, 7, 8, 6, 7], tags: 'MNUC PARM PREL AF CH KG KZ TI TX UZ', refLetters: 'a', eo: { kind: 'date', value: '07/22/2033' } },
  { file: '09BAKU175', level: 'S', paragraphs: [1, 2, 3, 4], tags: 'PREL ETRD SNAR ECON AJ TU RU IR', refLetters: 'ABCD', eo: { kind: 'date', value: '03/08/2019' } },
  { file: '09BRASILIA41', level: 'C', paragraphs: range(1, 9), tags: 'PREL ETTC MARR BR', refLetters: 'ABC', eo: { kind: 'date', value: '01/08/2019' } },
  { file: '09ISTANBUL440', level: 'C', paragraphs: range(1, 17), tags: 'PREL PGOV PINS ECON ETRD KNNP TU IR', refLetters: 'ABCDEFG', eo: { kind: 'date', value: '12/02/2024' } },
  { file: '09STATE127892', level: 'S', paragraphs: [1, 2, 3, 4], tags: 'NATO MARR MCAP PREL EN LG LH PL', refLetters: 'ABCD', eo: { kind: 'date', value: '12/03/2019' } },
  { file: '72TEHRAN1164', level: 'U', paragraphs: range(1, 8), tags: 'MASS MARR IR', refLetters: 'a', eo: { kind: 'declassified', value: 'AS AMENDED; DECLASSIFIED JUNE 21, 2006' } },
  { file: '86MADRID5480', level: 'S', paragraphs: [1, 2, 3], tags: 'PTER PINR PREL SP LY', refLetters: 'ABC', eo: { kind: 'obsolete', value: 'OADR' } },
  { file: '09STATE63860', level: 'S', paragraphs: range(1, 31), tags: 'ASEC', refLetters: '', eo: { kind: 'obsolete', value: 'MR' } },
  { file: '10KABUL571', level: 'C', paragraphs: range(1, 9), tags: 'PGOV KJUS KCOR PREL EAID AF', refLetters: '', eo: { kind: 'date', value: '02/15/2020' } },
];

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

describe('parser: the corpus', () => {
  it('parses every corpus cable without throwing, with banner and paragraphs', () => {
    const files = corpusFiles();
    assert.ok(files.length >= 40);
    for (const file of files) {
      const model = parseOrThrow(fs.readFileSync(path.join(corpusDir, file), 'utf8'));
      assert.ok(model.banner, `${file}: banner`);
      assert.ok(model.tags && model.tags.tags.length > 0, `${file}: tags`);
      // 09STATE63812 is a single unnumbered message.
      assert.equal(model.paragraphs.length > 0, file !== '09STATE63812.cable', `${file}: paragraphs`);
    }
  });

  for (const expected of corpusExpectations) {
    it(`reads ${expected.file}`, () => {
      const model = parseOrThrow(fs.readFileSync(path.join(corpusDir, `${expected.file}.cable`), 'utf8'));
      assert.equal(model.banner?.level, expected.level);
      assert.deepEqual(model.paragraphs.map((p) => p.number.value), expected.paragraphs);
      assert.equal(model.tags?.tags.map((tag) => tag.code).join(' '), expected.tags);
      // Written letters upper case, implicit ones (an unlettered REF block's) lower case.
      const letters = model.refs ? model.refs.entries.map((entry) => (entry.letterRange ? entry.letter : entry.letter?.toLowerCase()) ?? '-').join('') : '';
      assert.equal(letters, expected.refLetters);
      const instruction = model.eo?.instruction;
      assert.equal(instruction?.kind, expected.eo.kind);
      const value = instruction?.kind === 'obsolete' ? instruction.code : instruction?.text;
      assert.equal(value, expected.eo.value);
    });
  }

  it('reads the downgrade-only E.O. line of 09USNATO464', () => {
    const model = parseOrThrow(fs.readFileSync(path.join(corpusDir, '09USNATO464.cable'), 'utf8'));
    assert.equal(model.eo?.downgrade?.text, 'DNG: CO 10/18/2029');
    assert.equal(model.eo?.instruction, undefined);
  });

  it('records Classified By inside paragraph 2 of 08STATE103511', () => {
    const model = parseOrThrow(fs.readFileSync(path.join(corpusDir, '08STATE103511.cable'), 'utf8'));
    assert.equal(model.classifiedBy?.classifier?.text, 'Acting DAS James Knight');
    assert.deepEqual(model.classifiedBy?.letters.map((l) => l.letter), ['b', 'd']);
    assert.equal(model.classifiedBy?.range.start.line, model.paragraphs[1].range.start.line);
    // `(b) and (d).` continues the reason: it is not a sub-paragraph.
    assert.deepEqual(model.paragraphs[1].subParagraphs, []);
    assert.deepEqual(model.addresses[1].addressees[0].precedence?.text, 'NIACT IMMEDIATE');
    assert.deepEqual(model.addresses[1].addressees[0].serial?.text, '2276-2279');
    assert.deepEqual(model.addresses[1].addressees[0].routing?.text, 'ZEN');
    assert.deepEqual(model.transmission.find((line) => line.kind === 'security')?.securityLevel, 'S');
  });

  it('reads the REF entries of 09BAKU175 split inline and over lines', () => {
    const model = parseOrThrow(fs.readFileSync(path.join(corpusDir, '09BAKU175.cable'), 'utf8'));
    const entries = model.refs!.entries;
    assert.deepEqual(entries.map((entry) => entry.description), ['BAKU 139', 'BAKU 132', 'BAKU 80', '2008 BAKU 917']);
    assert.equal(entries[3].cable?.serial, '917');
    assert.equal(entries[3].cable?.year, 2008);
  });
});

describe('parser: header constructs', () => {
  it('decodes the DTG and flags impossible ones', () => {
    const good = cable('O 291530Z FEB 08', 'FM SECSTATE WASHDC');
    assert.equal(good.precedence?.dtg?.date?.toISOString(), '2008-02-29T15:30:00.000Z');
    assert.equal(good.precedence?.dtg?.problem, undefined);
    const cases: Array<[string, RegExp]> = [
      ['O 301530Z FEB 09', /day 30/],
      ['O 102430Z OCT 08', /hour/],
      ['O 102060Z OCT 08', /minute/],
      ['O 102030Z OCX 08', /month/],
    ];
    for (const [line, problem] of cases) {
      const dtg = cable(line).precedence?.dtg;
      assert.ok(dtg, line);
      assert.equal(dtg.date, undefined, line);
      assert.match(dtg.problem ?? '', problem, line);
    }
    assert.equal(cable('O 102030Z OCX 08').precedence?.dtg?.month, 0);
    assert.equal(cable('R 250930Z FEB 72').precedence?.dtg?.year, 1972);
    assert.match(cable('X 102030Z OCT 08').precedence?.problem ?? '', /not a precedence/);
  });

  it('reads transmission lines and the ZNY/ZNR letters', () => {
    const model = cable('VZCZCXYZ0012', 'PP RUEHWEB', 'DE RUEHC #3812 1701621', 'ZNY CCCCC ZZH', 'P 102030Z OCT 08', 'FM SECSTATE WASHDC');
    assert.deepEqual(model.transmission.map((line) => line.kind), ['start', 'routing', 'origin', 'security']);
    assert.equal(model.transmission[3].securityLetters?.text, 'CCCCC');
    assert.equal(model.transmission[3].securityLevel, 'C');
    assert.equal(cable('VZCZC', 'ZNR UUUUU', 'R 102030Z OCT 08').transmission[1].securityLevel, 'U');
    assert.equal(cable('VZCZC', 'ZNR EEEEE', 'R 102030Z OCT 08').transmission[1].securityLevel, 'U');
    assert.equal(cable('VZCZC', 'ZNY SSSSS ZZH', 'R 102030Z OCT 08').transmission[1].securityLevel, 'S');
  });

  it('reads a multi-line TO block with routing, precedence and serials', () => {
    const model = cable(
      'O 102030Z OCT 08',
      'FM AMEMBASSY PARIS',
      'TO RUEHC/SECSTATE WASHDC NIACT IMMEDIATE 4809',
      'RUEHFR/AMEMBASSY ROME PRIORITY',
      'AMEMBASSY MADRID 2276-2279',
      'INFO EU COLLECTIVE',
      '',
      'UNCLAS PARIS 001007',
    );
    const to = model.addresses[1];
    assert.equal(to.keyword.kind, 'TO');
    assert.deepEqual(
      to.addressees.map((a) => [a.routing?.text, a.name.text, a.precedence?.text, a.serial?.text]),
      [
        ['RUEHC', 'SECSTATE WASHDC', 'NIACT IMMEDIATE', '4809'],
        ['RUEHFR', 'AMEMBASSY ROME', 'PRIORITY', undefined],
        [undefined, 'AMEMBASSY MADRID', undefined, '2276-2279'],
      ],
    );
    assert.equal(at(to.range), '2:0-4:26');
    assert.equal(model.addresses[2].addressees[0].name.text, 'EU COLLECTIVE');
  });

  it('reads spaced and plain banners, SECTION and the message reference', () => {
    const spaced = cable('S E C R E T SECTION 01 OF 03 SECSTATE 0074879').banner!;
    assert.deepEqual([spaced.level, spaced.spaced, spaced.section?.number, spaced.section?.of], ['S', true, 1, 3]);
    assert.deepEqual([spaced.messageRef?.post, spaced.messageRef?.serial], ['STATE', '74879']);
    assert.equal(spaced.section?.text, 'SECTION 01 OF 03');
    const plain = cable('CONFIDENTIAL PARIS 001007').banner!;
    assert.deepEqual([plain.level, plain.spaced, plain.messageRef?.post], ['C', false, 'PARIS']);
    assert.equal(cable('T O P S E C R E T STATE 1').banner?.level, 'TS');
    assert.equal(cable('UNCLASSIFIED SECTION 01 OF 01 TEHRAN 1164').banner?.level, 'U');
    const efto = cable('UNCLAS EFTO STATE 109154').banner!;
    assert.deepEqual([efto.level, efto.efto, efto.classification.text], ['U', true, 'UNCLAS EFTO']);
    assert.equal(cable('UNCLAS SECTION 01 OF 03 RIO DE JANEIRO 000440').banner?.messageRef?.post, 'RIO DE JANEIRO');
    assert.equal(cable('Secret talks went well today').banner, undefined);
  });

  it('reads captions, several on a line, and passing lines', () => {
    const model = cable('C O N F I D E N T I A L STATE 1', '', 'NOFORN SIPDIS', 'EXDIS', 'PARIS FOR EST:H.SMITH', 'E.O. 12958: DECL: 10/31/2033');
    assert.deepEqual(model.captions.map((caption) => caption.name), ['NOFORN', 'SIPDIS', 'EXDIS']);
    assert.equal(at(model.captions[1].range), '2:7-2:13');
    assert.deepEqual(model.passingLines.map((line) => line.text), ['PARIS FOR EST:H.SMITH']);
  });

  it('reads every E.O. form', () => {
    const eo = (line: string) => cable('S E C R E T STATE 1', '', line).eo!;
    let parsed = eo('E.O. 12958: DECL: 10/31/2033');
    assert.ok(parsed.instruction?.kind === 'date' && parsed.instruction.format === 'MM/DD/YYYY' && parsed.instruction.valid);
    assert.equal(parsed.declKeyword?.text, 'DECL');
    parsed = eo('EO 12958 DECL: 01/14/2019');
    assert.deepEqual([parsed.keyword.text, parsed.order?.value, parsed.instruction?.kind], ['EO', 12958, 'date']);
    parsed = eo('DECL: 2018/09/25');
    assert.ok(parsed.instruction?.kind === 'date' && parsed.instruction.format === 'YYYY/MM/DD' && parsed.instruction.month === 9);
    const invalid = eo('E.O. 12958: DECL: 02/30/2019').instruction;
    assert.ok(invalid?.kind === 'date' && !invalid.valid);
    assert.equal(eo('E.O. 12958: N/A').instruction?.kind, 'na');
    assert.equal(eo('E.O. 13526: DECL: 06/01/2020').order?.value, 13526);
    assert.equal(eo('E.O. 12356: DECL: OADR').order?.value, 12356);
    assert.equal(eo('E.O. 12065: DECL: X3').instruction?.kind, 'obsolete');
    assert.equal(eo('E.O. 11652: N/A').order?.value, 11652);
    assert.equal(eo('E.O. 12958: AS AMENDED; DECLASSIFIED JUNE 21, 2006').instruction?.kind, 'declassified');
    const exemption = eo('E.O. 12958: DECL: 25X1').instruction;
    assert.ok(exemption?.kind === 'exemption' && exemption.code === '25X1' && exemption.known);
    const hum = eo('E.O. 12958: DECL: 50X1-HUM').instruction;
    assert.ok(hum?.kind === 'exemption' && hum.known);
    const unknownExemption = eo('E.O. 12958: DECL: 25X12').instruction;
    assert.ok(unknownExemption?.kind === 'exemption' && !unknownExemption.known);
    const obsolete = eo('E.O. 12958: DECL: OADR').instruction;
    assert.ok(obsolete?.kind === 'obsolete' && obsolete.code === 'OADR');
    assert.equal(eo('E.O. 12958: DECL: TEN YEARS AFTER CLOSURE OF TALKS').instruction?.kind, 'event');
    assert.equal(eo('E.O. 12958: DECL: ???').instruction?.kind, 'unknown');
    const downgrade = eo('E.O. 12958: DECL: 10/31/2033 DNG: CO 10/01/2010');
    assert.equal(downgrade.downgrade?.text, 'DNG: CO 10/01/2010');
    assert.equal(downgrade.instruction?.text, '10/31/2033');
    assert.equal(eo('e.o. 12958: decl: 01/15/2034').instruction?.kind, 'date');
  });

  it('reads comma TAGS with a continuation line, and stops at SUBJECT', () => {
    const model = cable('TAGS: PREL, PGOV,', '  KNNP, IR', 'SUBJECT: TEST');
    assert.deepEqual(model.tags?.tags.map((tag) => tag.code), ['PREL', 'PGOV', 'KNNP', 'IR']);
    assert.equal(model.tags?.separator, ',');
    assert.equal(model.tags?.lineRanges.length, 2);
    assert.equal(at(model.tags!.tags[2].range), '1:2-1:6');
    assert.equal(model.subject?.title, 'TEST');
    const spaceSeparated = cable('TAGS PREL PGOV', 'This is not a tag line', 'SUBJECT: X');
    assert.deepEqual(spaceSeparated.tags?.tags.map((tag) => tag.code), ['PREL', 'PGOV']);
    assert.equal(spaceSeparated.tags?.separator, ' ');
  });

  it('reads subject marks at the start and at the end', () => {
    const start = cable('SUBJECT: (C) TALKS WITH', 'THE MINISTER', '', '1. (C) Text.').subject!;
    assert.deepEqual([start.mark?.text, start.markPosition, start.title], ['(C)', 'start', 'TALKS WITH THE MINISTER']);
    const end = cable('SUBJECT: TALKS (MTCR):', 'NEXT MEETING (S//NF)').subject!;
    assert.deepEqual([end.mark?.text, end.markPosition, end.title, end.mark?.controls], ['(S//NF)', 'end', 'TALKS (MTCR): NEXT MEETING', ['NOFORN']]);
    assert.equal(cable('subject: spanish merchant supplies syrian entities (s)').subject?.mark?.level, 'S');
    const none = cable('SUBJECT: MEETING WITH THE EU (EU)').subject!;
    assert.equal(none.mark, undefined);
    assert.equal(cable('SUBJECT: (MTCR) PLENARY').subject?.mark, undefined);
    assert.equal(cable('1. (U) x', '-- (UN) reform').paragraphs[0].talkingPoints[0].mark, undefined);
    const portion = cable('SUBJECT: (U) X').portions[0];
    assert.deepEqual([portion.kind, portion.markPosition], ['subject', 'leading']);
  });

  it('reads a REF block lettered up to Z without failing (found by the log channel: the letter after Z broke a regex)', () => {
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
    const refs = cable('REF: ' + letters.map((letter) => `${letter}. STATE ${letters.indexOf(letter) + 1}`).join('\n'), 'and more text', '', '1. (U) Text.').refs!;
    assert.equal(refs.entries.length, 26);
    assert.equal(refs.entries[25].description, 'STATE 26 and more text');
  });

  it('reads an unlettered REF and detects its cable', () => {
    let refs = cable('SUBJECT: X', '', 'REF: STATE 095573', '', '1. (U) Text.').refs!;
    assert.equal(refs.entries.length, 1);
    // Its letter is implicit (`ref A` may cite it): none is written.
    assert.deepEqual([refs.entries[0].letter, refs.entries[0].letterRange], ['A', undefined]);
    assert.deepEqual([refs.entries[0].cable?.post, refs.entries[0].cable?.serial], ['STATE', '95573']);
    // Unlettered references one per line or after semicolons are lettered A, B, C in order.
    const several = cable('REF: SECSTATE 10152; 08 LUANDA 536', 'PARIS 1007', '', '1. (U) Per ref B.').refs!;
    assert.deepEqual(several.entries.map((entry) => [entry.letter, entry.description]), [['A', 'SECSTATE 10152'], ['B', '08 LUANDA 536'], ['C', 'PARIS 1007']]);
    refs = cable('REF: TEHRAN 1091: TEHRAN 263: MOSCOW 1603').refs!;
    assert.equal(refs.entries.length, 1);
    assert.equal(refs.entries[0].cable?.post, 'TEHRAN');
    refs = cable('REF: 08 STATE 95573').refs!;
    assert.deepEqual([refs.entries[0].cable?.year, refs.entries[0].cable?.serial], [2008, '95573']);
    assert.equal(cable('REF: SECSTATE 74879').refs?.entries[0].cable?.post, 'STATE');
    assert.equal(cable('REF: PARIS 1007').refs?.entries[0].cable?.serial, '1007');
    assert.equal(cable('REF: TELCON OF 12 MAY').refs?.entries[0].cable, undefined);
  });

  it('reads lettered REF entries: continuation lines join, inline labels split', () => {
    const refs = cable('REF: A. STATE 125608  B. KABUL 346', 'C. KHAN E-MAIL OF', '12/10/2008', '', 'D. STATE 1').refs!;
    assert.deepEqual(refs.entries.map((entry) => entry.letter), ['A', 'B', 'C', 'D']);
    assert.equal(refs.entries[2].description, 'KHAN E-MAIL OF 12/10/2008');
    assert.equal(at(refs.entries[2].descriptionRange), '1:3-2:10');
    assert.equal(at(refs.entries[1].letterRange!), '0:22-0:23');
    const parenthesised = cable('REF: (A) ANKARA 1516 (EXDIS) (B) ISTANBUL 421').refs!;
    assert.deepEqual(parenthesised.entries.map((entry) => entry.description), ['ANKARA 1516 (EXDIS)', 'ISTANBUL 421']);
  });

  it('reads Classified By in its one-line and two-line forms', () => {
    let classifiedBy = cable('Classified By: Ambassador John Doe for reasons 1.4 (b) and (d)').classifiedBy!;
    assert.deepEqual(
      [classifiedBy.classifier?.text, classifiedBy.reasonKeyword?.text, classifiedBy.section?.text, classifiedBy.letters.map((l) => l.letter)],
      ['Ambassador John Doe', 'for reasons', '1.4', ['b', 'd']],
    );
    assert.equal(classifiedBy.reasonText?.text, '1.4 (b) and (d)');
    classifiedBy = cable('Classified By: ISN/MTR Director Pam Durham.', 'Reason: 1.4 (B), (D).').classifiedBy!;
    assert.deepEqual([classifiedBy.classifier?.text, classifiedBy.letters.map((l) => l.letter)], ['ISN/MTR Director Pam Durham', ['b', 'd']]);
    assert.equal(classifiedBy.range.end.line, 1);
    assert.deepEqual(cable('Classified By: X, Reasons 1.4 (b) and (d).').classifiedBy?.letters.map((l) => l.letter), ['b', 'd']);
    assert.deepEqual(cable('Classified By: X for Reasons 1.4(b,d)').classifiedBy?.letters.map((l) => l.letter), ['b', 'd']);
    assert.deepEqual(cable('Classified By: X for Reasons 1.4 a,b,and d.').classifiedBy?.letters.map((l) => l.letter), ['a', 'b', 'd']);
    assert.deepEqual(cable('Classified By: X FOR REASONS', '1.4 (b), (c), and (d).').classifiedBy?.letters.map((l) => l.letter), ['b', 'c', 'd']);
    const inParagraph = cable('2. (U) Classified by Acting DAS James Knight, Reasons 1.4', '(b) and (d).', '3. (U) Next.');
    assert.equal(inParagraph.classifiedBy?.classifier?.text, 'Acting DAS James Knight');
    assert.deepEqual(inParagraph.classifiedBy?.letters.map((l) => l.letter), ['b', 'd']);
    assert.deepEqual(inParagraph.paragraphs.map((p) => p.number.value), [2, 3]);
    assert.equal(inParagraph.paragraphs[0].range.end.line, 1);
  });
});
