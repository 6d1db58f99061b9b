// cable-lint as a linter user expects it (issue 18): the nearest .cablerc.json per file with overrides,
// problems in a config at their line, unknown rules refused, blank files reported, empty runs refused,
// every format honouring --quiet and --fix-dry-run, --output-file, and SARIF rules that link their docs.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { cliFixtures, run, workspace } from './cliHelpers';

interface SarifLog {
  runs: Array<{
    tool: { driver: { rules: Array<{ id: string; helpUri?: string; fullDescription?: { text: string }; defaultConfiguration: { level: string } }> } };
    results: Array<{ ruleId: string; level: string }>;
  }>;
}

function copy(folder: string, name: string, to: string): void {
  fs.mkdirSync(path.dirname(path.join(folder, to)), { recursive: true });
  fs.copyFileSync(path.join(cliFixtures, name), path.join(folder, to));
}

describe('cable-lint configuration', () => {
  it('applies the nearest .cablerc.json to each file, with its overrides by glob, and reads comments', () => {
    const folder = workspace();
    for (const to of ['draft.cable', 'received/old.cable', 'team/draft.cable']) copy(folder, 'unmarked.cable', to);
    fs.writeFileSync(
      path.join(folder, '.cablerc.json'),
      '{\n  // received cables are kept for reference\n  "rules": { "CBL001": "warning" },\n  "overrides": [{ "files": ["received/**"], "rules": { "CBL001": "off" } },],\n}\n',
    );
    fs.writeFileSync(path.join(folder, 'team', '.cablerc.json'), '{ "rules": { "missing-portion-mark": "info" } }');
    const result = run(['--format', 'json', '.'], { cwd: folder });
    const found = (JSON.parse(result.stdout) as Array<{ file: string; rule: string; severity: string }>).map((problem) => `${problem.file.split(path.sep).join('/')} ${problem.severity}`);
    assert.deepEqual(found.sort(), ['draft.cable warning', 'team/draft.cable info'], result.stderr);
    assert.equal(result.status, 0, result.stderr);
  });

  it("reads the extra TAGS file a .cablerc.json names, relative to that file", () => {
    const folder = workspace();
    fs.writeFileSync(path.join(folder, 'local.cable'), fs.readFileSync(path.join(cliFixtures, 'clean.cable'), 'utf8').replace('TAGS: PREL ECON FR', 'TAGS: PREL ZZLOCAL FR'));
    const unknown = run(['--format', 'json', 'local.cable'], { cwd: folder });
    assert.ok((JSON.parse(unknown.stdout) as Array<{ rule: string }>).some((problem) => problem.rule === 'CBL028'), 'without the file ZZLOCAL is unknown');
    fs.mkdirSync(path.join(folder, 'data'));
    fs.writeFileSync(path.join(folder, 'data', 'tags.tsv'), 'ZZLOCAL\tprogram\tthe office\'s own program tag\n');
    fs.writeFileSync(path.join(folder, '.cablerc.json'), '{ "tags": { "extraFile": "data/tags.tsv" } }');
    const known = run(['--format', 'json', 'local.cable'], { cwd: folder });
    assert.deepEqual((JSON.parse(known.stdout) as Array<{ rule: string }>).map((problem) => problem.rule), [], known.stderr);
  });

  it('reports a bad key or value of a config file at its line and column, keeps the defaults, and exits 2', () => {
    const folder = workspace('unmarked.cable');
    fs.writeFileSync(path.join(folder, '.cablerc.json'), '{\n  "rules": {\n    "CBL999": "off",\n    "CBL001": "loud"\n  },\n  "colour": "red"\n}\n');
    const result = run(['unmarked.cable'], { cwd: folder });
    assert.equal(result.status, 2);
    const rc = path.join(folder, '.cablerc.json');
    assert.ok(result.stderr.includes(`${rc}:3:5: "rules.CBL999": no rule has that id or alias`), result.stderr);
    assert.ok(result.stderr.includes(`${rc}:4:15: "rules.CBL001": "loud" is not a severity`), result.stderr);
    assert.ok(result.stderr.includes(`${rc}:6:3: "colour" is not a Cable setting`), result.stderr);
    assert.match(result.stdout, /^unmarked\.cable:15:1 error CBL001 /m, 'CBL001 keeps its default severity');
  });
});

