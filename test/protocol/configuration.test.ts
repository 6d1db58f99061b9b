// Configuration over the protocol (issue 18): a multi-root workspace with nested .cablerc.json files and
// overrides gives each cable the diagnostics cable-lint gives it on the same tree; a folder's own
// settings apply to its files; a config file's problems are diagnostics in it; each diagnostic links
// its rule's section of the shipped docs.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { cliFixtures, run } from '../cli/cliHelpers';
import { repoRoot } from '../helpers';
import { LspTestClient } from './lspClient';

const severityName: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };
const unmarked = fs.readFileSync(path.join(cliFixtures, 'unmarked.cable'), 'utf8');
const guidedCable = fs.readFileSync(path.join(repoRoot, 'examples', 'guides', 'draft.cable'), 'utf8');

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

const keysOf = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${severityName[d.severity!]} ${d.code}`).sort();

describe('configuration over the protocol', () => {
  const top = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-config-'));
  const drafts = path.join(top, 'drafts');
  const other = path.join(top, 'other');
  const cables = ['draft.cable', 'received/old.cable', 'team/draft.cable', 'team/received/old.cable', 'bad/draft.cable', 'guided/draft.cable'];
  let client: LspTestClient;

  before(async () => {
    for (const cable of cables) write(path.join(drafts, cable), unmarked);
    write(path.join(other, 'draft.cable'), unmarked);
    write(
      path.join(drafts, '.cablerc.json'),
      '{\n  // drafts warn; received cables are kept for reference\n  "rules": { "CBL001": "warning" },\n  "overrides": [{ "files": ["received/**"], "rules": { "CBL001": "off" } },],\n}\n',
    );
    write(path.join(drafts, 'team', '.cablerc.json'), '{ "rules": { "missing-portion-mark": "info" }, "overrides": [{ "files": ["received/"], "rules": { "CBL001": "hint" } }] }');
    write(path.join(drafts, 'bad', '.cablerc.json'), '{\n  "rules": {\n    "CBL999": "off"\n  }\n}\n');
    // A classification guide beside a cable it applies to (issue 21), and one with a bad topic.
    write(path.join(drafts, 'guided', '.cableguide.json'), fs.readFileSync(path.join(repoRoot, 'examples', 'guides', '.cableguide.json'), 'utf8'));
    write(path.join(drafts, 'guided', 'draft.cable'), guidedCable);
    write(path.join(drafts, 'bad', '.cableguide.json'), '{\n  "guide": "Bad guide",\n  "topics": [\n    { "id": "B-1", "match": ["x"], "level": "SECRETISH" }\n  ]\n}\n');
    client = new LspTestClient();
    client.folderConfiguration.set(pathToFileURL(drafts).href, { cable: { rules: { CBL001: 'error' } } });
    client.folderConfiguration.set(pathToFileURL(other).href, { cable: { rules: { CBL001: 'hint' } } });
    await client.initialize({}, undefined, [pathToFileURL(drafts).href, pathToFileURL(other).href]);
  });

  after(async () => {
    if (client.process.exitCode === null) await client.shutdown();
    fs.rmSync(top, { recursive: true, force: true });
  });

  it('gives every cable of a nested tree the diagnostics cable-lint gives it', async () => {
    const cli = run(['--format', 'json', '.'], { cwd: drafts });
    const fromCli = new Map<string, string[]>(cables.map((cable) => [cable, []]));
    for (const problem of JSON.parse(cli.stdout) as Array<{ file: string; line: number; column: number; severity: string; rule: string }>) {
      fromCli.get(problem.file.split(path.sep).join('/'))!.push(`${problem.line}:${problem.column} ${problem.severity} ${problem.rule}`);
    }
    for (const cable of cables) {
      const uri = pathToFileURL(path.join(drafts, cable)).href;
      await client.open(uri, cable === 'guided/draft.cable' ? guidedCable : unmarked);
      const expected = fromCli.get(cable)!.sort();
      const published = await client.waitForDiagnostics(uri, (params) => JSON.stringify(keysOf(params.diagnostics)) === JSON.stringify(expected)).catch(() => undefined);
      assert.deepEqual(keysOf((published ?? client.latestDiagnostics.get(uri))?.diagnostics ?? []), expected, `${cable}: the editor agrees with cable-lint`);
    }
    // What the tree's files say, so the agreement is not an agreement on nothing.
    assert.deepEqual(fromCli.get('draft.cable'), ['15:1 warning CBL001']);
    assert.deepEqual(fromCli.get('received/old.cable'), []);
    assert.deepEqual(fromCli.get('team/draft.cable'), ['15:1 info CBL001'], 'the nearest file wins');
    assert.deepEqual(fromCli.get('team/received/old.cable'), ['15:1 hint CBL001'], "the nearest file's override");
    assert.ok(fromCli.get('guided/draft.cable')!.some((key) => key.endsWith('error CBL032')), 'the guide applies');
  });

  it("applies a workspace folder's own settings to its files (resource scope) where no .cablerc.json decides", async () => {
    const uri = pathToFileURL(path.join(other, 'draft.cable')).href;
    await client.open(uri, unmarked);
    const published = await client.waitForDiagnostics(uri, (params) => params.diagnostics.some((d) => d.code === 'CBL001' && d.severity === DiagnosticSeverity.Hint));
    assert.deepEqual(keysOf(published.diagnostics), ['15:1 hint CBL001']);
  });

  it("publishes a config file's problems as diagnostics at their place in it", async () => {
    const rcUri = pathToFileURL(path.join(drafts, 'bad', '.cablerc.json')).href;
    const published = await client.waitForDiagnostics(rcUri, (params) => params.diagnostics.length > 0);
    assert.equal(published.diagnostics.length, 1);
    const guideProblems = await client.waitForDiagnostics(pathToFileURL(path.join(drafts, 'bad', '.cableguide.json')).href, (params) => params.diagnostics.length > 0);
    assert.deepEqual(guideProblems.diagnostics.map((d) => `${d.range.start.line + 1} ${d.message.slice(0, 30)}`), ['4 topic B-1: "level" must be one']);
    const [problem] = published.diagnostics;
    assert.deepEqual(problem.range.start, { line: 2, character: 4 });
    assert.match(problem.message, /"rules\.CBL999": no rule has that id or alias/);
    assert.equal(problem.severity, DiagnosticSeverity.Warning);
  });

  it("links each diagnostic to its rule's section of docs/rules.md (codeDescription)", () => {
    const diagnostic = client.latestDiagnostics.get(pathToFileURL(path.join(drafts, 'draft.cable')).href)!.diagnostics[0];
    const href = diagnostic.codeDescription?.href ?? '';
    const match = /^(file:\/\/.*\/docs\/rules\.md)#L(\d+)$/.exec(href);
    assert.ok(match, href);
    const heading = fs.readFileSync(fileURLToPath(match[1]), 'utf8').split('\n')[Number(match[2]) - 1];
    assert.equal(heading, `## ${diagnostic.code} missing-portion-mark`);
  });
});
