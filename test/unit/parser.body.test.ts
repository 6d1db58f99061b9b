// The parser, continued: body constructs, text forms, reported faults, long cables, the model cache.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as fs from 'node:fs';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MAX_ANALYSED_CHARS, analyseMarkInner, parse, parseOrThrow, splitLines } from '../../server/src/service/parser';
import { ModelCache } from '../../server/src/service/modelCache';
import type { CableModel, Range } from '../../server/src/service/model';
import { corpusDir, readFixture } from '../helpers';

const cable = (...lines: string[]): CableModel => parseOrThrow(lines.join('\n'));
const at = (range: Range): string => `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
/** The text a range covers in `text` (single-line ranges). */
const cover = (model: CableModel, range: Range): string => model.lines[range.start.line].slice(range.start.character, range.end.character);


describe('parser: body constructs', () => {
  it('reads paragraph heads: flush, indented, 1.(C), invalid marks and sub-labels', () => {
    const model = cable('1.(C) First.', '  2. (S/NF) Second.', '3. (X) Third.', '4. (S/ NF) Fourth.', '5. (a) Fifth.', '1234. Not a paragraph.', '6. (CC) Sixth.');
    assert.deepEqual(model.paragraphs.map((p) => p.number.value), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(model.paragraphs.map((p) => p.mark?.valid), [true, true, false, false, undefined, false]);
    assert.deepEqual(model.paragraphs[1].mark?.controls, ['NOFORN']);
    assert.match(model.paragraphs[2].mark?.problem ?? '', /not a classification level/);
    assert.match(model.paragraphs[3].mark?.problem ?? '', /whitespace/);
    assert.equal(model.paragraphs[0].title, 'First.');
    assert.equal(model.marks.length, 5);
  });

  it('does not take wrapped numbers or initials at a line start for heads', () => {
    const model = cable('1. (C) The talks began on May', '15. They went on for days with President George', 'W. Bush attending.', '', '2. Next paragraph.');
    assert.deepEqual(model.paragraphs.map((p) => p.number.value), [1, 2]);
    assert.deepEqual(model.paragraphs[0].subParagraphs, []);
    assert.equal(model.paragraphs[0].range.end.line, 2);
    // After a finished sentence, or as the next number, an unmarked head still counts.
    assert.deepEqual(cable('1. First.', '2. Second', '3. Third').paragraphs.map((p) => p.number.value), [1, 2, 3]);
  });

  it('validates portion-mark controls', () => {
    assert.deepEqual(analyseMarkInner('S//NF').controls, ['NOFORN']);
    assert.deepEqual(analyseMarkInner('C/REL NATO').controls, ['REL NATO']);
    assert.deepEqual(analyseMarkInner('S/Rel to Ukraine').controls, ['REL UKRAINE']);
    assert.deepEqual(analyseMarkInner('S//FGI//NF').controls, ['FGI', 'NOFORN']);
    assert.deepEqual(analyseMarkInner('sbu/nf'), { level: 'SBU', controls: ['NOFORN'], problem: undefined });
    assert.deepEqual(analyseMarkInner('U//FOUO').controls, ['FOUO']);
    assert.deepEqual(analyseMarkInner('S/OC/PR').controls, ['ORCON', 'PROPIN']);
    assert.match(analyseMarkInner('S/XYZ').problem ?? '', /not a known dissemination control/);
    assert.equal(analyseMarkInner('TS').level, 'TS');
  });

  it('reads lettered and deeper sub-paragraphs with ranges', () => {
    const model = cable('3. (C) Guidance:', '', 'A. (C) FIRST', 'text of A', '', '1B. SECOND', '(a) deeper', '(1) deepest', '', '4. (U) Next.');
    const subs = model.paragraphs[0].subParagraphs;
    assert.deepEqual(subs.map((sub) => [sub.label.text, sub.letter, sub.malformedPrefix]), [
      ['A', 'A', undefined],
      ['1B', 'B', '1'],
      ['(a)', 'a', undefined],
      ['(1)', '1', undefined],
    ]);
    assert.equal(at(subs[0].range), '2:0-3:9');
    assert.equal(at(model.paragraphs[0].range), '0:0-7:11');
    assert.equal(subs[0].mark?.text, '(C)');
  });

  it('reads talking points with leading, trailing and missing marks', () => {
    const model = cable(
      '1. (C) Points:',
      '-- (S) Leading mark point.',
      '-- Trailing mark point',
      'over two lines. (C)',
      '- Unmarked point.',
      '----',
      '-- Trailing (EU)',
    );
    const points = model.paragraphs[0].talkingPoints;
    assert.deepEqual(points.map((point) => [point.dash.text, point.mark?.text, point.markPosition]), [
      ['--', '(S)', 'leading'],
      ['--', '(C)', 'trailing'],
      ['-', undefined, undefined],
      ['--', undefined, undefined],
    ]);
    assert.equal(at(points[1].range), '2:0-3:19');
  });

  it('continues a talking point over a blank line only when it plainly does not end', () => {
    const model = cable('1. (C) Points:', '', '--Remind Partners that we have circulated', '', 'proposals on outreach. (C)', '', '--Complete point.', '', 'Other text.');
    const points = model.paragraphs[0].talkingPoints;
    assert.equal(points.length, 2);
    assert.equal(points[0].mark?.text, '(C)');
    assert.equal(at(points[0].range), '2:0-4:26');
    assert.equal(points[1].range.end.line, 6);
    const stops = cable('1. (C) Points:', '--An unfinished point', '', '--Next point (C)').paragraphs[0].talkingPoints;
    assert.equal(stops.length, 2);
    assert.equal(stops[0].mark, undefined);
  });

  it('makes text lines with marks into text portions', () => {
    const model = cable('1. (C) Head.', '', '(BACKGROUND: some text', 'more text. END BACKGROUND.) (C)', '', '(S) Leading text.', 'Unmarked.');
    const texts = model.portions.filter((portion) => portion.kind === 'text');
    assert.deepEqual(texts.map((text) => [text.mark?.text, text.markPosition, at(text.range)]), [
      ['(C)', 'trailing', '2:0-3:31'],
      ['(S)', 'leading', '5:0-6:9'],
    ]);
    assert.deepEqual(model.blocks.map((block) => block.kind), ['BACKGROUND']);
  });

  it('pairs blocks and reports unclosed, unopened and crossed ones', () => {
    const good = cable('1. (C) BEGIN GUIDANCE:', 'NOTE: a note. END NOTE.', 'BEGIN TEXT', 'text', 'END TEXT', 'end guidance.');
    assert.deepEqual(good.blocks.map((block) => block.kind), ['GUIDANCE', 'NOTE', 'TEXT']);
    assert.deepEqual(good.blockProblems, []);
    assert.equal(at(good.blocks[0].range), '0:7-5:13');
    const unclosed = cable('1. (C) BEGIN TALKING POINTS', 'point');
    assert.deepEqual(unclosed.blockProblems.map((p) => [p.problem, p.kind]), [['unclosed', 'TALKING POINTS']]);
    const unopened = cable('1. (C) Text.', '', '2. (C) More text. END SUMMARY.');
    assert.deepEqual(unopened.blockProblems.map((p) => [p.problem, p.kind, p.span.text]), [['unopened', 'SUMMARY', 'END SUMMARY.']]);
    // In the first paragraph with no `Summary:`, the paragraph was the summary, as real cables write it.
    const implicitSummary = cable('1. (C) Text. END SUMMARY.');
    assert.deepEqual(implicitSummary.blockProblems, []);
    assert.deepEqual(implicitSummary.blocks.map((block) => [block.kind, block.close?.text]), [['SUMMARY', 'END SUMMARY.']]);
    // A parenthetical closes at its own parenthesis, on a later line too, or at its END wrapped over two lines.
    const parenthetical = cable('1. (C) Text (Note: a note that', 'runs on (with an aside) to here.) More.', '', '2. (C) Text (Comment: x. End', 'comment.) Done.');
    assert.deepEqual(parenthetical.blockProblems, []);
    assert.deepEqual(parenthetical.blocks.map((block) => [block.kind, block.close?.text]), [['NOTE', ')'], ['COMMENT', 'End\ncomment.)']]);
    const crossed = cable('BEGIN TEXT', '(BACKGROUND: x', 'END TEXT', 'END BACKGROUND.)');
    assert.deepEqual(crossed.blockProblems.map((p) => [p.problem, p.kind]), [['crossed', 'BACKGROUND'], ['unopened', 'BACKGROUND']]);
    // A casual `Note:` mid-sentence opens nothing; a leftover `Comment:` heading is not an error.
    assert.deepEqual(cable('1. (U) We took note: the text is here. END NOTE.').blockProblems.map((p) => p.problem), ['unopened']);
    assert.deepEqual(cable('1. (U) Comment: this stays open.').blockProblems, []);
    const summary = cable('SUMMARY', '-------', '1. (U) Text. END SUMMARY.');
    assert.deepEqual(summary.blockProblems, []);
    assert.deepEqual(summary.blocks.map((block) => block.kind), ['SUMMARY']);
  });

  it('reads every REF citation form', () => {
    const model = cable(
      '1. (C) As in REF C and (REF A), ref a, REFS D-J, REFS A AND B,',
      'ref A and B, per ref B, REFTEL, REFTELS, septel, reform, refer.',
      'REF: is a header keyword',
    );
    assert.deepEqual(
      model.refCitations.map((citation) => [citation.text, citation.letters.join(''), citation.reftel]),
      [
        ['REF C', 'C', false],
        ['REF A', 'A', false],
        ['ref a', 'A', false],
        ['REFS D-J', 'DEFGHIJ', false],
        ['REFS A AND B', 'AB', false],
        ['ref A and B', 'AB', false],
        ['ref B', 'B', false],
        ['REFTEL', '', true],
        ['REFTELS', '', true],
      ],
    );
    const dj = model.refCitations[3];
    assert.equal(dj.parts.length, 1);
    assert.equal(dj.parts[0].from.letter, 'D');
    assert.equal(dj.parts[0].to?.letter, 'J');
    assert.equal(at(dj.parts[0].to!.range), '0:46-0:47');
  });

  it('reads every paragraph cross-reference form', () => {
    const model = cable('1. (U) see paragraph 3, para 5, paras 4-6, paragraphs 2 and 3,', 'para 3.B and PARA 3 B, para. 7.');
    assert.deepEqual(
      model.paragraphXrefs.map((xref) => [xref.text, xref.numbers]),
      [
        ['paragraph 3', [3]],
        ['para 5', [5]],
        ['paras 4-6', [4, 5, 6]],
        ['paragraphs 2 and 3', [2, 3]],
        ['para 3.B', [3]],
        ['PARA 3 B', [3]],
        ['para. 7', [7]],
      ],
    );
    assert.equal(model.paragraphXrefs[4].parts[0].from.sub?.letter, 'B');
    assert.equal(model.paragraphXrefs[5].parts[0].from.sub?.letter, 'B');
    assert.equal(at(model.paragraphXrefs[2].parts[0].to!.range), '0:40-0:41');
  });

  it('finds the signature and NNNN', () => {
    const model = cable('1. (U) Text.', 'more text', 'CLINTON', '', 'NNNN');
    assert.equal(model.signature?.text, 'CLINTON');
    assert.equal(model.end?.text, 'NNNN');
    assert.equal(model.paragraphs[0].range.end.line, 1);
  });
});

describe('parser: text forms and robustness', () => {
  it('maps ranges through link artifacts and lists them', () => {
    const model = cable('TAGS: [PREL](#) PGOV', '', '[1](#). (C) Text per [REF B](#).', '[A](#). Sub.');
    assert.equal(cover(model, model.tags!.tags[0].range), 'PREL');
    assert.equal(at(model.tags!.tags[1].range), '0:16-0:20');
    assert.equal(cover(model, model.paragraphs[0].number.range), '1');
    assert.equal(cover(model, model.paragraphs[0].mark!.range), '(C)');
    assert.equal(cover(model, model.refCitations[0].range), 'REF B');
    assert.deepEqual(model.artifacts.map((artifact) => [artifact.text, artifact.inner.text, at(artifact.inner.range)]), [
      ['[PREL](#)', 'PREL', '0:7-0:11'],
      ['[1](#)', '1', '2:1-2:2'],
      ['[REF B](#)', 'REF B', '2:22-2:27'],
      ['[A](#)', 'A', '3:1-3:2'],
    ]);
    assert.equal(model.paragraphs[0].subParagraphs[0].letter, 'A');
  });

  it('handles CRLF, a BOM, tabs and lower case', () => {
    const crlf = parseOrThrow('SUBJECT: X\r\n\r\n1. (C) Text.\r\n2. (U) More.\r\n');
    assert.equal(crlf.eol, '\r\n');
    assert.deepEqual(crlf.lines.slice(0, 3), ['SUBJECT: X', '', '1. (C) Text.']);
    assert.equal(at(crlf.paragraphs[0].range), '2:0-2:12');
    assert.equal(parseOrThrow('a\nb').eol, '\n');
    const bom = parseOrThrow('\uFEFFTAGS: PREL PGOV\nSUBJECT: X');
    assert.equal(at(bom.tags!.keyword.range), '0:1-0:5');
    assert.equal(at(bom.tags!.tags[0].range), '0:7-0:11');
    assert.equal(bom.lines[0], '\uFEFFTAGS: PREL PGOV');
    const tabs = cable('TAGS:\tPREL\tPGOV', 'SUBJECT:\tX', '', '1.\t(C)\tText.');
    assert.deepEqual(tabs.tags?.tags.map((tag) => tag.code), ['PREL', 'PGOV']);
    assert.equal(tabs.paragraphs[0].mark?.text, '(C)');
    const lower = cable('p r 102030z oct 08', 'fm secstate washdc', 'to amembassy paris priority', '', 'c o n f i d e n t i a l state 109154', '', 'e.o. 12958: decl: 10/31/2033', 'tags: prel', 'subject: x', '', 'ref: a. state 1', 'b. state 2', '', 'classified by: x, reason 1.4 (b)', '', '1. (c) text per refs a and b.');
    assert.equal(lower.precedence?.dtg?.month, 10);
    assert.deepEqual(lower.addresses.map((block) => block.keyword.kind), ['FM', 'TO']);
    assert.equal(lower.banner?.level, 'C');
    assert.equal(lower.eo?.instruction?.kind, 'date');
    assert.deepEqual(lower.tags?.tags.map((tag) => tag.code), ['PREL']);
    assert.equal(lower.refs?.entries.length, 1);
    assert.equal(lower.classifiedBy?.letters[0].letter, 'b');
    assert.equal(lower.paragraphs[0].mark?.level, 'C');
    assert.deepEqual(lower.refCitations[0].letters, ['A', 'B']);
  });

  it('never throws on garbage', () => {
    const inputs = [
      '',
      '\n',
      '('.repeat(100000),
      ')'.repeat(1000) + '('.repeat(1000),
      'REF '.repeat(50000),
      String.fromCharCode(...Array.from({ length: 5000 }, (_, i) => (i * 7919) % 65536)),
      '\u0000\u0001\uFFFF\uD800 1. (C) \r\r\n-- (S)\n[](#)[x](#)[[[(#)',
      '1.\n2.\nA.\n(a)\n--\n-\nREF:\nTAGS:\nSUBJECT:\nClassified By:\nE.O.\nNNNN',
      'BEGIN NOTE: END NOTE. '.repeat(1000),
      'para 1 and 2 and '.repeat(1000),
    ];
    for (const input of inputs) {
      const model = parseOrThrow(input);
      assert.ok(Array.isArray(model.lines));
      assert.ok(parse(input));
    }
    // Not a string at all: the defensive wrapper still returns a model.
    assert.deepEqual(parse(undefined as unknown as string).paragraphs, []);
  });

  // Speed is measured in bench/, not asserted here: this checks the size limit's behaviour.
  it('parses a 1 MB cable in full, and truncates above 5 MB at a whole line', () => {
    const seed = readFixture('seed.cable').split('\n');
    const body = seed.slice(33, 100).join('\n');
    let text = seed.slice(0, 33).join('\n');
    while (text.length < 1_000_000) text += '\n' + body;
    const model = parseOrThrow(text);
    assert.ok(model.paragraphs.length > 500);
    assert.equal(model.truncatedAtLine, undefined);
    const huge = text.repeat(Math.ceil((MAX_ANALYSED_CHARS + 1) / text.length));
    const truncated = parseOrThrow(huge);
    assert.ok(truncated.truncatedAtLine !== undefined && truncated.truncatedAtLine < truncated.lines.length);
    const analysed = truncated.lines.slice(0, truncated.truncatedAtLine).reduce((sum, line) => sum + line.length + 1, 0);
    assert.ok(analysed <= MAX_ANALYSED_CHARS);
    assert.ok(truncated.paragraphs.every((p) => p.range.end.line < truncated.truncatedAtLine!));
  });
});

describe('parser: reported faults', () => {
  const corpusCable = (name: string): CableModel => parseOrThrow(fs.readFileSync(path.join(corpusDir, `${name}.cable`), 'utf8'));

  it('keeps reason letters outside a-h in parentheses, for the rules to judge', () => {
    const letters = (...lines: string[]) => cable(...lines).classifiedBy?.letters.map((l) => l.letter);
    assert.deepEqual(letters('Classified By: EUR/WE Director Jane Doe.', 'Reason: 1.4 (b), (k).'), ['b', 'k']);
    assert.deepEqual(letters('Classified By: X for reasons 1.4 (B and K)'), ['b', 'k']);
    assert.deepEqual(letters('Classified By: X, Reasons 1.4', '(b) and (z).'), ['b', 'z']);
    const k = cable('Classified By: X.', 'Reason: 1.4 (b), (k).').classifiedBy!.letters[1];
    assert.equal(at(k.range), '1:18-1:19');
    // A bare single letter outside a-h is prose, not a category.
    assert.deepEqual(letters('Classified By: X, Reasons 1.4 (b) and (d) I think'), ['b', 'd']);
  });

  it('ends the reason before paragraph 1 when it starts on the Classified By line (09TRIPOLI65, 09TRIPOLI686)', () => {
    for (const [name, markText] of [['09TRIPOLI65', '(C/NF)'], ['09TRIPOLI686', '(C)']]) {
      const model = corpusCable(name);
      const classifiedBy = model.classifiedBy!;
      assert.equal(classifiedBy.reasonText?.text, '1.4 (b), (d)', name);
      assert.deepEqual(classifiedBy.letters.map((l) => l.letter), ['b', 'd'], name);
      assert.ok(classifiedBy.text.endsWith('REASON: 1.4 (b), (d)'), name);
      const first = model.paragraphs[0];
      assert.equal(first.number.value, 1, name);
      assert.equal(first.mark?.text, markText, name);
      assert.equal(first.range.start.line, classifiedBy.range.start.line, name);
      assert.equal(first.range.start.character, classifiedBy.range.end.character + 1, name);
      assert.ok(first.title.startsWith('Summary:'), name);
      assert.deepEqual(model.paragraphs.map((p) => p.number.value), [1, 2, 3, 4, 5, 6], name);
    }
    // In 09TRIPOLI65 the block is in the header, which then ends where the block does.
    const model = corpusCable('09TRIPOLI65');
    assert.deepEqual(model.headerRange?.end, model.classifiedBy!.range.end);
  });

  it('starts a paragraph after the reason only in the marked head form', () => {
    const inline = cable('SUBJECT: X', '', 'Classified By: X. Reason: 1.4 (b), (d). 1. (C) Summary: text.', '', '2. (C) More.');
    assert.equal(inline.classifiedBy?.reasonText?.text, '1.4 (b), (d).');
    assert.deepEqual(inline.paragraphs.map((p) => [p.number.value, p.mark?.text, at(p.range)]), [[1, '(C)', '2:40-2:61'], [2, '(C)', '4:0-4:12']]);
    // The reason on its own line, paragraph 1 on the next: the reason ends at its line.
    const nextLine = cable('SUBJECT: X', '', 'CLASSIFIED BY: X', 'REASON: 1.4 (b), (d)', '1. (C/NF) Summary: text.');
    assert.equal(nextLine.classifiedBy?.reasonText?.text, '1.4 (b), (d)');
    assert.equal(at(nextLine.paragraphs[0].range), '4:0-4:24');
    // Inside a paragraph (`2. (U) Classified by ...`), the next head closes it at the cut.
    const inParagraph = cable('1. (U) Text.', '2. (U) Classified by X, Reasons 1.4 (b) and (d). 3. (U) Next.');
    assert.deepEqual(inParagraph.paragraphs.map((p) => [p.number.value, at(p.range)]), [[1, '0:0-0:12'], [2, '1:0-1:48'], [3, '1:49-1:61']]);
    // No mark, or prose after the letters: no paragraph, and the reason text runs on as before.
    assert.deepEqual(cable('SUBJECT: X', '', 'Classified By: X, Reason 1.4 (b) and (d). 1. Summary').paragraphs, []);
    assert.deepEqual(cable('SUBJECT: X', '', 'Classified By: X, Reason 1.4 (b) and (d). 2. (EU) is not').paragraphs, []);
  });

  it('reads an E.O. line that follows captions on the same line (10BRASILIA108)', () => {
    const model = corpusCable('10BRASILIA108');
    assert.deepEqual(model.captions.map((caption) => [caption.name, at(caption.range)]), [['SENSITIVE', '14:0-14:9'], ['SIPDIS', '15:0-15:6']]);
    assert.equal(model.eo?.text, 'E.O. 12958: N/A');
    assert.equal(at(model.eo!.range), '15:7-15:22');
    assert.equal(at(model.eo!.keyword.range), '15:7-15:11');
    assert.equal(model.eo?.order?.value, 12958);
    assert.equal(model.eo?.instruction?.kind, 'na');
    assert.deepEqual(model.passingLines, []);
    const inline = cable('C O N F I D E N T I A L STATE 1', '', 'NOFORN SIPDIS DECL: 10/31/2033', 'TAGS: PREL');
    assert.deepEqual(inline.captions.map((caption) => caption.name), ['NOFORN', 'SIPDIS']);
    assert.equal(inline.eo?.instruction?.kind, 'date');
    assert.equal(at(inline.eo!.range), '2:14-2:30');
    assert.deepEqual(cable('C O N F I D E N T I A L STATE 1', '', 'PARIS E.O. 12958: N/A').captions, []);
  });

  it('reads `1.Text` as a head after a blank line, never `2.5 million` wrapped', () => {
    const model = cable('1.First paragraph with', '2.5 million people.', '', '2.Second paragraph.', '', '3.(C) Third.', 'text', '4.Wrapped is not a head');
    assert.deepEqual(model.paragraphs.map((p) => [p.number.value, p.title]), [[1, 'First paragraph with'], [2, 'Second paragraph.'], [3, 'Third.']]);
    assert.equal(at(model.paragraphs[0].range), '0:0-1:19');
    assert.equal(at(model.paragraphs[1].number.range), '3:0-3:1');
    assert.equal(model.paragraphs[2].range.end.line, 7);
    assert.deepEqual(cable('1. (U) Text', '', '2.lower case').paragraphs.map((p) => p.number.value), [1]);
  });

  it('maps element ends past an artifact and element starts before it; tokens keep the inner text', () => {
    const seed = parseOrThrow(readFixture('seed.cable'));
    const tagsLine = seed.lines[seed.tags!.range.start.line];
    assert.equal(cover(seed, seed.tags!.range), tagsLine);
    assert.equal(cover(seed, seed.tags!.lineRanges[0]), tagsLine);
    assert.equal(cover(seed, seed.tags!.tags[7].range), 'FR');
    const refB = seed.refs!.entries[1];
    assert.equal(cover(seed, refB.range), '[B](#). STATE 095573');
    assert.equal(cover(seed, refB.letterRange!), 'B');
    const first = seed.paragraphs[0];
    assert.ok(cover(seed, first.range).startsWith('[1](#). (U)'));
    assert.equal(cover(seed, first.number.range), '1');
    const model = cable('TAGS: PREL [FR](#)', 'SUBJECT: X', '', '[1](#). (U) See [REF B](#)', '', 'NOFORN [SIPDIS](#)');
    assert.equal(at(model.tags!.range), '0:0-0:18');
    assert.equal(at(model.tags!.tags[1].range), '0:12-0:14');
    assert.equal(at(model.paragraphs[0].range), '3:0-3:26');
    assert.equal(cover(model, model.refCitations[0].range), 'REF B');
  });
});

describe('parser: long cables and line breaks', () => {
  const numbered = (count: number): string[] => Array.from({ length: count }, (_, i) => `${i + 1}. (U) Item ${i + 1}.`);

  it('reads paragraph numbers up to four digits, and cross-references to them', () => {
    const model = cable(...numbered(1002), '', 'See para 1001 and paragraph 999.');
    assert.equal(model.paragraphs.length, 1002);
    assert.deepEqual(model.paragraphs.slice(-3).map((p) => p.number.value), [1000, 1001, 1002]);
    assert.equal(at(model.paragraphs[999].number.range), '999:0-999:4');
    assert.equal(model.paragraphs[1001].mark?.level, 'U');
    assert.deepEqual(model.paragraphXrefs.map((xref) => xref.numbers), [[1001], [999]]);
    // Five digits are never a head.
    assert.equal(cable('1. (U) One.', '', '12345. (U) Not a head.').paragraphs.length, 1);
  });

  it('takes a four-digit head only as the next number or with a mark, never a year', () => {
    // After a blank line or a finished sentence a short number is a head; four digits need more.
    const years = cable('1. (U) The talks ended.', '', '2008. was a hard year.', '1999. Another sentence.');
    assert.deepEqual(years.paragraphs.map((p) => p.number.value), [1]);
    assert.equal(years.paragraphs[0].range.end.line, 3);
    const marked = cable('1. (U) One.', '', '1500. (C) Marked, out of sequence.', '', '2008. (EU) prose in parentheses.');
    assert.deepEqual(marked.paragraphs.map((p) => [p.number.value, p.mark?.level]), [[1, 'U'], [1500, 'C']]);
    // The next number needs no mark: `1000.` after paragraph 999, also in the tight `1000.Text` form.
    const next = cable(...numbered(999), '', '1000. Unmarked but next.', '', '1001.Tight and next.', '', '2000.Tight, not next.');
    assert.deepEqual(next.paragraphs.slice(-2).map((p) => [p.number.value, p.title]), [[1000, 'Unmarked but next.'], [1001, 'Tight and next.']]);
  });

  it('breaks lines at CRLF, LF and a lone CR, as LSP does, and keeps the EOL of most breaks', () => {
    assert.deepEqual(splitLines('a\r\nb\rc\nd'), { lines: ['a', 'b', 'c', 'd'], eol: '\n' });
    assert.deepEqual(splitLines('a\r\nb\r\nc\rd'), { lines: ['a', 'b', 'c', 'd'], eol: '\r\n' });
    assert.deepEqual(splitLines('a\r\n\r\nb\r'), { lines: ['a', '', 'b', ''], eol: '\r\n' });
    assert.deepEqual(splitLines('\r\r\n\n'), { lines: ['', '', '', ''], eol: '\n' });
    assert.deepEqual(splitLines('no break'), { lines: ['no break'], eol: '\n' });
    const model = parseOrThrow('SUBJECT: X\r\r1. (C) Text.\r2. (U) More.\r');
    assert.deepEqual(model.lines, ['SUBJECT: X', '', '1. (C) Text.', '2. (U) More.', '']);
    assert.equal(model.eol, '\n');
    assert.deepEqual(model.paragraphs.map((p) => [p.number.value, at(p.range)]), [[1, '2:0-2:12'], [2, '3:0-3:12']]);
    // The defensive wrapper splits the same way.
    assert.deepEqual(parse('a\rb').lines, ['a', 'b']);
  });

  it('numbers lines as the LSP text document does, whatever the mix of breaks', () => {
    const texts = ['1. (C) One.\r2. (S) Two.\r\n\r\n3. (U) Three.\n', '\r\n\r\r\n\n\r', 'x\ry\r\n', readFixture('seed.cable').replace(/\n/g, '\r')];
    for (const text of texts) {
      const document = TextDocument.create('file:///t.cable', 'cable', 1, text);
      const model = parseOrThrow(text);
      assert.equal(model.lines.length, document.lineCount, JSON.stringify(text.slice(0, 40)));
      model.lines.forEach((line, index) => {
        const whole = document.getText({ start: { line: index, character: 0 }, end: { line: index + 1, character: 0 } });
        assert.equal(whole.replace(/\r?\n$|\r$/, ''), line);
      });
    }
    // A cable written with lone CRs reads like the same cable written with LF.
    const seed = readFixture('seed.cable');
    const fromCr = parseOrThrow(seed.replace(/\r?\n/g, '\r'));
    const fromLf = parseOrThrow(seed.replace(/\r?\n/g, '\n'));
    assert.deepEqual(fromCr.paragraphs.map((p) => at(p.range)), fromLf.paragraphs.map((p) => at(p.range)));
    assert.deepEqual(fromCr.marks.map((mark) => at(mark.range)), fromLf.marks.map((mark) => at(mark.range)));
  });
});

describe('ModelCache', () => {
  it('parses once per version and evicts the least recently used', () => {
    const cache = new ModelCache(2);
    let reads = 0;
    const text = () => {
      reads++;
      return '1. (U) Text.';
    };
    const first = cache.get('a', 1, text);
    assert.equal(cache.get('a', 1, text), first);
    assert.equal(reads, 1);
    assert.notEqual(cache.get('a', 2, text), first);
    assert.equal(reads, 2);
    cache.get('b', 1, text);
    cache.get('a', 2, text); // a is now most recent
    cache.get('c', 1, text); // evicts b
    assert.equal(cache.size, 2);
    const before = reads;
    cache.get('a', 2, text);
    assert.equal(reads, before);
    cache.get('b', 1, text);
    assert.equal(reads, before + 1);
    cache.delete('b');
    assert.equal(cache.size, 1);
  });

  it('holds nothing of the old version while it parses the new one', async () => {
    // A full collection on demand: a model still reachable then would be copied by every young collection
    // during the parse (on a long cable, 3 MB each time).
    v8.setFlagsFromString('--expose-gc');
    const collect = vm.runInNewContext('gc') as () => void;
    const cache = new ModelCache();
    const text = readFixture('seed.cable');
    const old = new WeakRef(cache.get('file:///a.cable', 1, () => text));
    // A WeakRef keeps its target until the current job ends.
    await new Promise((resolve) => setImmediate(resolve));
    let oldAliveDuringParse: boolean | undefined;
    const next = cache.get('file:///a.cable', 2, () => {
      collect();
      oldAliveDuringParse = old.deref() !== undefined;
      return text;
    });
    assert.equal(oldAliveDuringParse, false);
    assert.equal(cache.get('file:///a.cable', 2, () => text), next);
  });
});

describe('parser: the marks summary', () => {
  it('notes the highest valid level and the marks that are not valid', () => {
    const model = cable('1. (C) First.', '2. (S//NF) Second.', '3. (X) Third.', '4. (TS ) Fourth.');
    assert.deepEqual(model.markSummary, { highest: 'S', invalid: 2 });
    assert.equal(model.markSummary.invalid, model.marks.filter((mark) => !mark.valid || mark.level === undefined).length);
    assert.deepEqual(cable('1. Unmarked.').markSummary, { highest: undefined, invalid: 0 });
  });
});