describe('cable-lint conventions', () => {
  it('refuses an unknown rule id or severity in --rule, naming it, with exit 2', () => {
    const folder = workspace('clean.cable');
    const unknownRule = run(['--rule', 'CBL999=off', 'clean.cable'], { cwd: folder });
    assert.equal(unknownRule.status, 2);
    assert.match(unknownRule.stderr, /unknown rule 'CBL999'/);
    const unknownSeverity = run(['--rule', 'CBL001=loud', 'clean.cable'], { cwd: folder });
    assert.equal(unknownSeverity.status, 2);
    assert.match(unknownSeverity.stderr, /unknown severity 'loud'/);
    assert.equal(run(['--rule', 'missing-portion-mark=off', 'clean.cable'], { cwd: folder }).status, 0, 'an alias is a rule name');
  });

  it('reports a zero-byte and a blank file as not a cable (CBL036), exit 1', () => {
    const folder = workspace();
    fs.writeFileSync(path.join(folder, 'empty.cable'), '');
    fs.writeFileSync(path.join(folder, 'blank.cable'), '\n  \n\t\n');
    const result = run(['.'], { cwd: folder });
    assert.equal(result.status, 1);
    assert.match(result.stdout, /^blank\.cable:1:1 error CBL036 Not a cable/m);
    assert.match(result.stdout, /^empty\.cable:1:1 error CBL036 Not a cable/m);
  });

  it('exits 2 with a clear message when a folder or a glob yields no .cable file', () => {
    const folder = workspace();
    fs.mkdirSync(path.join(folder, 'notes'));
    fs.writeFileSync(path.join(folder, 'notes', 'read-me.txt'), 'not a cable');
    const emptyFolder = run(['notes'], { cwd: folder });
    assert.equal(emptyFolder.status, 2);
    assert.match(emptyFolder.stderr, /notes: no \.cable file in this folder/);
    const emptyGlob = run(['notes/*'], { cwd: folder });
    assert.equal(emptyGlob.status, 2);
    assert.match(emptyGlob.stderr, /notes\/\*: no \.cable file matches this glob/);
  });

  it('--fix-dry-run with --format json or sarif writes that format alone on stdout, the diff on stderr', () => {
    const folder = workspace('artifacts.cable');
    const before = fs.readFileSync(path.join(folder, 'artifacts.cable'), 'utf8');
    for (const format of ['json', 'sarif']) {
      const result = run(['--fix-dry-run', '--format', format, 'artifacts.cable'], { cwd: folder });
      assert.doesNotThrow(() => JSON.parse(result.stdout), `${format}: stdout is ${format} only`);
      assert.match(result.stderr, /^--- artifacts\.cable/m, `${format}: the diff is on stderr`);
    }
    assert.equal(fs.readFileSync(path.join(folder, 'artifacts.cable'), 'utf8'), before);
  });

  it('--quiet keeps only errors in text, JSON and SARIF', () => {
    const folder = workspace('artifacts.cable', 'unmarked.cable');
    const base = ['--quiet', '--rule', 'CBL026=warning'];
    const text = run([...base, '.'], { cwd: folder }).stdout.trim().split('\n');
    assert.deepEqual(text.map((line) => line.split(' ')[1]), ['error']);
    const json = JSON.parse(run([...base, '--format', 'json', '.'], { cwd: folder }).stdout) as Array<{ severity: string }>;
    assert.deepEqual(json.map((problem) => problem.severity), ['error']);
    const sarif = JSON.parse(run([...base, '--format', 'sarif', '.'], { cwd: folder }).stdout) as SarifLog;
    assert.deepEqual(sarif.runs[0].results.map((result) => result.level), ['error']);
    const loud = JSON.parse(run(['--rule', 'CBL026=warning', '--format', 'sarif', '.'], { cwd: folder }).stdout) as SarifLog;
    assert.ok(loud.runs[0].results.some((result) => result.level === 'warning'), 'without --quiet the warnings are there');
  });

  it('--output-file writes the report there (making its folder), whole, and nothing on stdout', () => {
    const folder = workspace('unmarked.cable');
    const expected = run(['--format', 'json', 'unmarked.cable'], { cwd: folder }).stdout;
    const result = run(['--format', 'json', '--output-file', 'out/report.json', 'unmarked.cable'], { cwd: folder });
    assert.equal(result.stdout, '');
    assert.equal(result.status, 1);
    assert.equal(fs.readFileSync(path.join(folder, 'out', 'report.json'), 'utf8'), expected);
    assert.deepEqual(fs.readdirSync(path.join(folder, 'out')), ['report.json'], 'no temporary file is left');
    const nowhere = run(['--output-file', 'unmarked.cable/report.txt', 'unmarked.cable'], { cwd: folder });
    assert.equal(nowhere.status, 2);
    assert.match(nowhere.stderr, /unmarked\.cable\/report\.txt: .*(ENOTDIR|EEXIST)/);
  });

  it("SARIF rules carry helpUri to the rule's section of the shipped docs, fullDescription and their default level", () => {
    const folder = workspace('unmarked.cable');
    const sarif = JSON.parse(run(['--format', 'sarif', 'unmarked.cable'], { cwd: folder }).stdout) as SarifLog;
    const rule = sarif.runs[0].tool.driver.rules.find((candidate) => candidate.id === 'CBL001')!;
    assert.equal(rule.defaultConfiguration.level, 'error');
    assert.match(rule.helpUri ?? '', /^file:\/\/.*\/docs\/rules\.md#cbl001-missing-portion-mark$/);
    const docs = fs.readFileSync(fileURLToPath(rule.helpUri!.replace(/#.*/, '')), 'utf8');
    assert.ok(docs.includes('## CBL001 missing-portion-mark'), 'the link names a real section');
    assert.match(rule.fullDescription?.text ?? '', /numbered paragraph without a portion mark/);
    assert.ok(sarif.runs[0].tool.driver.rules.every((entry) => entry.helpUri && entry.fullDescription?.text), 'every rule has both');
  });
});
