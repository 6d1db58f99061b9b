// Protocol tests of references, paragraph renumbering and the workspace index, over stdio with the bundled server.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, DocumentHighlight, DocumentLink, Hover, Location, Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { parse } from '../../server/src/service/parser';
import { seedPath } from '../helpers';
import { applyTextEdits } from '../../server/src/service/textEdits';
import { LspTestClient } from './lspClient';

const seedText = fs.readFileSync(seedPath, 'utf8');
const seedLines = seedText.split('\n');

function positionOf(lines: string[], needle: string, offset = 0): Position {
  const line = lines.findIndex((candidate) => candidate.includes(needle));
  assert.ok(line >= 0, needle);
  return { line, character: lines[line].indexOf(needle) + offset };
}

function hoverValue(hover: Hover | null): string {
  assert.ok(hover, 'a hover');
  return (hover.contents as { value: string }).value;
}

/**
 * Asks until the answer satisfies `done`: the index fills in the background, and when it changes the
 * server revalidates the open cables, so each new try waits for that publication, not for a fixed time.
 */
async function eventually<T>(client: LspTestClient, ask: () => Promise<T>, done: (answer: T) => boolean, timeoutMs = 10000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const published = client.nextPublish(Math.max(0, deadline - Date.now()));
    const answer = await ask();
    if (done(answer) || Date.now() > deadline) return answer;
    await published;
  }
}

describe('references over the protocol', () => {
  const uri = 'file:///work/refs/seed.cable';
  let client: LspTestClient;
  const textDocument = { uri };

  before(async () => {
    client = new LspTestClient();
    await client.initialize();
    await client.open(uri, seedText);
  });

  after(async () => {
    if (client.process.exitCode === null) await client.shutdown();
  });

  it('hovers on REF C with STATE 106288', async () => {
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument, position: positionOf(seedLines, '(REF C)', 5) });
    assert.match(hoverValue(hover), /STATE 106288/);
  });

  it('resolves REFS D-J to seven entries, and finds and highlights the citations of an entry', async () => {
    const definitions = await client.request<Location[]>('textDocument/definition', { textDocument, position: positionOf(seedLines, 'REFS D-J', 1) });
    assert.equal(definitions.length, 7);
    const references = await client.request<Location[]>('textDocument/references', {
      textDocument,
      position: positionOf(seedLines, '[E](#). STATE', 1),
      context: { includeDeclaration: true },
    });
    assert.equal(references.length, 3);
    const highlights = await client.request<DocumentHighlight[]>('textDocument/documentHighlight', { textDocument, position: positionOf(seedLines, 'REF K', 4) });
    assert.equal(highlights.length, 2);
  });

  it('jumps from a paragraph cross-reference to the paragraph', async () => {
    const [location] = await client.request<Location[]>('textDocument/definition', { textDocument, position: positionOf(seedLines, 'please see paragraph 3', 21) });
    assert.match(seedLines[location.range.start.line], /BEGIN GUIDANCE/);
  });

  it('prepares a rename on a REF letter and refuses elsewhere with an error', async () => {
    const prepared = await client.request<{ range: Range; placeholder: string }>('textDocument/prepareRename', { textDocument, position: positionOf(seedLines, 'REF K', 4) });
    assert.equal(prepared.placeholder, 'K');
    await assert.rejects(
      client.request('textDocument/prepareRename', { textDocument, position: positionOf(seedLines, 'Embassy Paris please', 3) }),
      /Only a REF letter can be renamed/,
    );
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument, position: positionOf(seedLines, 'REF K', 4), newName: 'L' });
    const edits = edit.changes![uri];
    assert.deepEqual(
      edits.map((e) => [e.range.start.line, e.newText]),
      [
        [29, 'L'],
        [77, 'L'],
      ],
    );
    await assert.rejects(
      client.request('textDocument/rename', { textDocument, position: positionOf(seedLines, 'REF K', 4), newName: 'C' }),
      /already in use/,
    );
  });

  it('renumbers the seed through workspace/executeCommand and workspace/applyEdit', async () => {
    const before = client.appliedEdits.length;
    const result = await client.request<{ applied: boolean; changes: number }>('workspace/executeCommand', { command: 'cable.renumberParagraphs', arguments: [uri] });
    assert.equal(result.applied, true);
    assert.equal(client.appliedEdits.length, before + 1);
    const applied = client.appliedEdits[before] as { edit: { documentChanges: Array<{ textDocument: { uri: string }; edits: TextEdit[] }> } };
    const change = applied.edit.documentChanges[0];
    assert.equal(change.textDocument.uri, uri);
    const model = parse(applyTextEdits(seedText, change.edits));
    assert.deepEqual(
      model.paragraphs.map((paragraph) => paragraph.number.text),
      ['1', '2', '3', '4'],
    );
    assert.deepEqual(
      model.paragraphs[2].subParagraphs.map((sub) => sub.label.text),
      ['A', 'B', 'C', 'D'],
    );
    assert.equal(model.paragraphXrefs[0].text, 'paragraph 3');
  });

  it('re-letters with no edit to apply when the seed is already in order', async () => {
    const before = client.appliedEdits.length;
    const result = await client.request<{ applied: boolean; changes: number }>('workspace/executeCommand', { command: 'cable.reletterReferences', arguments: [uri] });
    assert.equal(result.changes, 0);
    assert.equal(client.appliedEdits.length, before);
  });

  it('reports CBL015 and CBL018 on the seed', async () => {
    const published = await client.waitForDiagnostics(uri, (d) => d.diagnostics.some((diagnostic) => diagnostic.code === 'CBL015'));
    const codes = published.diagnostics.map((diagnostic: Diagnostic) => diagnostic.code);
    assert.equal(codes.filter((code) => code === 'CBL015').length, 4);
    assert.equal(codes.filter((code) => code === 'CBL018').length, 2);
    assert.ok(!codes.includes('CBL017'));
  });
});

