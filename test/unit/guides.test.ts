// Classification guides (issue 21): reading a guide with its problems at their place, matching topics in a
// cable's text (phrases across wraps, any case, whole words, regexes, the highest level wins), the rules
// CBL032-CBL034 against fixtures with their findings inline, their fixes, and the hover.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { matchGuides, parseGuide, phrasePattern, type Guide } from '../../server/src/service/guides';
import { parse } from '../../server/src/service/parser';
import { applyTextEdits } from '../../server/src/service/textEdits';
import { fixturesDir, repoRoot } from '../helpers';
import { readMarkedFixture } from './markedFixtures';
import { compareKeys, diagnosticKeys, diagnosticsOf, quickFixesFor, serviceFor, testUri } from './serviceHelpers';

const dir = path.join(fixturesDir, 'guides');
// The example the README shows: the tests prove it reads and matches as documented.
const guideFile = path.join(repoRoot, 'examples', 'guides', '.cableguide.json');

function exampleGuide(): Guide {
  const { guide, problems } = parseGuide({ name: guideFile, text: fs.readFileSync(guideFile, 'utf8') });
  assert.deepEqual(problems, []);
  return guide!;
}

const guideIds = new Set(['CBL032', 'CBL033', 'CBL034']);

describe('classification guides: reading', () => {
  it('reads the example guide: its name and topics with levels, controls, reasons and durations', () => {
    const guide = exampleGuide();
    assert.equal(guide.name, 'Missile Technology Export Controls Classification Guide, 2008-01-15');
    assert.deepEqual(guide.topics.map((topic) => [topic.id, topic.level, topic.controls, topic.reasons, topic.declassify]), [
      ['MT-1', 'U', [], [], undefined],
      ['MT-3', 'C', [], ['b', 'd'], { years: 10 }],
      ['MT-7', 'S', ['NOFORN'], ['c'], { years: 25 }],
    ]);
  });

  it('reports each bad part at its line and keeps the rest of the guide', () => {
    const text = [
      '{',
      '  "guide": "Test guide",',
      '  "topics": [',
      '    { "id": "A-1", "match": ["alpha"], "level": "C" },',
      '    { "id": "A-2", "match": ["/(unclosed/"], "level": "S" },',
      '    { "id": "A-3", "match": ["gamma"], "level": "SECRETISH" },',
      '    { "id": "A-4", "match": ["delta"], "level": "S", "colour": "red", "declassify": "soon" },',
      '    { "match": ["epsilon"], "level": "C" }',
      '  ]',
      '}',
    ].join('\n');
    const { guide, problems } = parseGuide({ name: '/ws/.cableguide.json', text });
    assert.deepEqual(guide!.topics.map((topic) => topic.id), ['A-1', 'A-2', 'A-4']);
    const at = problems.map((problem) => `${problem.range!.start.line + 1} ${problem.message}`);
    assert.equal(at.length, 5, at.join('\n'));
    assert.match(at[0], /^5 topic A-2: \/\(unclosed\/ is not a valid regular expression/);
    assert.match(at[1], /^6 topic A-3: "level" must be one of U, SBU, C, S, TS; the topic is not used\.$/);
    assert.match(at[2], /^7 "colour" is not a topic key/);
    assert.match(at[3], /^7 topic A-4: "declassify" must be a span/);
    assert.match(at[4], /^8 a topic needs its "id"/);
    assert.match(parseGuide({ name: 'g.json', text: '{ "guide": ' }).problems[0].message, /^not valid JSON/);
  });
});

describe('classification guides: matching', () => {
  it('a phrase matches whole words in any case and across a line end, and nothing longer', () => {
    const pattern = phrasePattern('Category I');
    const find = (text: string) => [...text.matchAll(pattern)].map((match) => match[0]);
    assert.deepEqual(find('the category i items'), ['category i']);
    assert.deepEqual(find('a Category\nI transfer'), ['Category\nI']);
    assert.deepEqual(find('Category II and Category Item and subcategory I'), []);
  });

  it('finds every topic in the cable, in text order, with the innermost portion holding each', () => {
    const model = parse(readMarkedFixture(fs.readFileSync(path.join(dir, 'trigger.cable'), 'utf8')).text);
    const matches = matchGuides(model, [exampleGuide()]);
    assert.deepEqual(matches.map((match) => `${match.start.line + 1} ${match.topic.id} ${match.portion?.kind}`), [
      '14 MT-1 paragraph',
      '17 MT-3 paragraph',
      '19 MT-7 paragraph',
      '23 MT-7 talking-point',
    ]);
  });
});

describe('classification guides: rules CBL032-CBL034', () => {
  for (const name of ['trigger.cable', 'near-miss.cable']) {
    it(`${name}: the findings its markers name, and no other`, () => {
      const { text, expected } = readMarkedFixture(fs.readFileSync(path.join(dir, name), 'utf8'));
      assert.deepEqual(diagnosticKeys(diagnosticsOf(text, { guides: [exampleGuide()] }), guideIds), expected.sort(compareKeys));
    });
  }

  it('where topics overlap in one portion, the highest level decides', () => {
    const { text } = readMarkedFixture(fs.readFileSync(path.join(dir, 'near-miss.cable'), 'utf8'));
    const overlapping = text.replace('2. (C) Paris shared its concerns about the proposed Category I', '2. (C) Paris shared the procurement network behind the Category I');
    const [finding] = diagnosticsOf(overlapping, { guides: [exampleGuide()] }).filter((d) => d.code === 'CBL032');
    assert.match(finding.message, /^Paragraph 2 is marked \(C\), but guide topic MT-7 .* rates it SECRET: mark it \(S\/\/NF\)/);
  });

  it('without a guide the rules say nothing', () => {
    const { text } = readMarkedFixture(fs.readFileSync(path.join(dir, 'trigger.cable'), 'utf8'));
    assert.deepEqual(diagnosticKeys(diagnosticsOf(text), guideIds), []);
  });

  it('the highest level of the topics a portion holds decides, and missing controls are added to the mark', () => {
    const { text } = readMarkedFixture(fs.readFileSync(path.join(dir, 'trigger.cable'), 'utf8'));
    const findings = diagnosticsOf(text, { guides: [exampleGuide()] }).filter((d) => d.code === 'CBL032');
    assert.match(findings[0].message, /Paragraph 2 is marked \(U\), but guide topic MT-3 \("Foreign government views[^"]*"\) rates it CONFIDENTIAL: mark it \(C\) \(Missile Technology/);
    assert.match(findings[1].message, /Paragraph 3 is marked \(C\), but guide topic MT-7 .* rates it SECRET: mark it \(S\/\/NF\)/);
    // A bullet inherits its paragraph's (C): the finding is on the matched words, with no fix of its own mark.
    assert.match(findings[2].message, /^This talking point is marked \(C\), but guide topic MT-7/);
    assert.equal(findings[2].range.start.line, 22);
  });

  it('a topic\'s controls are named as marks name them: NF in the guide is the NOFORN of (S//NF)', () => {
    const text = ['{', '  "guide": "Short names",', '  "topics": [{ "id": "T-1", "match": ["centrifuge"], "level": "S", "controls": ["nf"] }]', '}'].join('\n');
    const { guide, problems } = parseGuide({ name: '/ws/.cableguide.json', text });
    assert.deepEqual(problems, []);
    assert.deepEqual(guide!.topics[0].controls, ['NOFORN']);
    const cable = readMarkedFixture(fs.readFileSync(path.join(dir, 'trigger.cable'), 'utf8')).text.replace(/^3\. \(C\) /m, '3. (S//NF) centrifuge ');
    const findings = diagnosticsOf(cable, { guides: [guide!] }).filter((d) => d.code === 'CBL032' && /^Paragraph 3\b/.test(d.message));
    assert.deepEqual(findings, []);
    const unknown = parseGuide({ name: '/ws/.cableguide.json', text: text.replace('"nf"', '"NOFRN"') });
    assert.match(unknown.problems[0].message, /"controls" must be a list of known dissemination controls/);
  });

  it('the fixes raise the mark, add the reasons in their case, and write the declassification date', () => {
    const { text } = readMarkedFixture(fs.readFileSync(path.join(dir, 'trigger.cable'), 'utf8'));
    const config = { guides: [exampleGuide()] };
    const { service, document } = serviceFor(text, config);
    const fixed = (code: string, index = 0) => {
      const fix = quickFixesFor(text, code, config)[index];
      return { title: fix.title, text: applyTextEdits(text, fix.edit!.changes![testUri]) };
    };
    assert.deepEqual(quickFixesFor(text, 'CBL032', config).length, 2, 'the inheriting bullet has no fix of its own');
    const raised = fixed('CBL032');
    assert.equal(raised.title, 'Raise the mark to (C) (guide topic MT-3)');
    assert.match(raised.text, /^2\. \(C\) Paris shared/m);
    assert.match(fixed('CBL032', 1).text, /^3\. \(S\/\/NF\) Post should/m);
    const reasons = fixed('CBL033');
    assert.equal(reasons.title, 'Add (C), (D) to the reasons');
    assert.match(reasons.text, /^Reason: 1\.4 \(B\), \(C\), \(D\)\.$/m);
    assert.match(fixed('CBL034').text, /^E\.O\. 13526: DECL: 01\/15\/2035$/m);
    // None of them is in fix-all: each is a drafter's judgement.
    assert.equal(applyTextEdits(text, service.fixAllEdits(document)).includes('(S//NF)'), false);
  });

  it('a hover on matched text shows the topic; one on SUBJECT lists the topics the cable touches', () => {
    const { text } = readMarkedFixture(fs.readFileSync(path.join(dir, 'trigger.cable'), 'utf8'));
    const { service, document } = serviceFor(text, { guides: [exampleGuide()] });
    const hover = service.hover(document, { line: 16, character: 2 });
    const value = (hover?.contents as { value: string }).value;
    assert.match(value, /\*\*MT-3\*\*: Foreign government views/);
    assert.match(value, /Level \*\*CONFIDENTIAL\*\* · controls none · reasons 1\.4 \(b\), \(d\) · declassify 10 years from the DTG/);
    assert.match(value, /\*Missile Technology Export Controls Classification Guide, 2008-01-15\*/);
    const subject = (service.hover(document, { line: 8, character: 3 })?.contents as { value: string }).value;
    assert.match(subject, /touches 3 topics/);
    assert.match(subject, /\*\*MT-7\*\* \(SECRET\)/);
  });

  it("completion offers the guide's reasons first and a Derived From line naming the guide; the summary counts portions to raise", () => {
    const { text } = readMarkedFixture(fs.readFileSync(path.join(dir, 'trigger.cable'), 'utf8'));
    const lines = text.split('\n');
    const reasonLine = lines.findIndex((line) => line.startsWith('Reason:'));
    lines[reasonLine] = 'Reason: 1.4 (B), (';
    const edited = lines.join('\n');
    const { service, document } = serviceFor(edited, { guides: [exampleGuide()] });
    const items = service.completions(document, { line: reasonLine, character: lines[reasonLine].length });
    const ordered = [...items].sort((a, b) => String(a.sortText).localeCompare(String(b.sortText)));
    assert.deepEqual(ordered.slice(0, 2).map((item) => item.label), ['(C)', '(D)']);
    assert.match(String(ordered[0].detail), /guide topic MT-7/);
    assert.equal(items.find((item) => item.preselect)?.label, '(C)');
    const derived = service.completions(document, { line: reasonLine + 1, character: 0 });
    assert.deepEqual(derived.map((item) => item.label), ['Derived From: Missile Technology Export Controls Classification Guide, 2008-01-15']);
    assert.equal(service.classificationSummary(document).raisedByGuide, 3);
    assert.equal(serviceFor(edited).service.classificationSummary(serviceFor(edited).document).raisedByGuide, 0);
  });
});
