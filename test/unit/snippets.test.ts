// Each snippet, expanded with its defaults at a place it belongs in a valid cable, parses to the
// construct it is for and adds no diagnostic except where its placeholders stand.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { expandSnippet, fillVariables, utcDateVariables, type ExpandedSnippet } from './snippetExpander';
import { dateTimeGroup, newCableBody } from '../../client/src/cableTemplate';
import { createCableService, parse } from '../../server/src/service';
import type { CableModel } from '../../server/src/service/model';
import { builtinVocabulary } from '../../server/src/service/tagVocabulary';
import { repoRoot } from '../helpers';

interface SnippetEntry {
  prefix: string;
  body: string[];
  description: string;
}

const snippetFile = path.join(repoRoot, 'snippets', 'cable.code-snippets');
const snippets: Record<string, SnippetEntry> = JSON.parse(fs.readFileSync(snippetFile, 'utf8'));
const byPrefix = new Map(Object.values(snippets).map((entry) => [entry.prefix, entry]));

// Tuesday 5 March 2024, 14:07:09 UTC: the fixed clock behind every date variable in these tests.
const fixedNow = new Date(Date.UTC(2024, 2, 5, 14, 7, 9));
const variables = utcDateVariables(fixedNow);

const host = [
  'P R 051407Z MAR 24',
  'FM SECSTATE WASHDC',
  'TO AMEMBASSY PARIS PRIORITY',
  '',
  'C O N F I D E N T I A L STATE 000123',
  '',
  'E.O. 13526: DECL: 03/05/2034',
  '',
  'TAGS: PREL PGOV FR',
  '',
  'SUBJECT: GUIDANCE FOR THE POC MEETING (C)',
  '',
  'REF: A. STATE 000111',
  'B. STATE 000112',
  '',
  'Classified By: Office Director Jane Doe.',
  'Reason: 1.4 (b), (d).',
  '',
  '1. (U) This is an action request. Embassy Paris please see paragraph 3.',
  '',
  '2. (C) Background per REFS A and B.',
  '',
  '3. (C) Embassy REP should raise the following points.',
  '',
  'RICE',
  '',
  'NNNN',
  '',
].join('\n');

function service() {
  return createCableService({ vocabulary: builtinVocabulary() });
}

function diagnosticsOf(text: string): Diagnostic[] {
  return service().diagnostics({ uri: 'file:///snippet.cable', version: 1, getText: () => text });
}

function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

function touches(diagnostic: Diagnostic, ranges: Array<{ start: { line: number; character: number }; end: { line: number; character: number } }>): boolean {
  const { start, end } = diagnostic.range;
  const before = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return ranges.some((range) => before(start, range.end) && before(range.start, end));
}

interface Inserted {
  text: string;
  model: CableModel;
  expanded: ExpandedSnippet;
}

/** Puts the expanded snippet where `marker` is in `into` (the marker replaced). */
function insert(prefix: string, into: string, marker: string, baseline: 'host' | 'none' = 'host'): Inserted {
  const entry = byPrefix.get(prefix);
  assert.ok(entry, `no snippet with prefix ${prefix}`);
  const expanded = expandSnippet(entry.body.join('\n'), variables);
  const at = into.indexOf(marker);
  assert.ok(at >= 0, `marker ${JSON.stringify(marker)} not in the host`);
  const text = into.slice(0, at) + expanded.text + into.slice(at + marker.length);
  const placeholderRanges = expanded.placeholders.map((placeholder) => ({
    start: positionAt(text, at + placeholder.start),
    end: positionAt(text, at + placeholder.end),
  }));
  // What the host had, by rule id; a rule firing anew must fire on a placeholder's text.
  const before = new Set(baseline === 'none' ? [] : diagnosticsOf(into.replace(marker, '')).map((diagnostic) => String(diagnostic.code)));
  const added = diagnosticsOf(text).filter((diagnostic) => !before.has(String(diagnostic.code)) && !touches(diagnostic, placeholderRanges));
  assert.deepEqual(
    added.map((diagnostic) => `${diagnostic.code} line ${diagnostic.range.start.line + 1}: ${diagnostic.message}`),
    [],
    `snippet ${prefix} added diagnostics:\n${text}`,
  );
  return { text, model: parse(text), expanded };
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle));

