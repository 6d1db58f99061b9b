// End-to-end tests of cable-lint: the built dist/cli.js as a child process on fixture folders.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../helpers';
import { cli, cliFixtures, run, workspace } from './cliHelpers';

interface JsonProblem {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  rule: string;
  alias: string;
  message: string;
}

describe('cable-lint', () => {
  it('exits 0 on a clean cable and prints the summary line', () => {
    const folder = workspace('clean.cable');
    const result = run(['clean.cable'], { cwd: folder });
    assert.equal(result.stdout, '', result.stdout);
    assert.match(result.stderr, /^1 file, 0 errors, 0 warnings$/m);
    assert.equal(result.status, 0);
  });

  it('prints file:line:col severity rule message and exits 1 on errors', () => {
    const folder = workspace('unmarked.cable', 'clean.cable');
    const result = run(['.'], { cwd: folder });
    assert.equal(result.status, 1, result.stderr);
    const lines = result.stdout.trim().split('\n');
    assert.ok(lines.some((line) => line.startsWith('unmarked.cable:15:1 error CBL001 ')), result.stdout);
    assert.ok(lines.every((line) => /^[^:]+:\d+:\d+ (error|warning|info|hint) CBL\d{3} \S/.test(line)), result.stdout);
    assert.ok(!lines.some((line) => line.startsWith('clean.cable')), 'the clean cable draws nothing');
    assert.match(result.stderr, /^2 files, 1 error, 0 warnings$/m);
  });

  it("prints lines that the extension's $cable-lint problem matcher reads", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    const matcher = manifest.contributes.problemMatchers.find((entry: { name: string }) => entry.name === 'cable-lint');
    const pattern = new RegExp(matcher.pattern.regexp);
    const folder = workspace('unmarked.cable');
    const lines = run(['unmarked.cable'], { cwd: folder }).stdout.trim().split('\n');
    const match = pattern.exec(lines[0]);
    assert.ok(match, lines[0]);
    assert.deepEqual(
      [match[matcher.pattern.file], match[matcher.pattern.line], match[matcher.pattern.column], match[matcher.pattern.severity], match[matcher.pattern.code]],
      ['unmarked.cable', '15', '1', 'error', 'CBL001'],
    );
    assert.ok(match[matcher.pattern.message].length > 10);
  });

  it('writes JSON with 1-based lines and columns, rule and alias', () => {
    const folder = workspace('unmarked.cable');
    const result = run(['--format', 'json', 'unmarked.cable'], { cwd: folder });
    assert.equal(result.status, 1);
    const problems = JSON.parse(result.stdout) as JsonProblem[];
    const missing = problems.find((problem) => problem.rule === 'CBL001');
    assert.ok(missing, result.stdout);
    assert.deepEqual(
      { file: missing.file, line: missing.line, column: missing.column, severity: missing.severity, alias: missing.alias },
      { file: 'unmarked.cable', line: 15, column: 1, severity: 'error', alias: 'missing-portion-mark' },
    );
    assert.ok(missing.endLine >= missing.line && missing.endColumn > 0);
    assert.ok(missing.message.length > 10);
  });

  it('checks a REF against the other cables it lints, as the editor does with its workspace (CBL030)', () => {
    const folder = workspace('clean.cable');
    const cited = fs.readFileSync(path.join(folder, 'clean.cable'), 'utf8').replace('UNCLAS STATE 012345', 'C O N F I D E N T I A L STATE 012345');
    fs.writeFileSync(path.join(folder, 'cited.cable'), cited.replace('1. (U) This', '1. (C) This').replace('2. (U) Please', '2. (C) Please'));
    const citing = fs.readFileSync(path.join(folder, 'clean.cable'), 'utf8')
      .replace('UNCLAS STATE 012345', 'UNCLAS STATE 012399')
      .replace('SUBJECT: ANNUAL ECONOMIC DIALOGUE: LOGISTICS\n', 'SUBJECT: ANNUAL ECONOMIC DIALOGUE: LOGISTICS\n\nREF: STATE 012345\n')
      .replace('see paragraph 2.', 'see paragraph 2 and REFTEL.');
    fs.writeFileSync(path.join(folder, 'citing.cable'), citing);
    fs.rmSync(path.join(folder, 'clean.cable'));

    const both = JSON.parse(run(['--format', 'json', '.'], { cwd: folder }).stdout) as JsonProblem[];
    const higher = both.filter((problem) => problem.rule === 'CBL030');
    assert.deepEqual(higher.map((problem) => [problem.file, problem.line, problem.severity]), [['citing.cable', 13, 'info']], JSON.stringify(both));
    assert.match(higher[0].message, /CONFIDENTIAL/);

    // Alone, the citing cable has nothing to look the reference up in.
    const alone = JSON.parse(run(['--format', 'json', 'citing.cable'], { cwd: folder }).stdout) as JsonProblem[];
    assert.deepEqual(alone.filter((problem) => problem.rule === 'CBL030'), []);
  });

  it('writes SARIF 2.1.0 with the rules and results', () => {
    const folder = workspace('unmarked.cable');
    const result = run(['--format', 'sarif', 'unmarked.cable'], { cwd: folder });
    const log = JSON.parse(result.stdout);
    assert.equal(log.version, '2.1.0');
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.name, 'cable-lint');
    assert.ok(driver.rules.some((rule: { id: string; name: string }) => rule.id === 'CBL001' && rule.name === 'missing-portion-mark'));
    const sarifResult = log.runs[0].results.find((entry: { ruleId: string }) => entry.ruleId === 'CBL001');
    assert.equal(sarifResult.level, 'error');
    assert.equal(sarifResult.locations[0].physicalLocation.artifactLocation.uri, 'unmarked.cable');
    assert.equal(sarifResult.locations[0].physicalLocation.region.startLine, 15);
    assert.equal(driver.rules[sarifResult.ruleIndex].id, 'CBL001');
  });

  it('--fix applies the safe fixes atomically, keeps the mode, and a second run finds nothing to fix', () => {
    const folder = workspace('artifacts.cable');
    const file = path.join(folder, 'artifacts.cable');
    fs.chmodSync(file, 0o640);
    const before = fs.readFileSync(file, 'utf8');
    const result = run(['--fix', 'artifacts.cable'], { cwd: folder });
    assert.equal(result.status, 0, result.stdout + result.stderr);
    const after = fs.readFileSync(file, 'utf8');
    assert.equal(after, before.replace(/\[([^\]]*)\]\(#\)/g, '$1'));
    assert.equal(fs.statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(fs.readdirSync(folder), ['artifacts.cable'], 'no temporary file left behind');
    const again = run(['--fix-dry-run', 'artifacts.cable'], { cwd: folder });
    assert.equal(again.stdout, '', 'nothing left to fix');
  });

  it('--fix-dry-run prints the diff and changes nothing', () => {
    const folder = workspace('artifacts.cable');
    const file = path.join(folder, 'artifacts.cable');
    const before = fs.readFileSync(file, 'utf8');
    const result = run(['--fix-dry-run', 'artifacts.cable'], { cwd: folder });
    assert.match(result.stdout, /^-TAGS: \[PREL\]\(#\) \[ECON\]\(#\) \[FR\]\(#\)$/m);
    assert.match(result.stdout, /^\+TAGS: PREL ECON FR$/m);
    assert.equal(fs.readFileSync(file, 'utf8'), before);
  });

  it('reads standard input for -', () => {
    const input = fs.readFileSync(path.join(cliFixtures, 'unmarked.cable'), 'utf8');
    const result = run(['--format', 'json', '-'], { cwd: os.tmpdir(), input });
    const problems = JSON.parse(result.stdout) as JsonProblem[];
    assert.ok(problems.some((problem) => problem.file === '<stdin>' && problem.rule === 'CBL001' && problem.line === 15));
    assert.equal(result.status, 1);
  });

  it('goes on past an unreadable file and a binary file, naming each, and exits 2', () => {
    const folder = workspace('clean.cable', 'unmarked.cable');
    fs.symlinkSync(path.join(folder, 'missing-target'), path.join(folder, 'dangling.cable'));
    fs.writeFileSync(path.join(folder, 'binary.cable'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0x10]));
    const result = run(['.'], { cwd: folder });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^cable-lint: dangling\.cable: cannot read: ENOENT$/m);
    assert.match(result.stderr, /^cable-lint: binary\.cable: skipped: binary content, not a cable$/m);
    assert.match(result.stdout, /^unmarked\.cable:15:1 error CBL001 /m, 'the other files were still checked');
    assert.match(result.stderr, /^4 files, 1 error, 0 warnings$/m);
  });

  it('exits 2 on a bad .cablerc.json, naming the file', () => {
    const folder = workspace('clean.cable');
    fs.writeFileSync(path.join(folder, '.cablerc.json'), '{ "rules": { "CBL001": "loud" ');
    const result = run(['clean.cable'], { cwd: folder });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /\.cablerc\.json/);
  });

  it('reads the nearest .cablerc.json and --rule overrides it', () => {
    const folder = workspace('unmarked.cable');
    fs.writeFileSync(path.join(folder, '.cablerc.json'), JSON.stringify({ rules: { 'missing-portion-mark': 'warning' } }));
    const warned = run(['unmarked.cable'], { cwd: folder });
    assert.match(warned.stdout, /^unmarked\.cable:15:1 warning CBL001 /m);
    assert.equal(warned.status, 0, 'warnings alone pass');
    const limited = run(['--max-warnings', '0', 'unmarked.cable'], { cwd: folder });
    assert.equal(limited.status, 1, 'more warnings than --max-warnings');
    const off = run(['--rule', 'CBL001=off', 'unmarked.cable'], { cwd: folder });
    assert.doesNotMatch(off.stdout, /CBL001/);
    assert.equal(off.status, 0);
  });

  it('takes a glob and skips node_modules and .git in folders', () => {
    const folder = workspace('unmarked.cable', 'clean.cable');
    for (const skipped of ['node_modules', '.git']) {
      fs.mkdirSync(path.join(folder, skipped));
      fs.copyFileSync(path.join(cliFixtures, 'unmarked.cable'), path.join(folder, skipped, 'hidden.cable'));
    }
    const folderRun = run(['.'], { cwd: folder });
    assert.doesNotMatch(folderRun.stdout, /hidden\.cable/);
    const globRun = run(['*.cable'], { cwd: folder });
    assert.match(globRun.stderr, /^2 files,/m);
  });

  it('stops quietly when the reader of its output goes away (| head)', async () => {
    const folder = workspace('unmarked.cable');
    for (let copy = 0; copy < 300; copy++) fs.copyFileSync(path.join(folder, 'unmarked.cable'), path.join(folder, `copy${copy}.cable`));
    const child = spawn(process.execPath, [cli, '--format', 'text', '.'], { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.doesNotMatch(stderr, /EPIPE|Error|at /, stderr);
    assert.notEqual(code, 2, 'not an internal error');
  });

  it('exits 2 with a one-line reason on bad arguments', () => {
    for (const args of [['--format', 'xml', 'a.cable'], ['--rule', 'CBL001=loud', 'a.cable'], [], ['no-such-file.cable']]) {
      const result = run(args, { cwd: os.tmpdir() });
      assert.equal(result.status, 2, args.join(' '));
      assert.match(result.stderr, /^cable-lint: .+/m);
    }
  });
});