describe('the workspace index over the protocol', () => {
  let root: string;
  let client: LspTestClient;
  const referencedText = seedText
    .replace('C O N F I D E N T I A L STATE 109154', 'S E C R E T STATE 106288')
    .replace('GUIDANCE FOR THE OCTOBER 16, 2008 POC MEETING (C)', 'PLENARY PROPOSALS ON TECHNICAL OUTREACH (S)');
  let seedUri: string;
  let referencedUri: string;

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-ws-'));
    fs.mkdirSync(path.join(root, 'sent'));
    fs.writeFileSync(path.join(root, 'seed.cable'), seedText);
    fs.writeFileSync(path.join(root, 'sent', 'referenced.cable'), referencedText);
    seedUri = pathToFileURL(path.join(root, 'seed.cable')).href;
    referencedUri = pathToFileURL(path.join(root, 'sent', 'referenced.cable')).href;
    client = new LspTestClient();
    // The test client's initialize has no workspace folders: send one with them.
    client.initializeResult = await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      capabilities: { workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true }, didChangeWatchedFiles: { dynamicRegistration: true } } },
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'cables' }],
    });
    await client.connection.sendNotification('initialized', {});
    await client.open(seedUri, seedText);
  });

  after(async () => {
    if (client.process.exitCode === null) await client.shutdown();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('hovers on a REF entry with the indexed cable subject, classification and date', async () => {
    const hover = await eventually(
      client,
      () => client.request<Hover | null>('textDocument/hover', { textDocument: { uri: seedUri }, position: positionOf(seedLines, '[C](#). STATE 106288', 10) }),
      (answer) => Boolean(answer && /PLENARY PROPOSALS/.test(hoverValue(answer))),
    );
    const value = hoverValue(hover);
    assert.match(value, /PLENARY PROPOSALS ON TECHNICAL OUTREACH/);
    assert.match(value, /Classification: SECRET/);
    assert.match(value, /Date: 2008-10-10/);
  });

  it('links the entry to the file and goes to its definition', async () => {
    const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: seedUri } });
    assert.deepEqual(
      links.map((link) => link.target),
      [referencedUri],
    );
    const [location] = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: seedUri }, position: positionOf(seedLines, '[C](#). STATE 106288', 10) });
    assert.equal(location.uri, referencedUri);
  });

  it('reports CBL030 for a reference classified above the banner', async () => {
    const published = await client.waitForDiagnostics(seedUri, (d) => d.diagnostics.some((diagnostic) => diagnostic.code === 'CBL030'));
    const found = published.diagnostics.filter((diagnostic) => diagnostic.code === 'CBL030');
    assert.equal(found.length, 1);
    assert.equal(found[0].range.start.line, 21);
  });

  it('lists the citing cables from a banner, following a file created on disk', async () => {
    await client.open(referencedUri, referencedText);
    const bannerPosition = positionOf(referencedText.split('\n'), 'STATE 106288', 2);
    const ask = () => client.request<Location[]>('textDocument/references', { textDocument: { uri: referencedUri }, position: bannerPosition, context: { includeDeclaration: false } });
    const first = await eventually(client, ask, (answer) => answer.length === 1);
    assert.deepEqual(
      first.map((location) => location.uri),
      [seedUri],
    );
    const addedFile = path.join(root, 'added.cable');
    fs.writeFileSync(addedFile, seedText.replace('STATE 109154', 'STATE 109999'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(addedFile).href, type: 1 }] });
    const second = await eventually(client, ask, (answer) => answer.length === 2);
    assert.deepEqual(
      second.map((location) => location.uri).sort(),
      [pathToFileURL(addedFile).href, seedUri].sort(),
    );
    fs.rmSync(addedFile);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(addedFile).href, type: 3 }] });
    const third = await eventually(client, ask, (answer) => answer.length === 1);
    assert.equal(third.length, 1);
  });
});
