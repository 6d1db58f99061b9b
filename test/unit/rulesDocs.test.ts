// docs/rules.md, the README's rule table and the .cablerc.json schema stay true to the rule list.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { allRules } from '../../server/src/service/rules';
import { repoRoot } from '../helpers';

const read = (file: string) => fs.readFileSync(path.join(repoRoot, file), 'utf8');

function tableRows(text: string): Array<{ id: string; alias: string; severity: string }> {
  const section = text.slice(text.indexOf('<!-- rules:start -->'), text.indexOf('<!-- rules:end -->'));
  return [...section.matchAll(/^\| \[(CBL\d{3})\]\([^)]*\) \| `([^`]+)` \| (\w+) \|/gm)].map((match) => ({ id: match[1], alias: match[2], severity: match[3] }));
}

const expected = allRules.map((rule) => ({ id: rule.id, alias: rule.alias, severity: rule.defaultSeverity })).sort((a, b) => a.id.localeCompare(b.id));

describe('rule documentation', () => {
  it("the README's rule table lists exactly the rules, with alias and default severity", () => {
    assert.ok(read('README.md').includes('<!-- rules:start -->'));
    assert.deepEqual(tableRows(read('README.md')), expected);
  });

  it('docs/rules.md has the same table and one section per rule, each with a default and a fix line', () => {
    const docs = read('docs/rules.md');
    assert.deepEqual(tableRows(docs), expected);
    const sections = [...docs.matchAll(/^## (CBL\d{3}) (\S+)$/gm)].map((match) => `${match[1]} ${match[2]}`).filter((heading) => !heading.startsWith('CBL000'));
    assert.deepEqual(sections.sort(), expected.map((rule) => `${rule.id} ${rule.alias}`));
    for (const rule of allRules) {
      const start = docs.indexOf(`## ${rule.id} ${rule.alias}`);
      const end = docs.indexOf('\n## ', start + 1);
      const body = docs.slice(start, end < 0 ? undefined : end);
      assert.match(body, new RegExp(`\\*\\*Default:\\*\\* ${rule.defaultSeverity}`), `${rule.id} documents its default`);
      assert.match(body, /\*\*Fix:\*\*/, `${rule.id} says what its fix does, or that it has none`);
      if (rule.safeForFixAll) assert.match(body, /fix-all/, `${rule.id} says it is in fix-all`);
    }
  });

  it('schemas/cablerc.schema.json names every rule by id and alias', () => {
    const schema = JSON.parse(read('schemas/cablerc.schema.json'));
    assert.deepEqual(Object.keys(schema.properties.rules.properties).sort(), allRules.flatMap((rule) => [rule.id, rule.alias]).sort());
  });
});
