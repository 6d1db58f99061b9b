// The portion-marking and structure rules (issue 3) against fixture cables with their expected rule ids
// inline (` ⟦CBL001⟧` at the end of the line, see markedFixtures.ts; rules outside issue 3 are not
// compared here), the seed, and the corpus.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { defaultConfig } from '../../server/src/service/config';
import { computeDiagnostics } from '../../server/src/service/diagnostics';
import { levelRank, type CableModel, type Level } from '../../server/src/service/model';
import { parse } from '../../server/src/service/parser';
import { allRules, ruleById } from '../../server/src/service/rules';
import type { Rule } from '../../server/src/service/rules/rule';
import { emptyVocabulary } from '../../server/src/service/tagVocabulary';
import { corpusDir, corpusFiles, fixturesDir, seedPath } from '../helpers';
import { fixtureText, readMarkedFixture } from './markedFixtures';
import { compareKeys, diagnosticKeys, diagnosticsOf } from './serviceHelpers';

/** The rules of issue 3, whose results the fixtures here describe (other rules are compared elsewhere). */
export const issue3RuleIds = [
  'CBL001', 'CBL002', 'CBL003', 'CBL004', 'CBL005', 'CBL006', 'CBL007', 'CBL008', 'CBL009', 'CBL010', 'CBL011',
  'CBL012', 'CBL013', 'CBL014', 'CBL021', 'CBL022', 'CBL023', 'CBL025', 'CBL026', 'CBL027', 'CBL031',
];
const issue3Ids = new Set([...issue3RuleIds, 'CBL000']);
const rulesFixtures = path.join(fixturesDir, 'rules');

function expectedKeys(name: string): string[] {
  return readMarkedFixture(fs.readFileSync(path.join(rulesFixtures, `${name}.cable`), 'utf8')).expected.sort(compareKeys);
}

const fixture = (name: string) => fixtureText(path.join(rulesFixtures, `${name}.cable`));

const fixtureNames = fs
  .readdirSync(rulesFixtures)
  .filter((file) => file.endsWith('.cable'))
  .map((file) => file.slice(0, -'.cable'.length))
  .sort();

