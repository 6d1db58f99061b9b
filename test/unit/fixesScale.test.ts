// Fix-all at scale: the pieces that keep it O(n log n) (one sorted sweep in mergeEdits, one pass in
// applyToLines, each safe rule's edits collected once) give the same results as the simple versions.
import { applyTextEdits } from '../../server/src/service/textEdits';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { TextEdit } from 'vscode-languageserver-types';
import { mergeEdits } from '../../server/src/service/codeActions';
import { applyTextEditsToLines } from '../../server/src/service/textEdits';
import { parse } from '../../server/src/service/parser';
import { paragraphNumbering } from '../../server/src/service/rules/paragraphNumbering';
import type { Rule } from '../../server/src/service/rules/rule';
import { webCopyArtifact } from '../../server/src/service/rules/webCopyArtifact';
import { serviceFor } from './serviceHelpers';

const header = 'UNCLASSIFIED STATE 109154\n\nE.O. 13526: N/A\nTAGS: PREL\nSUBJECT: (U) TEST\n\n';

function edit(line: number, from: number, to: number, newText: string): TextEdit {
  return { range: { start: { line, character: from }, end: { line, character: to } }, newText };
}

/** The merge rule written the obvious quadratic way: a group is taken unless one of its edits clashes with a taken edit. */
function mergeByPairs(groups: TextEdit[][]): string[] {
  const key = (position: { line: number; character: number }) => position.line * 1000 + position.character;
  const taken: TextEdit[] = [];
  const clash = (a: TextEdit, b: TextEdit) =>
    key(a.range.start) === key(b.range.start) || (key(a.range.start) < key(b.range.end) && key(b.range.start) < key(a.range.end));
  for (const group of groups) {
    if (group.some((candidate) => taken.some((other) => clash(candidate, other)))) continue;
    taken.push(...group);
  }
  return taken.map((taken) => taken.newText).sort();
}

describe('mergeEdits (one sorted sweep)', () => {
  it('drops a group only for a clash with a group taken, not with one already dropped', () => {
    // b clashes with a (dropped); c clashes only with b, so c is taken.
    const merged = mergeEdits([[edit(0, 0, 4, 'a')], [edit(0, 3, 8, 'b')], [edit(0, 6, 9, 'c')]]);
    assert.deepEqual(merged.map((taken) => taken.newText), ['a', 'c']);
  });

  it('takes a group whole or not at all, and lets edits that only touch stand together', () => {
    const merged = mergeEdits([[edit(0, 0, 2, 'a')], [edit(0, 2, 4, 'b1'), edit(1, 0, 1, 'b2')], [edit(1, 0, 0, 'c'), edit(2, 0, 1, 'c2')]]);
    // b touches a at 0:2 (no clash); c inserts where b2 starts (a clash), so all of c goes, c2 included.
    assert.deepEqual(merged.map((taken) => taken.newText), ['a', 'b1', 'b2']);
  });

  it('keeps one copy of a whole-document list handed in for every finding, in document order', () => {
    const renumber = [edit(3, 0, 1, '2'), edit(1, 0, 1, '1'), edit(5, 0, 1, '3')];
    const merged = mergeEdits(Array.from({ length: 1000 }, () => renumber));
    assert.deepEqual(merged.map((taken) => taken.newText), ['1', '2', '3']);
  });

  it('property: takes the same edits as the pairwise merge', () => {
    const editArbitrary = fc
      .record({ line: fc.nat(3), from: fc.nat(8), length: fc.nat(3), text: fc.string({ maxLength: 2 }) })
      .map(({ line, from, length, text }) => ({ line, from, length, text }));
    fc.assert(
      fc.property(fc.array(fc.array(editArbitrary, { minLength: 1, maxLength: 3 }), { maxLength: 12 }), (specs) => {
        let serial = 0;
        const groups = specs.map((group) => group.map(({ line, from, length, text }) => edit(line, from, from + length, `${text}#${serial++}`)));
        assert.deepEqual(mergeEdits(groups).map((taken) => taken.newText).sort(), mergeByPairs(groups));
      }),
      { numRuns: 300 },
    );
  });
});

