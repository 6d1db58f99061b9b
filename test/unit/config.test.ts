// The configuration loader: editor settings and .cablerc.json (JSON with comments, nested or dotted keys,
// overrides by glob), which wins, and clear messages at their place for bad JSON, keys and values with
// the defaults kept in force.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { defaultConfig } from '../../server/src/service/config';
import { SETTING_KEYS, resolveConfig } from '../../server/src/service/configLoader';
import { repoRoot } from '../helpers';

const rc = (value: unknown, name = '/ws/.cablerc.json') => ({ name, text: typeof value === 'string' ? value : JSON.stringify(value) });

describe('resolveConfig', () => {
  it('gives the defaults with no sources', () => {
    assert.deepEqual(resolveConfig({}), { config: defaultConfig, problems: [], errors: [] });
  });

  it('reads the settings section: rules, systemHigh by name or letter, maxYears, executiveOrder; ignores other features', () => {
    const { config, errors } = resolveConfig({
      settings: { rules: { 'web-copy-artifact': 'off' }, classification: { systemHigh: 'Confidential' }, declassification: { maxYears: 20 }, executiveOrder: '12958', validate: { run: 'onSave' } },
    });
    assert.deepEqual(errors, []);
    assert.deepEqual(config.rules, { CBL026: 'off' });
    assert.equal(config.systemHigh, 'C');
    assert.equal(config.maxDeclassificationYears, 20);
    assert.equal(config.executiveOrder, '12958');
    assert.equal(resolveConfig({ settings: { classification: { systemHigh: 'U' } } }).config.systemHigh, 'U');
  });

  it('reads .cablerc.json nested or with dotted keys, and it wins over the settings', () => {
    const settings = { rules: { CBL002: 'warning', CBL003: 'off' }, classification: { systemHigh: 'SECRET' } };
    const nested = resolveConfig({ settings, rcFile: rc({ $schema: './schema.json', rules: { 'portion-above-banner': 'hint' }, classification: { systemHigh: 'UNCLASSIFIED' } }) });
    assert.deepEqual(nested.errors, []);
    assert.deepEqual(nested.config.rules, { CBL002: 'hint', CBL003: 'off' }, 'the alias in the file replaces the id in the settings');
    assert.equal(nested.config.systemHigh, 'U');
    const dotted = resolveConfig({ settings, rcFile: rc({ 'classification.systemHigh': 'SBU', 'declassification.maxYears': 30 }) });
    assert.deepEqual(dotted.errors, []);
    assert.equal(dotted.config.systemHigh, 'SBU');
    assert.equal(dotted.config.maxDeclassificationYears, 30);
  });

  it('bad JSON: a message naming the file, and the settings and defaults stay in force', () => {
    const { config, errors } = resolveConfig({ settings: { declassification: { maxYears: 20 } }, rcFile: rc('{"rules": {', '/ws/.cablerc.json') });
    assert.equal(errors.length, 1);
    assert.match(errors[0], /^\/ws\/\.cablerc\.json:1:\d+: not valid JSON/);
    assert.equal(config.maxDeclassificationYears, 20);
    assert.deepEqual(config.rules, {});
  });

  it('a bad key or value: a message naming the file and the key; that key keeps its default, the others apply', () => {
    const { config, errors, problems } = resolveConfig({
      rcFile: rc({ rules: { CBL999: 'off', CBL001: 'loud', CBL026: 'off' }, classification: { systemHigh: 'TOPS' }, declassification: { maxYears: -3 }, colour: 'red', executiveOrder: 99999 }),
    });
    assert.equal(errors.length, 6, errors.join('\n'));
    assert.ok(problems.every((problem) => problem.file === '/ws/.cablerc.json' && problem.range), 'each problem has its place in the file');
    const about = (key: string) => problems.find((problem) => problem.message.startsWith(`"${key}"`))?.message;
    assert.match(about('rules.CBL999') ?? '', /no rule has that id or alias/);
    assert.match(about('rules.CBL001') ?? '', /"loud" is not a severity/);
    assert.match(about('classification.systemHigh') ?? '', /"TOPS" is not a classification level.*using S/);
    assert.match(about('declassification.maxYears') ?? '', /-3 is not a whole number of years.*using 25/);
    assert.match(about('colour') ?? '', /is not a Cable setting/);
    assert.match(about('executiveOrder') ?? '', /not a known executive order/);
    assert.deepEqual(config.rules, { CBL026: 'off' });
    assert.equal(config.systemHigh, defaultConfig.systemHigh);
    assert.equal(config.maxDeclassificationYears, defaultConfig.maxDeclassificationYears);
  });

  it('names the setting when the settings hold a bad value', () => {
    const { errors } = resolveConfig({ settings: { classification: { systemHigh: 42 } } });
    assert.match(errors[0], /^settings "cable\.classification\.systemHigh": 42 is not a classification level/);
  });

  it('an empty file is no configuration; a JSON array is a clear error', () => {
    assert.deepEqual(resolveConfig({ rcFile: rc('  \n') }).errors, []);
    assert.match(resolveConfig({ rcFile: rc('[]') }).errors[0], /\.cablerc\.json:1:1: expected a JSON object/);
  });
});

