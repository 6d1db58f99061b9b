// How Cable reads real cables (issue 16, cable-format.md section 13): quiet on what real text does
// correctly, one finding per real problem, and the rules' era and severity policy.
import { applyTextEdits } from '../../server/src/service/textEdits';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { parse } from '../../server/src/service/parser';
import { diagnosticsOf, serviceFor } from './serviceHelpers';

/** A correct CONFIDENTIAL cable whose body is `body`. */
function cable(body: string, header: { eo?: string; dtg?: string; banner?: string } = {}): string {
  return [
    `P ${header.dtg ?? '151200Z MAR 10'}`,
    'FM SECSTATE WASHDC',
    'TO AMEMBASSY PARIS PRIORITY',
    '',
    `${header.banner ?? 'C O N F I D E N T I A L'} STATE 012345`,
    '',
    'SIPDIS',
    '',
    header.eo ?? 'E.O. 13526: DECL: 03/15/2020',
    'TAGS: PREL FR',
    'SUBJECT: (C) FRENCH VIEWS ON THE PLENARY',
    '',
    'Classified By: EUR/WE Director Jane Doe.',
    'Reason: 1.4 (b), (d).',
    '',
    body,
    '',
    'CLINTON',
  ].join('\n');
}

/** `LINE RULE` of each finding of the given rules, 1-based lines. */
function found(text: string, rules: string[], config = {}): string[] {
  return diagnosticsOf(text, config)
    .filter((diagnostic) => rules.includes(String(diagnostic.code)))
    .map((diagnostic) => `${diagnostic.range.start.line + 1} ${diagnostic.code}`);
}

const bodyLine = (text: string, line: string) => text.split('\n').indexOf(line) + 1;

describe('bullets and sub-paragraphs take their paragraph\'s mark (CBL001, marking.bullets)', () => {
  const text = cable(['1. (C) Embassy should make these points:', '', '-- the first point;', '- a second point;', '', 'A. A lettered part.', '', '(1) a numbered detail.'].join('\n'));

  it('inherit (the default): no finding on a bullet or sub-paragraph inside a marked paragraph', () => {
    assert.deepEqual(found(text, ['CBL001']), []);
  });

  it('require: every sub-paragraph, and each -- talking point of a classified cable, needs its own mark', () => {
    assert.deepEqual(found(text, ['CBL001'], { bulletMarks: 'require' }), [
      `${bodyLine(text, '-- the first point;')} CBL001`,
      `${bodyLine(text, 'A. A lettered part.')} CBL001`,
      `${bodyLine(text, '(1) a numbered detail.')} CBL001`,
    ]);
  });

  it('a bullet with its own mark is checked like any portion: above the banner is an error', () => {
    const raised = text.replace('-- the first point;', '-- the first point. (S)');
    assert.deepEqual(found(raised, ['CBL002']), [`${bodyLine(raised, '-- the first point. (S)')} CBL002`]);
  });

  it('an unmarked paragraph is one finding, not one per bullet in it', () => {
    const unmarked = text.replace('1. (C) Embassy', '1. Embassy');
    assert.deepEqual(found(unmarked, ['CBL001']), [`${bodyLine(unmarked, '1. Embassy should make these points:')} CBL001`]);
  });
});

