// Fixture cables for each way real text varies (cable-format.md section 13), with their expectations
// inline as markdownlint's fixtures have them: a line that should draw findings ends with the rule ids
// in brackets, ` ⟦CBL015⟧`; every other line must draw none, from any rule. The markers are removed
// before the cable is checked. `NAME.fixed.cable` beside a fixture is the whole text fix-all must give,
// and fix-all must leave it as it is.
import { applyTextEdits } from '../../server/src/service/textEdits';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { fixturesDir } from '../helpers';
import { readMarkedFixture } from './markedFixtures';
import { diagnosticsOf, serviceFor } from './serviceHelpers';

const dir = path.join(fixturesDir, 'real');
function fixAll(text: string): string {
  const { service, document } = serviceFor(text);
  return applyTextEdits(text, service.fixAllEdits(document));
}

const fixtures = fs.readdirSync(dir).filter((name) => name.endsWith('.cable') && !name.endsWith('.fixed.cable')).sort();

describe('real-text fixtures: findings where the markers say, and nowhere else', () => {
  it('has a fixture for each variation of section 13', () => {
    assert.ok(fixtures.length >= 15, `${fixtures.length} fixtures`);
  });

  for (const name of fixtures) {
    it(name, () => {
      const { text, expected } = readMarkedFixture(fs.readFileSync(path.join(dir, name), 'utf8'));
      const found = diagnosticsOf(text).map((diagnostic) => `${diagnostic.range.start.line + 1} ${diagnostic.code}`);
      assert.deepEqual(found.sort(), expected);
      const fixedName = name.replace(/\.cable$/, '.fixed.cable');
      if (!fs.existsSync(path.join(dir, fixedName))) return;
      const fixed = fixAll(text);
      assert.equal(fixed, fs.readFileSync(path.join(dir, fixedName), 'utf8'), `${name}: fix-all gives ${fixedName}`);
      assert.equal(fixAll(fixed), fixed, `${name}: a second fix-all changes nothing`);
    });
  }

  it('the marker reader finds the rules and removes the markers', () => {
    const { text, expected } = readMarkedFixture('a\nb ⟦CBL001 CBL015⟧\nc');
    assert.equal(text, 'a\nb\nc');
    assert.deepEqual(expected, ['2 CBL001', '2 CBL015']);
  });
});