describe('resolveConfig: JSONC, overrides, paths and places', () => {
  const jsonc = `{
  // Drafts are held to every rule.
  "rules": { "CBL018": "error", },
  /* Received cables are kept for reference. */
  "overrides": [
    { "files": ["received/**"], "rules": { "CBL001": "off", "unused-ref": "off" } },
    { "files": ["received/old/"], "rules": { "CBL001": "warning" }, "marking": { "bullets": "require" } },
  ],
}
`;
  const file = { name: '/ws/team/.cablerc.json', text: jsonc };

  it('accepts comments and trailing commas', () => {
    const { config, errors } = resolveConfig({ rcFile: file, target: '/ws/team/draft.cable' });
    assert.deepEqual(errors, []);
    assert.deepEqual(config.rules, { CBL018: 'error' });
  });

  it('applies the overrides whose globs match the file, relative to the config file, in order', () => {
    assert.deepEqual(resolveConfig({ rcFile: file, target: '/ws/team/received/09STATE1.cable' }).config.rules, { CBL018: 'off', CBL001: 'off' });
    const old = resolveConfig({ rcFile: file, target: '/ws/team/received/old/85STATE2.cable' }).config;
    assert.deepEqual(old.rules, { CBL018: 'off', CBL001: 'warning' }, 'the later override wins');
    assert.equal(old.bulletMarks, 'require');
    assert.deepEqual(resolveConfig({ rcFile: file, target: '/ws/other/received/x.cable' }).config.rules, { CBL018: 'error' }, 'outside the config folder: no override');
    assert.deepEqual(resolveConfig({ rcFile: { ...file, name: 'C:\\ws\\team\\.cablerc.json' }, target: 'C:\\ws\\team\\received\\a.cable' }).config.rules.CBL001, 'off', 'Windows paths');
  });

  it('reports a bad override at its line whether or not it matches the file, and keeps the rest', () => {
    const text = ['{', '  "overrides": [', '    { "files": ["received/**"], "rules": { "CBL998": "off" } },', '    { "rules": { "CBL001": "off" } },', '    "x"', '  ]', '}'].join('\n');
    const { problems, config } = resolveConfig({ rcFile: { name: '/ws/.cablerc.json', text }, target: '/ws/draft.cable' });
    const lines = problems.map((problem) => `${problem.range!.start.line + 1} ${problem.message.split(':')[0]}`);
    assert.deepEqual(lines, ['3 "rules.CBL998"', '4 "files"', '5 an override is an object such as {"files"']);
    assert.deepEqual(config.rules, {});
    const wrongType = resolveConfig({ rcFile: { name: '/ws/.cablerc.json', text: '{"overrides": {"files": []}}' } });
    assert.match(wrongType.errors[0], /^\/ws\/\.cablerc\.json:1:15: "overrides": expected a list/);
  });

  it('places a JSON syntax error and an unknown key at their line and column', () => {
    const broken = resolveConfig({ rcFile: { name: '/ws/.cablerc.json', text: '{\n  "rules": {\n    "CBL001" "off"\n  }\n}' } });
    assert.match(broken.errors[0], /^\/ws\/\.cablerc\.json:3:14: not valid JSON \(ColonExpected\)/);
    const unknown = resolveConfig({ rcFile: { name: '/ws/.cablerc.json', text: '{\n  "marking": { "bulets": "require" }\n}' } });
    assert.match(unknown.errors[0], /^\/ws\/\.cablerc\.json:2:16: "marking\.bulets" is not a Cable setting/);
  });

  it('reads tags.extraFile relative to the file it is in (the config file, or the settings folder) and validate.run', () => {
    const fromFile = resolveConfig({ rcFile: { name: '/ws/team/.cablerc.json', text: '{"tags": {"extraFile": "data/tags.tsv"}, "validate.run": "onSave"}' } });
    assert.equal(fromFile.config.tagsExtraFile, '/ws/team/data/tags.tsv');
    assert.equal(fromFile.config.validateRun, 'onSave');
    assert.equal(resolveConfig({ settings: { tags: { extraFile: 'tags.tsv' } }, settingsFolder: '/ws' }).config.tagsExtraFile, '/ws/tags.tsv');
    assert.equal(resolveConfig({ settings: { tags: { extraFile: '/abs/tags.tsv' } }, settingsFolder: '/ws' }).config.tagsExtraFile, '/abs/tags.tsv');
    assert.match(resolveConfig({ settings: { validate: { run: 'sometimes' } } }).errors[0], /settings "cable\.validate\.run": "sometimes" is not one of onType, onSave/);
  });
});

describe('schemas/cablerc.schema.json', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'schemas', 'cablerc.schema.json'), 'utf8'));

  it('lists every rule id and alias as a rules key, and the same severities the loader accepts', async () => {
    const { allRules } = await import('../../server/src/service/rules');
    const ruleKeys = Object.keys(schema.properties.rules.properties).sort();
    assert.deepEqual(ruleKeys, allRules.flatMap((rule) => [rule.id, rule.alias]).sort());
    const severities = schema.definitions.severity.enum;
    assert.deepEqual([...severities].sort(), ['error', 'hint', 'info', 'off', 'warning']);
  });

  it('accepts as settings exactly the keys the loader knows, nested and dotted', () => {
    const top = Object.keys(schema.properties).sort();
    const keys = SETTING_KEYS.flatMap((key) => (key.includes('.') ? [key, key.split('.')[0]] : [key]));
    assert.deepEqual(top, [...new Set(['$schema', 'overrides', ...keys])].sort());
    assert.equal(schema.additionalProperties, false);
  });
});