describe('snippets', () => {
  it('the file is valid JSON with a prefix, body and description for every snippet, prefixes unique', () => {
    const prefixes = Object.values(snippets).map((entry) => entry.prefix);
    assert.equal(new Set(prefixes).size, prefixes.length);
    for (const [name, entry] of Object.entries(snippets)) {
      assert.ok(entry.prefix && entry.description && Array.isArray(entry.body) && entry.body.length > 0, name);
    }
    const expected = ['cable', 'guidance', 'section', 'background', 'repshould', 'asnecessary', 'tp', 'note', 'comment', 'summary', 'begintext', 'action', 'classby', 'refs'];
    assert.deepEqual([...prefixes].sort(), [...expected].sort());
  });

  it('the host cable itself is clean, so that every snippet is judged on its own', () => {
    const found = diagnosticsOf(host).map((diagnostic) => `${diagnostic.code}: ${diagnostic.message}`);
    assert.deepEqual(found, []);
  });

  it('cable: a whole cable with a UTC DTG, addressees, banner, E.O. 13526, TAGS, subject, REF, Classified By, marked paragraphs, signature, NNNN', () => {
    const { model, text } = insert('cable', '@@', '@@', 'none');
    assert.match(text, /^P 051407Z MAR 24\n/);
    assert.equal(model.precedence?.dtg?.date?.toISOString(), '2024-03-05T14:07:00.000Z');
    assert.deepEqual(model.addresses.map((block) => block.keyword.kind), ['FM', 'TO', 'INFO']);
    assert.equal(model.addresses[1].addressees[0].precedence?.text, 'PRIORITY', 'the TO line carries the word for the precedence chosen');
    assert.equal(model.banner?.level, 'C');
    assert.equal(model.eo?.order?.value, 13526);
    assert.deepEqual(model.tags?.tags.map((tag) => tag.code), ['PREL', 'PGOV', 'FR']);
    assert.equal(model.subject?.mark?.level, 'C');
    assert.equal(model.refs?.entries.length, 1);
    assert.deepEqual(model.classifiedBy?.letters.map((letter) => letter.letter), ['b', 'd']);
    assert.deepEqual(model.paragraphs.map((paragraph) => [paragraph.number.value, paragraph.mark?.level]), [[1, 'C'], [2, 'C']]);
    assert.equal(model.signature?.text, 'SURNAME');
    assert.equal(model.end?.text, 'NNNN');
  });

  it('cable: the classification and precedence are choices, and the marks follow the classification chosen', () => {
    const body = byPrefix.get('cable')!.body.join('\n');
    assert.match(body, /\$\{1\|P,O,R,Z\|\}/);
    assert.match(body, /\$\{5\|CONFIDENTIAL,SECRET,UNCLASSIFIED\|\}/);
    const secret = expandSnippet(body.replace('${5|CONFIDENTIAL,SECRET,UNCLASSIFIED|}', '${5|SECRET|}').replace('${1|P,O,R,Z|}', '${1|O|}'), variables);
    const model = parse(secret.text);
    assert.equal(model.banner?.level, 'S');
    assert.ok(model.marks.every((mark) => mark.level === 'S'), 'every mark mirrors the banner');
    assert.equal(model.addresses[1].addressees[0].precedence?.text, 'IMMEDIATE');
  });

  it('New Cable writes the date-time group itself, in UTC, and only while the snippet writes it as expected', () => {
    assert.equal(dateTimeGroup(new Date(Date.UTC(2024, 2, 5, 14, 7))), '051407Z MAR 24');
    assert.equal(dateTimeGroup(new Date(Date.UTC(2009, 0, 1, 0, 0))), '010000Z JAN 09');
    assert.throws(() => newCableBody('P ${CURRENT_DATE} MAR 24', { now: fixedNow, executiveOrder: '13526', declassificationYears: 10 }), /date-time group/);
  });

  it('New Cable: the template filled in UTC, with the configured order and a declassification date ten years on, is clean', () => {
    const body = newCableBody(byPrefix.get('cable')!.body.join('\n'), { now: fixedNow, executiveOrder: '13526', declassificationYears: 10 });
    const text = expandSnippet(body, {}).text;
    const model = parse(text);
    assert.equal(model.precedence?.dtg?.date?.toISOString(), '2024-03-05T14:07:00.000Z');
    assert.equal(model.eo?.instruction?.text, '03/05/2034');
    assert.deepEqual(diagnosticsOf(text).map((diagnostic) => `${diagnostic.code}: ${diagnostic.message}`), []);
    // Another order from the setting, and a clock just before midnight UTC on the last day of a year.
    const late = newCableBody(byPrefix.get('cable')!.body.join('\n'), { now: new Date(Date.UTC(2025, 11, 31, 23, 59)), executiveOrder: '12958', declassificationYears: 25 });
    const lateModel = parse(expandSnippet(late, {}).text);
    assert.equal(lateModel.precedence?.dtg?.text, '312359Z DEC 25');
    assert.equal(lateModel.eo?.order?.value, 12958);
    assert.equal(lateModel.eo?.instruction?.text, '12/31/2050');
    // The placeholders stay tab stops for the editor.
    assert.match(body, /\$\{5\|CONFIDENTIAL,SECRET,UNCLASSIFIED\|\}/);
  });

  it('guidance: a closed GUIDANCE block with its NOTE, a marked section A, a BACKGROUND and a marked talking point', () => {
    const { model, text } = insert('guidance', host, 'Embassy REP should raise the following points.');
    const guidance = model.blocks.find((block) => block.kind === 'GUIDANCE');
    assert.ok(guidance?.close, 'GUIDANCE is closed');
    assert.equal(guidance.open.range.start.line, lineOf(text, '3. (C) BEGIN GUIDANCE:'));
    assert.ok(model.blocks.some((block) => block.kind === 'NOTE' && block.close));
    assert.ok(model.blocks.some((block) => block.kind === 'BACKGROUND' && block.close));
    const paragraph = model.paragraphs[2];
    assert.equal(paragraph.subParagraphs.length, 1);
    assert.equal(paragraph.subParagraphs[0].letter, 'A');
    assert.equal(paragraph.subParagraphs[0].mark?.level, 'C');
    const point = paragraph.subParagraphs[0].talkingPoints[0];
    assert.equal(point?.markPosition, 'trailing');
    assert.equal(point?.mark?.level, 'C');
    assert.deepEqual(model.blockProblems, []);
  });

  it('section: a second lettered section B with its underline, background and talking point, inside the balanced GUIDANCE block', () => {
    const withGuidance = insert('guidance', host, 'Embassy REP should raise the following points.').text;
    const { model } = insert('section', withGuidance.replace('end guidance.', '@@end guidance.'), '@@');
    assert.deepEqual(model.paragraphs[2].subParagraphs.map((sub) => sub.letter), ['A', 'B']);
    const section = model.paragraphs[2].subParagraphs[1];
    assert.equal(section.mark?.level, 'C');
    assert.equal(section.talkingPoints.length, 1);
    assert.ok(model.blocks.find((block) => block.kind === 'GUIDANCE')?.close);
    assert.deepEqual(model.blockProblems, []);
  });

  for (const [prefix, kind] of [
    ['note', 'NOTE'],
    ['comment', 'COMMENT'],
    ['summary', 'SUMMARY'],
  ] as const) {
    it(`${prefix}: a closed ${kind} block inside the paragraph`, () => {
      const { model } = insert(prefix, host, 'Embassy REP should raise the following points.');
      const block = model.blocks.find((candidate) => candidate.kind === kind);
      assert.ok(block?.close, `${kind} is closed`);
      assert.equal(block.open.range.start.line, model.paragraphs[2].range.start.line);
      assert.deepEqual(model.blockProblems, []);
    });
  }

  it('begintext: a closed TEXT block', () => {
    const { model } = insert('begintext', host, 'Embassy REP should raise the following points.');
    const block = model.blocks.find((candidate) => candidate.kind === 'TEXT');
    assert.ok(block?.close, 'TEXT is closed');
    assert.deepEqual(model.blockProblems, []);
  });

  it('background: a closed BACKGROUND block with its trailing mark', () => {
    const { model, text } = insert('background', host, 'Embassy REP should raise the following points.');
    const block = model.blocks.find((candidate) => candidate.kind === 'BACKGROUND');
    assert.ok(block?.close);
    const line = lineOf(text, 'END BACKGROUND.) (C)');
    assert.ok(model.marks.some((mark) => mark.range.start.line === line && mark.level === 'C'));
  });

  for (const [prefix, phrase] of [
    ['repshould', 'EMBASSY REP SHOULD:'],
    ['asnecessary', 'AS NECESSARY AND APPROPRIATE, EMBASSY REP SHOULD:'],
  ] as const) {
    it(`${prefix}: ${phrase} and a talking point marked at its end`, () => {
      const { model, text } = insert(prefix, host, 'Embassy REP should raise the following points.');
      assert.ok(text.includes(`3. (C) ${phrase}\n\n--`));
      const points = model.paragraphs[2].talkingPoints;
      assert.equal(points.length, 1);
      assert.equal(points[0].markPosition, 'trailing');
      assert.equal(points[0].mark?.level, 'C');
    });
  }

  it('tp: a talking point with its trailing mark', () => {
    const { model } = insert('tp', host.replace('raise the following points.', 'raise the following points.\n\n@@'), '@@');
    const points = model.paragraphs[2].talkingPoints;
    assert.equal(points.length, 1);
    assert.match(model.lines[points[0].range.start.line], /Talking point\./);
    assert.equal(points[0].mark?.level, 'C');
    assert.equal(points[0].markPosition, 'trailing');
  });

  it('action: the action request names a post and a paragraph that exists', () => {
    const { model } = insert('action', host, 'This is an action request. Embassy Paris please see paragraph 3.');
    assert.deepEqual(model.paragraphXrefs.flatMap((xref) => xref.numbers), [3]);
    assert.match(model.lines[model.paragraphs[0].range.start.line], /^1\. \(U\) This is an action request\. Embassy Paris please see paragraph 3\.$/);
  });

  it('classby: Classified By and Reason 1.4 with two category letters', () => {
    const { model } = insert('classby', host, 'Classified By: Office Director Jane Doe.\nReason: 1.4 (b), (d).\n');
    assert.ok(model.classifiedBy?.classifier, 'the classifier is named');
    assert.equal(model.classifiedBy?.section?.text, '1.4');
    assert.deepEqual(model.classifiedBy?.letters.map((letter) => letter.letter), ['b', 'd']);
  });

  it('refs: a lettered REF list A and B naming cables', () => {
    const { model } = insert('refs', host, 'REF: A. STATE 000111\nB. STATE 000112\n');
    assert.deepEqual(model.refs?.entries.map((entry) => entry.letter), ['A', 'B']);
    assert.deepEqual(model.refs?.entries.map((entry) => entry.cable?.serial), ['1', '2']);
  });

  it('every body expands without an unknown variable, and its choices list the default first', () => {
    for (const entry of Object.values(snippets)) {
      const body = entry.body.join('\n');
      assert.doesNotThrow(() => expandSnippet(body, variables), entry.prefix);
      // Filling the variables and expanding again gives the same text: fillVariables keeps the tab stops intact.
      assert.equal(expandSnippet(fillVariables(body, variables), {}).text, expandSnippet(body, variables).text, entry.prefix);
    }
  });
});
