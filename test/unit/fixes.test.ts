// Quick fixes of the issue-3 rules (the text after each fix), fix-all (safe, idempotent, keeps the
// classification and the words), and the source actions offered through codeActions.
import { applyTextEdits } from '../../server/src/service/textEdits';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { TextEdit } from 'vscode-languageserver-types';
import { FIX_ALL_KIND, mergeEdits, RENUMBER_KIND } from '../../server/src/service/codeActions';
import { parse } from '../../server/src/service/parser';
import { renumberParagraphEdits } from '../../server/src/service/renumber';
import { corpusDir, corpusFiles, fixturesDir, seedPath } from '../helpers';
import { fixtureText } from './markedFixtures';
import { applyFix, diagnosticsOf, quickFixesFor, serviceFor, testUri } from './serviceHelpers';

const rulesFixtures = path.join(fixturesDir, 'rules');
const fixture = (name: string) => fixtureText(path.join(rulesFixtures, `${name}.cable`));
const classified = fixture('clean-classified');
const unclassified = fixture('clean-unclassified');
const seed = fs.readFileSync(seedPath, 'utf8');

function fixAll(text: string): string {
  const { service, document } = serviceFor(text);
  return applyTextEdits(text, service.fixAllEdits(document));
}

describe('quick fixes', () => {
  it('CBL001: inserts (U) after "1." in an unclassified cable, and (U) is preferred', () => {
    const text = unclassified.replace('1. (U) French', '1. French');
    const actions = quickFixesFor(text, 'CBL001');
    assert.deepEqual(actions.map((action) => action.title), ['Insert (U) after "1."']);
    assert.equal(actions[0].isPreferred, true);
    assert.equal(actions[0].kind, 'quickfix');
    assert.equal(applyFix(text, 'CBL001'), unclassified);
  });

  it('CBL001: offers each level from (U) up to the banner in a classified cable, none preferred', () => {
    const text = classified.replace('1. (C) Embassy', '1. Embassy');
    const actions = quickFixesFor(text, 'CBL001');
    assert.deepEqual(actions.map((action) => action.title), ['Insert (U) after "1."', 'Insert (SBU) after "1."', 'Insert (C) after "1."']);
    assert.ok(actions.every((action) => !action.isPreferred));
    assert.equal(applyFix(text, 'CBL001', 'Insert (C) after "1."'), classified);
  });

  it("CBL001: a sub-paragraph is offered its parent's mark first", () => {
    const text = classified
      .replace('C O N F I D E N T I A L STATE', 'S E C R E T STATE')
      .replace('SIPDIS\n', 'NOFORN\nSIPDIS\n')
      .replace('2. (U) Please', '2. (S/NF) Please')
      .replace('A. (C) First', 'A. First');
    // Sub-paragraphs need their own mark only where the office's guide says so (marking.bullets).
    const require = { bulletMarks: 'require' } as const;
    const actions = quickFixesFor(text, 'CBL001', require);
    assert.equal(actions[0].title, 'Insert (S/NF) after "A."');
    assert.equal(applyFix(text, 'CBL001', 'Insert (S/NF) after "A."', require), text.replace('A. First', 'A. (S/NF) First'));
  });

  it('CBL001: appends the mark to a talking point, and keeps a web-copy number as written', () => {
    const point = classified.replace('--Note our interest in the plenary. (C)', '--Note our interest in the plenary.');
    assert.equal(applyFix(point, 'CBL001', 'Append (C) to the end of the talking point', { bulletMarks: 'require' }), classified);
    const webCopy = unclassified.replace('1. (U) French', '[1](#). French');
    assert.equal(applyFix(webCopy, 'CBL001'), unclassified.replace('1. (U) French', '[1](#). (U) French'));
  });

  it('CBL002: raises a spaced banner, and a plain one, keeping the style', () => {
    const spaced = classified.replace('2. (U) Please', '2. (S) Please');
    assert.equal(applyFix(spaced, 'CBL002'), spaced.replace('C O N F I D E N T I A L STATE', 'S E C R E T STATE'));
    const plain = spaced.replace('C O N F I D E N T I A L STATE', 'CONFIDENTIAL STATE');
    const actions = quickFixesFor(plain, 'CBL002');
    assert.equal(actions[0].title, 'Raise the banner from CONFIDENTIAL to SECRET');
    assert.equal(applyFix(plain, 'CBL002'), plain.replace('CONFIDENTIAL STATE', 'SECRET STATE'));
  });

  it('CBL003: lowers the banner to the highest portion', () => {
    const text = classified.replace('C O N F I D E N T I A L STATE', 'S E C R E T STATE');
    assert.equal(applyFix(text, 'CBL003'), classified);
  });

  it('CBL004: adds the NOFORN caption line below the banner captions', () => {
    const text = classified.replace('1. (C) Embassy', '1. (C/NF) Embassy');
    assert.equal(applyFix(text, 'CBL004', 'Add the caption line NOFORN below the banner'), text.replace('SIPDIS\n', 'SIPDIS\nNOFORN\n'));
  });

  it('CBL006: inserts the mark after SUBJECT:', () => {
    const text = classified.replace('SUBJECT: (C) FRENCH', 'SUBJECT: FRENCH');
    assert.equal(applyFix(text, 'CBL006', 'Insert (C) after "SUBJECT:"'), classified);
  });

  it('CBL007: inserts Classified By and Reason placeholders before paragraph 1', () => {
    const text = classified.replace('Classified By: EUR/WE Director Jane Doe.\nReason: 1.4 (b), (d).\n\n', '');
    const fixed = applyFix(text, 'CBL007');
    assert.equal(fixed, text.replace('1. (C) Embassy', 'Classified By: <name>, <position>.\nReason: 1.4 (<letter>).\n\n1. (C) Embassy'));
    assert.ok(!diagnosticsOf(fixed).some((d) => d.code === 'CBL007'), 'the block is there now');
  });

  it('CBL010: replaces N/A with a DECL date 10 years after the DTG', () => {
    const text = classified.replace('E.O. 13526: DECL: 03/15/2020', 'E.O. 13526: N/A');
    assert.equal(applyFix(text, 'CBL010'), classified);
  });

  it('CBL013: inserts the E.O. line before TAGS, or replaces a date by N/A on an unclassified cable', () => {
    const missing = classified.replace('E.O. 13526: DECL: 03/15/2020\n', '');
    assert.equal(applyFix(missing, 'CBL013'), classified);
    const dated = fixture('cbl013-date-on-unclassified');
    assert.equal(applyFix(dated, 'CBL013', 'Replace "DECL: 03/15/2020" with "N/A"'), unclassified);
  });

  it('CBL026: unwraps one artifact, or all of them', () => {
    const text = fixture('cbl026-trigger');
    const actions = quickFixesFor(text, 'CBL026');
    assert.ok(actions.some((action) => action.title === 'Replace [PREL](#) with PREL' && action.isPreferred));
    assert.equal(applyFix(text, 'CBL026', 'Replace [PREL](#) with PREL'), text.replace('[PREL](#)', 'PREL'));
    assert.equal(applyFix(text, 'CBL026', /all 2 web-copy artifacts/), classified);
  });

  it('CBL027: adds the SENSITIVE caption', () => {
    const text = fixture('cbl027-trigger');
    assert.equal(applyFix(text, 'CBL027'), text.replace('SIPDIS\n', 'SIPDIS\nSENSITIVE\n'));
  });

  it('offers no fix where judgement is needed (CBL005 invalid mark, CBL014 top secret)', () => {
    assert.deepEqual(quickFixesFor(fixture('cbl005-trigger'), 'CBL005'), []);
    assert.deepEqual(quickFixesFor(fixture('cbl014-trigger'), 'CBL014'), []);
  });

  it('ignores diagnostics from other sources', () => {
    const { service, document } = serviceFor(fixture('cbl027-trigger'));
    const [diagnostic] = service.diagnostics(document).filter((d) => d.code === 'CBL027');
    assert.deepEqual(service.codeActions(document, { range: diagnostic.range, diagnostics: [{ ...diagnostic, source: 'other' }] }), []);
  });
});