describe('paragraph numbering: one finding per break (CBL015)', () => {
  const numbered = (numbers: number[]) => cable(numbers.map((number) => `${number}. (C) Paragraph text.`).join('\n\n'));
  const lineOf = (index: number) => 16 + 2 * index;

  it('a number written twice is one finding, however many paragraphs follow', () => {
    assert.deepEqual(found(numbered([1, 2, 2, 3, 4, 5]), ['CBL015']), [`${lineOf(2)} CBL015`]);
    assert.deepEqual(found(numbered([1, 2, 2, 4, 5]), ['CBL015']), [`${lineOf(2)} CBL015`]);
  });

  it('a gap is one finding; a typo in one number is one finding', () => {
    assert.deepEqual(found(numbered([1, 2, 3, 5, 6, 7]), ['CBL015']), [`${lineOf(3)} CBL015`]);
    assert.deepEqual(found(numbered([1, 2, 3, 14, 5]), ['CBL015']), [`${lineOf(3)} CBL015`]);
  });

  it('fix-all renumbers only where that is certain: the reported number alone changes', () => {
    const fixAll = (text: string) => {
      const { service, document } = serviceFor(text);
      return applyTextEdits(text, service.fixAllEdits(document));
    };
    const heads = (text: string) => text.split('\n').filter((line) => /^\d+\. /.test(line)).map((line) => parseInt(line, 10));
    assert.deepEqual(heads(fixAll(numbered([1, 2, 3, 14]))), [1, 2, 3, 4]);
    assert.deepEqual(heads(fixAll(numbered([1, 2, 2, 4]))), [1, 2, 3, 4]);
    // A number written twice with a run after it, or a gap: the quick fix renumbers, fix-all does not.
    assert.deepEqual(heads(fixAll(numbered([1, 2, 2, 3, 4]))), [1, 2, 2, 3, 4]);
    assert.deepEqual(heads(fixAll(numbered([1, 2, 4, 5]))), [1, 2, 4, 5]);
  });

  it('says which paragraph is numbered twice and what it should be', () => {
    const message = diagnosticsOf(numbered([1, 2, 2, 3])).find((diagnostic) => diagnostic.code === 'CBL015')?.message;
    assert.equal(message, 'Paragraph 2 is numbered twice: expected 3.');
  });
});

describe('the era of a cable decides what it must carry', () => {
  const withoutClassifiedBy = (text: string) => text.replace('Classified By: EUR/WE Director Jane Doe.\nReason: 1.4 (b), (d).\n', '');

  it('CBL007: a cable under E.O. 12356 (DECL: OADR) needs no Classified By line', () => {
    const old = withoutClassifiedBy(cable('1. (C) Text.\n\n2. (C) More text.', { eo: 'E.O. 12356: DECL: OADR', dtg: '171512Z JAN 90' }));
    assert.deepEqual(found(old, ['CBL007']), []);
  });

  it('CBL007: a cable of 1990 without an E.O. order named is checked by the order then in force', () => {
    const old = withoutClassifiedBy(cable('1. (C) Text.\n\n2. (C) More text.', { eo: 'DECL: OADR', dtg: '171512Z JAN 90' }));
    assert.deepEqual(found(old, ['CBL007']), []);
  });

  it('CBL007: a cable under E.O. 13526 without it is an error', () => {
    const draft = withoutClassifiedBy(cable('1. (C) Text.\n\n2. (C) More text.'));
    const diagnostics = diagnosticsOf(draft).filter((diagnostic) => diagnostic.code === 'CBL007');
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].severity, DiagnosticSeverity.Error);
  });
});

describe('severity says what a finding is', () => {
  it('a REF never cited is style (info); REFTEL among several references is info; an undefined REF an error', () => {
    const text = cable('1. (C) As reftel reported, and per REF C.\n\n2. (C) More text.').replace('SUBJECT: (C) FRENCH VIEWS ON THE PLENARY', 'SUBJECT: (C) FRENCH VIEWS ON THE PLENARY\n\nREF: A. STATE 1\nB. STATE 2');
    const severities = diagnosticsOf(text)
      .filter((diagnostic) => ['CBL017', 'CBL018'].includes(String(diagnostic.code)))
      .map((diagnostic) => `${diagnostic.code} ${diagnostic.severity}`)
      .sort();
    assert.deepEqual(severities, [
      `CBL017 ${DiagnosticSeverity.Error}`,
      `CBL017 ${DiagnosticSeverity.Information}`,
      `CBL018 ${DiagnosticSeverity.Information}`,
      `CBL018 ${DiagnosticSeverity.Information}`,
    ]);
  });
});

describe('the header of a received cable, read as it comes', () => {
  it('a page banner, page and distribution lines before the precedence line: the header is still read', () => {
    const text = cable('1. (C) Text.\n\n2. (C) More text.').replace(
      'P 151200Z MAR 10',
      ['CONFIDENTIAL', '', 'PAGE 01        PARIS  00097  01 OF 03  182017Z', 'ACTION EUR-00', '', 'INFO  LOG-00   ADS-00   INR-05   EUR-00', '      H-01     NSCE-00  NSAE-00  /037 W', '                    ------------------352654  200910Z /23', 'P 151200Z MAR 10'].join('\n'),
    );
    assert.deepEqual(found(text, ['CBL022', 'CBL013', 'CBL024']), []);
  });

  it('a post whose name starts with THE is a message reference', () => {
    const text = cable('1. (C) Text.\n\n2. (C) More text.').replace('STATE 012345', 'THE HAGUE 000123');
    assert.deepEqual(found(text, ['CBL022']), []);
  });
});

