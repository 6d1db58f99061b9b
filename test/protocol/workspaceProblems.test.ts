// The problems of every cable in the workspace (issue 18): answered to the client's workspace diagnostic
// pull once Check All Cables in Workspace turns them on, only what changed on the next pull, and
// published to a client that cannot pull; `.cableignore` leaves files out.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { WorkspaceDiagnosticReport } from 'vscode-languageserver-protocol';
import { cliFixtures } from '../cli/cliHelpers';
import { LspTestClient } from './lspClient';

const unmarked = fs.readFileSync(path.join(cliFixtures, 'unmarked.cable'), 'utf8');
const clean = fs.readFileSync(path.join(cliFixtures, 'clean.cable'), 'utf8');

function tree(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-problems-'));
  fs.writeFileSync(path.join(folder, 'unmarked.cable'), unmarked);
  fs.writeFileSync(path.join(folder, 'clean.cable'), clean);
  fs.mkdirSync(path.join(folder, 'old'));
  fs.writeFileSync(path.join(folder, 'old', 'ignored.cable'), unmarked);
  fs.writeFileSync(path.join(folder, '.cableignore'), 'old/\n');
  return folder;
}

const summary = (report: WorkspaceDiagnosticReport, folder: string) =>
  report.items
    .map((item) => `${path.relative(folder, new URL(item.uri).pathname)} ${item.kind === 'full' ? item.items.map((d) => `${d.range.start.line + 1}:${d.code}`).join(',') : 'unchanged'}`)
    .sort();

describe('workspace problems over the protocol', () => {
  const folders: string[] = [];
  const clients: LspTestClient[] = [];
  after(async () => {
    for (const client of clients) if (client.process.exitCode === null) await client.shutdown();
    for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
  });

  it('announces workspace diagnostics to a client that pulls, holds the pull until the check is turned on, then answers every cable', async () => {
    const folder = tree();
    folders.push(folder);
    const client = new LspTestClient();
    clients.push(client);
    const result = await client.initialize(
      { textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { configuration: true, diagnostics: { refreshSupport: true } } },
      undefined,
      [pathToFileURL(folder).href],
    );
    assert.deepEqual(result.capabilities.diagnosticProvider, { identifier: 'cable', interFileDependencies: true, workspaceDiagnostics: true });

    let answered = false;
    const first = client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [] }).then((report) => ((answered = true), report));
    // An open cable's own pull is answered at once.
    const uri = pathToFileURL(path.join(folder, 'unmarked.cable')).href;
    await client.open(uri, unmarked);
    const own = await client.request<{ kind: string; items: Array<{ code: string }> }>('textDocument/diagnostic', { textDocument: { uri } });
    assert.deepEqual(own.items.map((d) => d.code), ['CBL001']);
    assert.equal(answered, false, 'the workspace pull waits while the check is off');

    await client.request('cable/checkWorkspace', {});
    const report = await first;
    assert.deepEqual(summary(report, folder), ['clean.cable ', 'unmarked.cable 15:CBL001'], 'the ignored folder is left out');

    // The next pull names what it has; only a file that changed comes back.
    const previousResultIds = report.items.map((item) => ({ uri: item.uri, value: (item as { resultId?: string }).resultId! }));
    const second = client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds });
    fs.writeFileSync(path.join(folder, 'clean.cable'), clean.replace('1. (U) This', '1. This'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(folder, 'clean.cable')).href, type: 2 }] });
    assert.deepEqual(summary(await second, folder), ['clean.cable 13:CBL001']);
  });

  it('publishes the closed cables of the workspace to a client that cannot pull, and keeps a closed cable listed', async () => {
    const folder = tree();
    folders.push(folder);
    const client = new LspTestClient();
    clients.push(client);
    const result = await client.initialize({}, undefined, [pathToFileURL(folder).href]);
    assert.equal(result.capabilities.diagnosticProvider, undefined, 'no pull without the client capability');
    const uri = pathToFileURL(path.join(folder, 'unmarked.cable')).href;
    await client.request('cable/checkWorkspace', {});
    const published = await client.waitForDiagnostics(uri, (params) => params.diagnostics.length > 0);
    assert.deepEqual(published.diagnostics.map((d) => d.code), ['CBL001']);
    assert.equal(client.latestDiagnostics.get(pathToFileURL(path.join(folder, 'old', 'ignored.cable')).href), undefined, '.cableignore leaves it out');

    await client.open(uri, unmarked.replace('2. The Department', '2. (U) The Department'));
    await client.waitForDiagnostics(uri, (params) => params.diagnostics.length === 0);
    await client.close(uri);
    const onDisk = await client.waitForDiagnostics(uri, (params) => params.diagnostics.length > 0);
    assert.deepEqual(onDisk.diagnostics.map((d) => d.code), ['CBL001'], 'closed, it shows the file on disk again');
  });

  it("a pulling client gets an open cable's diagnostics by pull; with validate.run onSave, those of the text as saved, and a refresh on save", async () => {
    const client = new LspTestClient();
    clients.push(client);
    client.configuration = { cable: { validate: { run: 'onSave' } } };
    // The server reads the settings after initialized, then asks the client to pull again.
    const settingsRead = client.nextRefresh();
    await client.initialize({ textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { configuration: true, diagnostics: { refreshSupport: true } } });
    const uri = 'file:///work/pull/draft.cable';
    const marked = unmarked.replace('2. The Department', '2. (U) The Department');
    await client.open(uri, marked);
    const pull = async () => (await client.request<{ items: Array<{ code: string }> }>('textDocument/diagnostic', { textDocument: { uri } })).items.map((d) => d.code);
    await settingsRead;
    assert.ok(client.configurationRequests > 0, 'the settings were read');
    assert.deepEqual(await pull(), []);
    const [line] = [unmarked.split('\n').findIndex((text) => text.startsWith('2. The Department'))];
    await client.change(uri, [{ range: { start: { line, character: 3 }, end: { line, character: 7 } }, text: '' }]);
    assert.deepEqual(await pull(), [], 'unsaved: still the diagnostics of the saved text');
    const refreshed = client.nextRefresh();
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    await refreshed; // the server asks the client to pull again
    assert.deepEqual(await pull(), ['CBL001'], 'saved: the new text');
    assert.equal(client.latestDiagnostics.get(uri), undefined, 'nothing is published to a client that pulls');
  });
});