describe('fix-all', () => {
  it('removes every web-copy artifact of the seed and keeps its words', () => {
    const fixed = fixAll(seed);
    assert.ok(!fixed.includes('](#)'));
    assert.ok(fixed.includes('TAGS: MTCRE PARM PREL MNUC KSCA TSPA ETTC FR'));
    assert.ok(fixed.includes('\nB. STATE 095573'));
  });

  it('adds the SENSITIVE caption, and applies no fix that needs judgement', () => {
    const text = fixture('cbl027-trigger').replace('2. (U) Reporting', '2. Reporting');
    const fixed = fixAll(text);
    assert.equal(fixed, text.replace('SIPDIS\n', 'SIPDIS\nSENSITIVE\n'), 'the unmarked paragraph 2 stays unmarked');
  });

  it('is idempotent and never changes a classification, on the seed, the corpus and the fixtures', () => {
    const texts = [seed, ...corpusFiles().map((file) => fs.readFileSync(path.join(corpusDir, file), 'utf8'))];
    for (const name of fs.readdirSync(rulesFixtures).filter((file) => file.endsWith('.cable'))) texts.push(fixtureText(path.join(rulesFixtures, name)));
    for (const text of texts) {
      const once = fixAll(text);
      assert.equal(fixAll(once), once);
      const before = parse(text);
      const after = parse(once);
      assert.equal(after.banner?.level, before.banner?.level);
      assert.deepEqual(
        after.marks.map((mark) => mark.text),
        before.marks.map((mark) => mark.text),
      );
    }
  });

  it('property: unwrapping artifacts wrapped around any words gives the clean text back', () => {
    const words = [...classified.matchAll(/[A-Za-z]+/g)].map((match) => match.index!);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: words.length - 1 }), { maxLength: 12 }), (picked) => {
        let text = classified;
        for (const index of [...picked].sort((a, b) => b - a)) {
          const start = words[index];
          const word = /^[A-Za-z]+/.exec(text.slice(start))![0];
          text = `${text.slice(0, start)}[${word}](#)${text.slice(start + word.length)}`;
        }
        const fixed = fixAll(text);
        assert.equal(fixed, fixAll(fixed));
        assert.equal(fixed.replace(/\[([A-Za-z]+)\]\(#\)/g, '$1'), classified.replace(/\[([A-Za-z]+)\]\(#\)/g, '$1'));
      }),
      { numRuns: 40 },
    );
  });

  it('merges edits, dropping any that overlap one already taken', () => {
    const edit = (line: number, from: number, to: number, newText: string): TextEdit => ({ range: { start: { line, character: from }, end: { line, character: to } }, newText });
    const merged = mergeEdits([[edit(0, 0, 4, 'a')], [edit(0, 2, 6, 'b')], [edit(0, 4, 4, 'c')], [edit(1, 0, 1, 'd')]]);
    assert.deepEqual(merged.map((e) => e.newText), ['a', 'c', 'd']);
  });

  it('skips rules turned off', () => {
    const text = fixture('cbl027-trigger');
    const { service, document } = serviceFor(text, { rules: { 'sbu-caption': 'off' } });
    assert.deepEqual(service.fixAllEdits(document), []);
  });
});