describe('applyTextEditsToLines', () => {
  it('property: gives the text an editor gives, for any set of non-overlapping edits', () => {
    const lineArbitrary = fc.string({ maxLength: 8 }).map((line) => line.replace(/[\r\n]/g, ''));
    fc.assert(
      fc.property(fc.array(lineArbitrary, { minLength: 1, maxLength: 6 }), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(2), fc.string({ maxLength: 3 })), { maxLength: 8 }), (lines, specs) => {
        const text = lines.join('\n');
        const groups = specs.map(([line, character, length, newText]) => {
          const at = line % lines.length;
          const from = character % (lines[at].length + 1);
          return [edit(at, from, Math.min(from + length, lines[at].length), newText.replace(/\r/g, ''))];
        });
        const edits = mergeEdits(groups);
        assert.equal(applyTextEditsToLines(lines, edits, '\n').join('\n'), applyTextEdits(text, edits));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps CRLF line breaks and splits inserted line breaks into lines', () => {
    const result = applyTextEditsToLines(['SUBJECT: X', 'TAGS: PREL'], [edit(1, 10, 10, '\r\nE.O. 13526: N/A'), edit(0, 9, 10, 'Y')], '\r\n');
    assert.deepEqual(result, ['SUBJECT: Y', 'TAGS: PREL', 'E.O. 13526: N/A']);
  });
});

/** Counts the calls of a rule's methods while `run` runs. */
function countCalls(rule: Rule, run: () => void): { fixes: number; fixAllEdits: number } {
  const counts = { fixes: 0, fixAllEdits: 0 };
  const { fixes, fixAllEdits } = rule;
  assert.ok(fixes && fixAllEdits);
  rule.fixes = (...args) => (counts.fixes++, fixes.apply(rule, args));
  rule.fixAllEdits = (...args) => (counts.fixAllEdits++, fixAllEdits.apply(rule, args));
  try {
    run();
  } finally {
    rule.fixes = fixes;
    rule.fixAllEdits = fixAllEdits;
  }
  return counts;
}

describe('fix-all collects each safe rule once', () => {
  it('asks the web-copy rule for its edits once per pass, never once per artifact', () => {
    const text = `${header}1. (U) ${'[x](#) '.repeat(500)}\n`;
    const { service, document } = serviceFor(text);
    let edits: TextEdit[] = [];
    const counts = countCalls(webCopyArtifact, () => (edits = service.fixAllEdits(document)));
    assert.equal(counts.fixes, 0);
    assert.ok(counts.fixAllEdits >= 1 && counts.fixAllEdits <= 2, `fixAllEdits called ${counts.fixAllEdits} times`);
    assert.equal(edits.length, 500);
    assert.equal(applyTextEdits(text, edits), `${header}1. (U) ${'x '.repeat(500)}\n`);
  });

  it('renumbers once for all out-of-sequence paragraphs, and not at all when none is', () => {
    const text = `${header}${'1. (U) Text.\n'.repeat(200)}`;
    const { service, document } = serviceFor(text);
    const counts = countCalls(paragraphNumbering, () => service.fixAllEdits(document));
    assert.equal(counts.fixes, 0);
    assert.ok(counts.fixAllEdits >= 1 && counts.fixAllEdits <= 2, `fixAllEdits called ${counts.fixAllEdits} times`);
    const clean = serviceFor(`${header}${Array.from({ length: 5 }, (_, index) => `${index + 1}. (U) Text.\n`).join('')}`);
    assert.deepEqual(clean.service.fixAllEdits(clean.document), []);
  });

  it('a quick fix on each of many findings reuses one renumbering list', () => {
    const text = `${header}${'1. (U) Text.\n'.repeat(50)}`;
    const model = parse(text);
    const findings = paragraphNumbering.check({ model } as never);
    assert.equal(findings.length, 49);
    const lists = findings.map((finding) => paragraphNumbering.fixes!(finding, { model } as never)[0].edits);
    assert.ok(lists.every((list) => list === lists[0]));
  });
});