describe('rule list', () => {
  it('holds every rule of issue 3 once, with unique ids and aliases and a description', () => {
    for (const id of issue3RuleIds) assert.ok(ruleById(id), `${id} is in allRules`);
    assert.equal(new Set(allRules.map((rule) => rule.id)).size, allRules.length, 'ids are unique');
    assert.equal(new Set(allRules.map((rule) => rule.alias)).size, allRules.length, 'aliases are unique');
    for (const rule of allRules) {
      assert.match(rule.id, /^CBL\d{3}$/);
      assert.match(rule.alias, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.ok(rule.description.length > 10 && !rule.description.includes('\n'), `${rule.id} has a one-line description`);
    }
  });

  it('finds a rule by id in any case and by alias', () => {
    assert.equal(ruleById('cbl002')?.id, 'CBL002');
    assert.equal(ruleById('portion-above-banner')?.id, 'CBL002');
    assert.equal(ruleById('no-such-rule'), undefined);
  });

  it('puts only fixes that need no judgement in fix-all: CBL026 and CBL027 of issue 3', () => {
    const safe = allRules.filter((rule) => rule.safeForFixAll && issue3Ids.has(rule.id)).map((rule) => rule.id);
    assert.deepEqual(safe, ['CBL026', 'CBL027']);
  });
});

describe('fixture cables', () => {
  for (const name of fixtureNames) {
    it(`${name}: reports exactly the expected rule ids on their lines`, () => {
      assert.deepEqual(diagnosticKeys(diagnosticsOf(fixture(name)), issue3Ids), expectedKeys(name));
    });
  }

  it('has, for every rule of issue 3 but CBL031 (configuration), a triggering fixture and a near-miss that stays silent', () => {
    for (const id of issue3RuleIds.filter((ruleId) => ruleId !== 'CBL031')) {
      const prefix = id.toLowerCase();
      const triggers = fixtureNames.filter((name) => name.startsWith(prefix) && !name.endsWith('near-miss'));
      assert.ok(triggers.some((name) => expectedKeys(name).some((key) => key.endsWith(` ${id}`))), `${id} has a triggering fixture`);
      assert.ok(fixtureNames.includes(`${prefix}-near-miss`), `${id} has a near-miss fixture`);
      assert.ok(!expectedKeys(`${prefix}-near-miss`).some((key) => key.endsWith(` ${id}`)), `${id}'s near-miss does not expect it`);
    }
  });
});

describe('severities and messages', () => {
  const base = fixture('clean-classified');

  it('carries code, source and the rule id in data', () => {
    const [diagnostic] = diagnosticsOf(base.replace('2. (U) Please', '2. (S) Please')).filter((d) => d.code === 'CBL002');
    assert.equal(diagnostic.source, 'cable');
    assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
    assert.equal((diagnostic.data as { ruleId: string }).ruleId, 'CBL002');
    assert.match(diagnostic.message, /\(S\).*SECRET.*above the banner/);
  });

  it('CBL012: a date on or before the DTG is an error, one too far ahead a warning', () => {
    const before = diagnosticsOf(base.replace('DECL: 03/15/2020', 'DECL: 03/15/2010')).find((d) => d.code === 'CBL012');
    const far = diagnosticsOf(base.replace('DECL: 03/15/2020', 'DECL: 03/16/2035')).find((d) => d.code === 'CBL012');
    assert.equal(before?.severity, DiagnosticSeverity.Error);
    assert.equal(far?.severity, DiagnosticSeverity.Warning);
  });

  it('CBL012 reads the limit from maxDeclassificationYears', () => {
    const text = base.replace('DECL: 03/15/2020', 'DECL: 03/16/2025');
    assert.ok(!diagnosticsOf(text).some((d) => d.code === 'CBL012'));
    assert.ok(diagnosticsOf(text, { maxDeclassificationYears: 10 }).some((d) => d.code === 'CBL012'));
  });

  it('CBL013: a date on an unclassified cable is a warning; a missing E.O. line an error', () => {
    const unclassified = fixture('cbl013-date-on-unclassified');
    assert.equal(diagnosticsOf(unclassified).find((d) => d.code === 'CBL013')?.severity, DiagnosticSeverity.Warning);
    const missing = fixture('cbl013-trigger');
    assert.equal(diagnosticsOf(missing).find((d) => d.code === 'CBL013')?.severity, DiagnosticSeverity.Error);
  });

  it('CBL031: marks and banner above the configured system high are errors', () => {
    const onUnclassifiedSystem = diagnosticsOf(base, { systemHigh: 'U' }).filter((d) => d.code === 'CBL031');
    // The banner and the (C) subject, paragraph 1, sub-paragraph A and the talking point.
    assert.equal(onUnclassifiedSystem.length, 5);
    assert.ok(onUnclassifiedSystem.every((d) => d.severity === DiagnosticSeverity.Error));
    assert.deepEqual(diagnosticsOf(base, { systemHigh: 'C' }).filter((d) => d.code === 'CBL031'), []);
  });

  it('config overrides a severity by id or alias, or turns a rule off', () => {
    const text = base.replace('2. (U) Please', '2. (S) Please');
    assert.equal(diagnosticsOf(text, { rules: { 'portion-above-banner': 'warning' } }).find((d) => d.code === 'CBL002')?.severity, DiagnosticSeverity.Warning);
    assert.equal(diagnosticsOf(text, { rules: { CBL002: 'hint' } }).find((d) => d.code === 'CBL002')?.severity, DiagnosticSeverity.Hint);
    assert.ok(!diagnosticsOf(text, { rules: { CBL002: 'off' } }).some((d) => d.code === 'CBL002'));
  });

  it('a rule that throws becomes one diagnostic on line 1 naming it, and the others still run', () => {
    const failing: Rule = {
      id: 'CBL999',
      alias: 'always-fails',
      description: 'Fails on purpose for this test.',
      defaultSeverity: 'error',
      check() {
        throw new Error('boom');
      },
    };
    allRules.push(failing);
    try {
      const text = base.replace('2. (U) Please', '2. (S) Please');
      const diagnostics = computeDiagnostics({ uri: 'file:///t.cable', model: parse(text), config: defaultConfig, vocabulary: emptyVocabulary() });
      const failure = diagnostics.filter((d) => d.code === 'CBL999');
      assert.equal(failure.length, 1);
      assert.equal(failure[0].range.start.line, 0);
      assert.match(failure[0].message, /CBL999 \(always-fails\).*boom/);
      assert.ok(diagnostics.some((d) => d.code === 'CBL002'), 'the other rules still ran');
    } finally {
      allRules.splice(allRules.indexOf(failing), 1);
    }
  });

  it('says where analysis stopped when the model was truncated (CBL000 analysis-limit)', () => {
    const model = parse(base);
    const truncated: CableModel = { ...model, truncatedAtLine: 12, derived: new Map() };
    const diagnostics = computeDiagnostics({ uri: 'file:///t.cable', model: truncated, config: defaultConfig, vocabulary: emptyVocabulary() });
    const notice = diagnostics.filter((d) => d.code === 'CBL000');
    assert.equal(notice.length, 1);
    assert.equal(notice[0].range.start.line, 12);
    assert.match(notice[0].message, /line 13.*size limit/);
    assert.ok(!computeDiagnostics({ uri: 'file:///t.cable', model, config: defaultConfig, vocabulary: emptyVocabulary() }).some((d) => d.code === 'CBL000'));
  });

  it('reports nothing of the header rules on an empty document', () => {
    assert.deepEqual(diagnosticKeys(diagnosticsOf('\n\n'), issue3Ids), []);
  });
});

describe('the seed', () => {
  const seed = fs.readFileSync(seedPath, 'utf8');
  const diagnostics = diagnosticsOf(seed).filter((d) => issue3Ids.has(String(d.code)));

  it('draws no CBL001, CBL002 or CBL003: banner CONFIDENTIAL, portions (U) and (C), all marked', () => {
    assert.deepEqual(diagnostics.filter((d) => ['CBL001', 'CBL002', 'CBL003'].includes(String(d.code))), []);
  });

  it('warns that DECL 10/31/2033 is more than 25 years after the DTG of 10 Oct 2008 (CBL012)', () => {
    const decl = diagnostics.filter((d) => d.code === 'CBL012');
    assert.equal(decl.length, 1);
    assert.equal(decl[0].severity, DiagnosticSeverity.Warning);
    const line = seed.split('\n')[decl[0].range.start.line];
    assert.equal(line.slice(decl[0].range.start.character, decl[0].range.end.character), '10/31/2033');
  });

  it('marks every web-copy artifact as information (CBL026)', () => {
    const artifacts: string[] = [];
    seed.split('\n').forEach((line, index) => {
      for (const match of line.matchAll(/\[([^\]]*)\]\(#\)/g)) artifacts.push(`${index}:${match.index}`);
    });
    const reported = diagnostics.filter((d) => d.code === 'CBL026');
    assert.ok(reported.every((d) => d.severity === DiagnosticSeverity.Information));
    assert.deepEqual(reported.map((d) => `${d.range.start.line}:${d.range.start.character}`).sort(), artifacts.sort());
  });

  it('yields nothing else from these rules', () => {
    assert.deepEqual([...new Set(diagnostics.map((d) => String(d.code)))].sort(), ['CBL012', 'CBL026']);
  });
});

/** What the portions require of the banner: the highest level, and NOFORN when any portion has it. */
function bannerMatchesPortions(model: CableModel): boolean {
  const marks = model.marks.filter((mark) => mark.valid && mark.level);
  if (!model.banner || marks.length === 0) return false;
  const highest = marks.reduce<Level>((top, mark) => (levelRank(mark.level!) > levelRank(top) ? mark.level! : top), 'U');
  const sensitive = model.captions.some((caption) => caption.name === 'SENSITIVE');
  const bannerLevel: Level = model.banner.level === 'U' && sensitive ? 'SBU' : model.banner.level;
  if (bannerLevel !== highest) return false;
  const noforn = marks.some((mark) => mark.controls.includes('NOFORN'));
  return !noforn || model.captions.some((caption) => caption.name === 'NOFORN');
}

/** A complete classification block: E.O. line with an instruction and, when classified, Classified By with classifier, section and letters. */
function blockComplete(model: CableModel): boolean {
  const eo = model.eo;
  if (!eo || (!eo.instruction && !eo.downgrade)) return false;
  if (levelRank(model.banner!.level) < levelRank('C')) return eo.instruction?.kind === 'na';
  const block = model.classifiedBy;
  return Boolean(block?.classifier && block.section && block.letters.length > 0);
}

describe('the corpus', () => {
  it('a cable whose banner equals its highest portion and whose block is complete draws no error from CBL002-CBL014', () => {
    const errorRules = new Set(['CBL002', 'CBL003', 'CBL004', 'CBL005', 'CBL006', 'CBL007', 'CBL008', 'CBL009', 'CBL010', 'CBL011', 'CBL012', 'CBL013', 'CBL014']);
    let checked = 0;
    for (const file of corpusFiles()) {
      const text = fs.readFileSync(path.join(corpusDir, file), 'utf8');
      const model = parse(text);
      if (!bannerMatchesPortions(model) || !blockComplete(model)) continue;
      checked++;
      const errors = diagnosticsOf(text).filter((d) => errorRules.has(String(d.code)) && d.severity === DiagnosticSeverity.Error);
      assert.deepEqual(errors.map((d) => `${file}:${d.range.start.line + 1} ${String(d.code)} ${d.message}`), []);
    }
    assert.ok(checked >= 30, `only ${checked} corpus cables qualified`);
  });
});