describe('source actions', () => {
  it('answers source.fixAll and source.fixAll.cable with the fix-all action, not a quickfix request', () => {
    const { service, document } = serviceFor(seed);
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    for (const only of [['source.fixAll'], [FIX_ALL_KIND], ['source']]) {
      const actions = service.codeActions(document, { range, diagnostics: [], only });
      const fixAllAction = actions.find((action) => action.kind === FIX_ALL_KIND);
      assert.ok(fixAllAction, only.join());
      assert.equal(applyTextEdits(seed, fixAllAction.edit!.changes![testUri]), fixAll(seed));
    }
    assert.deepEqual(service.codeActions(document, { range, diagnostics: [], only: ['quickfix'] }), []);
    const clean = serviceFor(classified);
    assert.ok(!clean.service.codeActions(clean.document, { range, diagnostics: [], only: ['source.fixAll'] }).some((action) => action.kind === FIX_ALL_KIND));
  });

  it('offers Renumber paragraphs exactly when renumbering has edits', () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    for (const text of [seed, classified]) {
      const { service, document } = serviceFor(text);
      const action = service.codeActions(document, { range, diagnostics: [], only: ['source'] }).find((candidate) => candidate.kind === RENUMBER_KIND);
      const edits = renumberParagraphEdits(parse(text));
      assert.equal(Boolean(action), edits.length > 0);
      if (action) assert.deepEqual(action.edit!.changes![testUri], edits);
    }
  });
});

describe('fixes at the end of the document', () => {
  // A header whose last line has no line break: an inserted line goes after that line, never on a line past the end.
  const insideDocument = (text: string, ruleId: string) => {
    const lineCount = text.split(/\r\n|\r|\n/).length;
    for (const action of quickFixesFor(text, ruleId)) {
      for (const edit of Object.values(action.edit!.changes!).flat()) {
        assert.ok(edit.range.start.line < lineCount && edit.range.end.line < lineCount, `${action.title}: ${JSON.stringify(edit.range)} in ${lineCount} lines`);
      }
    }
  };

  it('CBL007 inserts the Classified By block after a last SUBJECT line without a line break', () => {
    insideDocument('SUBJ:(C)', 'CBL007');
    const fixed = applyFix('SUBJ:(C)', 'CBL007');
    assert.ok(fixed.startsWith('SUBJ:(C)\n\nClassified By: '), fixed);
    assert.match(fixed, /\nReason: .+\.$/);
  });

  it('CBL013 inserts the E.O. line after a last header line without a line break', () => {
    const text = 'O 101200Z OCT 08 \nUNCLAS EFTO ';
    insideDocument(text, 'CBL013');
    assert.match(applyFix(text, 'CBL013'), /^O 101200Z OCT 08 \nUNCLAS EFTO \nE\.O\. 13526: N\/A$/);
  });
});

describe('fix-all with a whole-document fix', () => {
  it('renumbers once however many paragraphs are out of sequence', () => {
    const text = `${unclassified.split('\n1. ')[0]}\n${Array.from({ length: 300 }, () => '1. (U) Text.\n').join('\n')}`;
    const { service, document } = serviceFor(text);
    const edits = service.fixAllEdits(document);
    const fixed = applyTextEdits(text, edits);
    const numbers = fixed.split('\n').filter((line) => /^\d+\. \(U\) Text\.$/.test(line)).map((line) => Number(line.split('.')[0]));
    assert.deepEqual(numbers, Array.from({ length: 300 }, (_, index) => index + 1));
  });
});
