// Unit tests of the reference and paragraph rules CBL015-CBL020 and CBL030, on the seed, small texts and the corpus.
import { applyTextEdits } from '../../server/src/service/textEdits';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { renumberParagraphEdits } from '../../server/src/service/renumber';
import { danglingParagraphXref } from '../../server/src/service/rules/danglingParagraphXref';
import { allRules } from '../../server/src/service/rules/index';
import { paragraphNumbering } from '../../server/src/service/rules/paragraphNumbering';
import { refClassifiedHigher } from '../../server/src/service/rules/refClassifiedHigher';
import { refLettering } from '../../server/src/service/rules/refLettering';
import type { Rule } from '../../server/src/service/rules/rule';
import { singleParagraphNumbered } from '../../server/src/service/rules/singleParagraphNumbered';
import { undefinedRef } from '../../server/src/service/rules/undefinedRef';
import { unusedRef } from '../../server/src/service/rules/unusedRef';
import { CableIndex } from '../../server/src/service/workspaceIndex';
import { corpusDir, corpusFiles, readFixture } from '../helpers';
import { cable, contextFor, textOf } from './refHelpers';

const seedText = readFixture('seed.cable');
const mine: Rule[] = [paragraphNumbering, singleParagraphNumbered, undefinedRef, unusedRef, refLettering, danglingParagraphXref, refClassifiedHigher];

function findings(rule: Rule, text: string, index?: CableIndex) {
  const context = contextFor(text, index);
  return rule.check(context).map((finding) => ({ ...finding, text: textOf(context.model, finding.range) }));
}

describe('reference rules: registration', () => {
  it('lists each rule once with its fixed id and alias', () => {
    const expected: Record<string, string> = {
      CBL015: 'paragraph-numbering',
      CBL016: 'single-paragraph-numbered',
      CBL017: 'undefined-ref',
      CBL018: 'unused-ref',
      CBL019: 'ref-lettering',
      CBL020: 'dangling-paragraph-xref',
      CBL030: 'ref-classified-higher',
    };
    for (const rule of mine) {
      assert.equal(expected[rule.id], rule.alias);
      assert.equal(allRules.filter((listed) => listed === rule).length, 1, `${rule.id} listed once`);
    }
    assert.equal(paragraphNumbering.safeForFixAll, true);
    assert.deepEqual(
      mine.map((rule) => rule.defaultSeverity),
      // Severity says what a finding is (docs/rules.md): a REF never cited is style, a dangling cross-reference a likely mistake.
      ['warning', 'hint', 'error', 'info', 'warning', 'warning', 'info'],
    );
  });
});

describe('reference rules: the seed', () => {
  it('CBL015 flags 1B, 1C, 1D and 14, and its fix renumbers', () => {
    const found = findings(paragraphNumbering, seedText);
    assert.deepEqual(
      found.map((finding) => finding.text),
      ['1B', '1C', '1D', '14'],
    );
    assert.match(found[3].message, /expected 4/);
    const context = contextFor(seedText);
    const [fix] = paragraphNumbering.fixes!(found[0], context);
    assert.deepEqual(fix.edits, renumberParagraphEdits(context.model));
    assert.deepEqual(findings(paragraphNumbering, applyTextEdits(seedText, fix.edits)), []);
  });

  it('CBL018 flags the uncited REF A and REF B only; nothing else fires', () => {
    assert.deepEqual(
      findings(unusedRef, seedText).map((finding) => finding.text),
      ['A', 'B'],
    );
    for (const rule of [singleParagraphNumbered, undefinedRef, refLettering, danglingParagraphXref, refClassifiedHigher]) {
      assert.deepEqual(findings(rule, seedText), [], rule.id);
    }
  });
});