describe('older cables are checked by the rules of their day', () => {
  const old = (firstParagraph: string, eo: string, dtg: string) =>
    cable(`${firstParagraph}\n\n2. THE SECOND PARAGRAPH.\n\n3. THE THIRD.`, { eo, dtg }).replace('SUBJECT: (C) FRENCH', 'SUBJECT: FRENCH').replace('Classified By: EUR/WE Director Jane Doe.\nReason: 1.4 (b), (d).\n', '');

  it('`1. CONFIDENTIAL - ENTIRE TEXT.` marks every portion of an E.O. 12356 cable', () => {
    assert.deepEqual(found(old('1. CONFIDENTIAL - ENTIRE TEXT.', 'E.O. 12356: DECL: OADR', '171512Z JAN 90'), ['CBL001', 'CBL006', 'CBL007']), []);
  });

  it('without it, an E.O. 12356 cable still needs its portion marks', () => {
    assert.deepEqual(found(old('1. THE FIRST PARAGRAPH.', 'E.O. 12356: DECL: OADR', '171512Z JAN 90'), ['CBL001']), ['14 CBL001', '16 CBL001', '18 CBL001']);
  });

  it('a cable of 1972 (E.O. 11652) had no portion marks, even when its E.O. line records a later declassification', () => {
    const text = old('1. THE FIRST PARAGRAPH.', 'E.O. 12958: AS AMENDED; DECLASSIFIED JUNE 21, 2006', '251200Z FEB 72');
    assert.deepEqual(found(text, ['CBL001', 'CBL006', 'CBL007']), []);
  });
});

describe('body structure as a drafter sees it (the model says it once)', () => {
  const model = (body: string) => parse(cable(body));

  it('numbered lines that are not paragraphs are list items: a list, a restart at 1, quoted text', () => {
    const read = model(
      ['1. (C) The demands are as follows:', '1. First.', '2. Second.', '', '2. (C) The letter:', 'BEGIN TEXT', '', '1. We welcome it.', 'END TEXT', '', '3. (C) Third.'].join('\n'),
    );
    assert.deepEqual(read.paragraphs.map((paragraph) => paragraph.number.value), [1, 2, 3]);
    assert.deepEqual(read.listItems.map((item) => [item.number.value, item.reason]), [[1, 'list'], [2, 'list'], [1, 'quoted']]);
  });

  it('a dropped mark leaves a paragraph that goes on from the run a paragraph', () => {
    const read = model(['1. (C) One.', '', '2. Two, its mark dropped.', '', '3. (C) Three.'].join('\n'));
    assert.deepEqual(read.paragraphs.map((paragraph) => [paragraph.number.value, paragraph.mark?.text]), [[1, '(C)'], [2, undefined], [3, '(C)']]);
  });

  it('a head with a comma or without its space is a paragraph with the form to mend', () => {
    const read = model(['1. (C) One.', '', '2, (C) Two.', '', '3.(C) Three.'].join('\n'));
    assert.deepEqual(read.paragraphs.map((paragraph) => [paragraph.number.value, paragraph.malformedHead?.problem]), [[1, undefined], [2, 'comma'], [3, 'no-space']]);
  });

  it('prose wrapped onto a line starting (b) or -- is not a sub-paragraph or a talking point', () => {
    const read = model(['1. (C) The order allows it under the sections', '(b) and (d) of the order, and in the region', '-- in the Middle East -- it applies too.', '', '2. (C) Two.'].join('\n'));
    assert.equal(read.paragraphs[0].subParagraphs.length, 0);
    assert.equal(read.paragraphs[0].talkingPoints.length, 0);
  });

  it('a mark, a citation and an END wrapped over lines are one unit each', () => {
    const read = model(['1. (C/REL UK,', 'FRANCE) Text (REF', 'A) and more.  (Note: a note. End', 'note.)', '', '2. (C) Two.'].join('\n'));
    const mark = read.paragraphs[0].mark;
    assert.deepEqual([mark?.level, mark?.valid, mark?.range.start.line, mark?.range.end.line], ['C', true, 15, 16]);
    assert.deepEqual(read.refCitations.map((citation) => citation.letters), [['A']]);
    assert.deepEqual(read.blockProblems, []);
  });
});
