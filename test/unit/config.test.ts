// The configuration loader: editor settings and .cablerc.json (nested or dotted keys), which wins,
// and clear messages for bad JSON, keys and values with the defaults kept in force.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { defaultConfig } from '../../server/src/service/config';
import { resolveConfig } from '../../server/src/service/configLoader';
import { repoRoot } from '../helpers';

const rc = (value: unknown, name = '/ws/.cablerc.json') => ({ name, text: typeof value === 'string' ? value : JSON.stringify(value) });

describe('resolveConfig', () => {
  it('gives the defaults with no sources', () => {
    assert.deepEqual(resolveConfig({}), { config: defaultConfig, errors: [] });
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
    assert.match(errors[0], /^\/ws\/\.cablerc\.json: not valid JSON/);
    assert.equal(config.maxDeclassificationYears, 20);
    assert.deepEqual(config.rules, {});
  });

  it('a bad key or value: a message naming the file and the key; that key keeps its default, the others apply', () => {
    const { config, errors } = resolveConfig({
      rcFile: rc({ rules: { CBL999: 'off', CBL001: 'loud', CBL026: 'off' }, classification: { systemHigh: 'TOPS' }, declassification: { maxYears: -3 }, colour: 'red', executiveOrder: 99999 }),
    });
    assert.equal(errors.length, 6, errors.join('\n'));
    const about = (key: string) => errors.find((error) => error.startsWith(`/ws/.cablerc.json: "${key}"`));
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
    assert.match(resolveConfig({ rcFile: rc('[]') }).errors[0], /\.cablerc\.json: expected a JSON object/);
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
    assert.deepEqual(top, ['$schema', 'classification', 'classification.systemHigh', 'declassification', 'declassification.defaultYears', 'declassification.maxYears', 'executiveOrder', 'marking', 'marking.bullets', 'rules']);
    assert.equal(schema.additionalProperties, false);
  });
});