describe('reference rules: small cables', () => {
  it('CBL015 flags duplicates and letters out of sequence', () => {
    const text = cable({ body: ['1. (C) One.', '1. (C) Again.', 'A. (C) a', 'C. (C) c', '3. (C) Three.'] });
    const found = findings(paragraphNumbering, text);
    assert.deepEqual(
      found.map((finding) => [finding.text, finding.message]),
      [
        ['1', 'Paragraph 1 is numbered twice: expected 2.'],
        ['C', 'Sub-paragraph C is out of sequence in paragraph 1: expected B.'],
      ],
    );
  });

  it('CBL016 flags a numbered single paragraph only', () => {
    assert.equal(findings(singleParagraphNumbered, cable({ body: ['1. (C) Only.'] })).length, 1);
    assert.equal(findings(singleParagraphNumbered, cable({ body: ['1. (C) One.', '2. (C) Two.'] })).length, 0);
    assert.equal(findings(singleParagraphNumbered, cable({ body: ['(C) Only, not numbered.'] })).length, 0);
  });

  it('CBL017 flags undefined letters, a range with a gap, and REFTEL with several references', () => {
    const text = cable({ refs: ['A. STATE 1', 'B. STATE 2', 'D. STATE 4'], body: ['1. (C) REF Q, REFS A-D, REF B, and REFTEL.', '2. (C) REFTELS and REF D.'] });
    const found = findings(undefinedRef, text);
    assert.deepEqual(
      found.map((finding) => finding.text),
      ['Q', 'A-D', 'REFTEL'],
    );
    assert.match(found[1].message, /REF C, which is not defined/);
    const single = cable({ refs: ['STATE 95573'], body: ['1. (C) REFTEL.', '2. (C) x'] });
    assert.deepEqual(findings(undefinedRef, single), []);
  });

  it('CBL018 flags an uncited entry, counts a range as citing, and spares a single unlettered REF', () => {
    const text = cable({ refs: ['A. STATE 1', 'B. STATE 2', 'C. STATE 3', 'D. STATE 4'], body: ['1. (C) REFS B-C.', '2. (C) ref d.'] });
    assert.deepEqual(
      findings(unusedRef, text).map((finding) => finding.text),
      ['A'],
    );
    assert.deepEqual(findings(unusedRef, cable({ refs: ['STATE 95573'], body: ['1. (C) One.', '2. (C) Two.'] })), []);
  });

  it('CBL019 flags skipped and doubled letters, and its fix re-letters', () => {
    const text = cable({ refs: ['A. STATE 1', 'C. STATE 3', 'C. STATE 4', 'C. STATE 5'], body: ['1. (C) REF A, REF C.', '2. (C) x'] });
    const found = findings(refLettering, text);
    assert.deepEqual(
      found.map((finding) => finding.message),
      ['REF C is out of order: expected B.', 'REF C is lettered twice: expected D.'],
    );
    const [fix] = refLettering.fixes!(found[0], contextFor(text));
    const fixed = applyTextEdits(text, fix.edits);
    assert.match(fixed, /A\. STATE 1\nB\. STATE 3\nC\. STATE 4\nD\. STATE 5/);
    assert.match(fixed, /REF A, REF B\./);
    assert.deepEqual(findings(refLettering, fixed), []);
  });

  it('CBL020 flags a missing paragraph or sub-paragraph, not a paragraph of another document', () => {
    const text = cable({
      body: ['1. (C) See para 5, para 2.C and paras 1-4.', '2. (C) Two.', 'A. (C) a', 'B. (C) b', '4. (C) Per paragraph 7 of reftel, Article 4 paragraph 9, and REF A para 8.'],
    });
    const found = findings(danglingParagraphXref, text);
    assert.deepEqual(
      found.map((finding) => finding.text),
      ['5', '2.C', '1-4'],
    );
    assert.deepEqual(findings(danglingParagraphXref, cable({ body: ['(C) See para 5 of the treaty.'] })), []);
  });

  it('CBL030 flags a REF to an indexed cable classified above the banner', () => {
    const index = new CableIndex();
    const secret = cable({ banner: 'S E C R E T STATE 2', body: ['1. (S) Secret.', '2. (S) x'] });
    const unclassified = cable({ banner: 'UNCLAS STATE 3', body: ['1. (U) Open.', '2. (U) x'] });
    index.update('file:///w/secret.cable', secret);
    index.update('file:///w/open.cable', unclassified);
    const citing = cable({ refs: ['A. STATE 2', 'B. STATE 3'], body: ['1. (C) REFS A AND B.', '2. (C) x'] });
    const found = findings(refClassifiedHigher, citing, index);
    assert.deepEqual(
      found.map((finding) => finding.text),
      ['STATE 2'],
    );
    assert.match(found[0].message, /SECRET, above this cable's CONFIDENTIAL banner/);
    assert.deepEqual(findings(refClassifiedHigher, citing), [], 'no workspace, no finding');
  });
});

describe('reference rules: the corpus', () => {
  const files = corpusFiles();
  const texts = files.map((file) => fs.readFileSync(path.join(corpusDir, file), 'utf8'));

  it('run on every corpus cable without throwing', () => {
    for (const text of texts) for (const rule of mine) assert.doesNotThrow(() => rule.check(contextFor(text)));
  });

  it('find no dangling cross-reference in released cables (references to other documents are spared)', () => {
    texts.forEach((text, at) => assert.deepEqual(findings(danglingParagraphXref, text), [], files[at]));
  });

  it('do not renumber a web copy whose paragraph 1 ran onto the Classified By line', () => {
    for (const file of ['09TRIPOLI65.cable', '09TRIPOLI686.cable']) {
      assert.deepEqual(findings(paragraphNumbering, texts[files.indexOf(file)]), [], file);
    }
  });

  it('re-lettering and renumbering every corpus cable is idempotent', () => {
    for (const text of texts) {
      const once = applyTextEdits(text, renumberParagraphEdits(contextFor(text).model));
      assert.deepEqual(renumberParagraphEdits(contextFor(once).model), []);
    }
  });
});
