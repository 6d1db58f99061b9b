// Robustness of the running server over stdio: incremental sync survives 1,000 random edits, requests it
// cannot serve get empty results or proper errors (never a crash), a 20 MB cable is analysed up to the
// stated limit without freezing, and the process exits as the LSP spec says and leaves no zombie.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node';
import type { Diagnostic, DocumentSymbol, FoldingRange, Position, Range } from 'vscode-languageserver-types';
import { generateCable, generateCableOfSize, randomSource } from '../../bench/generate';
import { LspTestClient } from '../protocol/lspClient';
import { applyEdits, cableFragments, fuzzScale, fuzzSeed, HANG_LIMIT_MS, linesOf } from './support';

const documentUri = 'file:///robustness/typing.cable';

/** A random edit of `text`: insertions, deletions, replacements, multi-line text, CRLF line breaks. */
function randomEdit(text: string, random: () => number): { range: Range; text: string } {
  const lines = linesOf(text);
  const positionAt = (): Position => {
    const line = Math.floor(random() * lines.length);
    return { line, character: Math.floor(random() * (lines[line].length + 1)) };
  };
  const start = positionAt();
  let end = start;
  const kind = random();
  if (kind < 0.45) {
    // Deletion or replacement: up to three lines on.
    const line = Math.min(lines.length - 1, start.line + Math.floor(random() * random() * 4));
    const character = line === start.line ? start.character + Math.floor(random() * (lines[line].length - start.character + 1)) : Math.floor(random() * (lines[line].length + 1));
    end = { line, character };
  }
  const pieces: string[] = [];
  if (kind >= 0.25) {
    for (let count = 1 + Math.floor(random() * 3); count > 0; count--) {
      const choice = random();
      if (choice < 0.15) pieces.push('\n');
      else if (choice < 0.25) pieces.push('\r\n');
      else if (choice < 0.4) pieces.push(String.fromCharCode(32 + Math.floor(random() * 95)));
      else if (choice < 0.45) pieces.push('\u00e9\u{1f600}');
      else pieces.push(cableFragments[Math.floor(random() * cableFragments.length)].replace(/\r(?!\n)/g, ''));
    }
  }
  // No lone CR: editors normalise it away, and a lone CR would make "line" mean different things.
  return { range: { start, end }, text: pieces.join('').replace(/\r(?!\n)/g, '') };
}

function isEmptyResult(value: unknown): boolean {
  return value === null || (Array.isArray(value) && value.length === 0) || (typeof value === 'object' && value !== null && Array.isArray((value as { data?: unknown }).data) && (value as { data: unknown[] }).data.length === 0);
}

describe('the server keeps the client\'s text through random incremental edits', () => {
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient();
    await client.initialize();
  });
  after(() => {
    if (client.process.exitCode === null) client.kill();
  });

  it(`after ${1000 * Math.min(fuzzScale, 10)} random edits its outline, folding, tokens and diagnostics equal a fresh open of the client's text`, async () => {
    const random = randomSource(fuzzSeed ?? Date.now());
    let text = generateCable({ seed: 7, paragraphs: 12, references: 5, lineEnding: '\r\n' });
    await client.open(documentUri, text);
    const edits = 1000 * Math.min(fuzzScale, 10);
    let version = 1;
    for (let sent = 0; sent < edits; ) {
      // Mostly one change per notification, sometimes a burst of several in one.
      const changes = [];
      for (let count = random() < 0.8 ? 1 : 2 + Math.floor(random() * 4); count > 0 && sent < edits; count--, sent++) {
        const change = randomEdit(text, random);
        text = applyEdits(text, [{ range: change.range, newText: change.text }], 'client edit');
        changes.push(change);
      }
      version = await client.change(documentUri, changes);
      // Now and then ask for something, as an editor does while typing.
      if (random() < 0.05) await client.request('textDocument/documentSymbol', { textDocument: { uri: documentUri } });
    }
    const edited = await client.waitForDiagnostics(documentUri, (published) => published.version === version, 20000);
    const freshUri = 'file:///robustness/fresh.cable';
    await client.open(freshUri, text);
    const fresh = await client.waitForDiagnostics(freshUri, () => true, 20000);
    const ask = <T>(method: string, uri: string) => client.request<T>(method, { textDocument: { uri } });
    assert.deepEqual(await ask<DocumentSymbol[]>('textDocument/documentSymbol', documentUri), await ask<DocumentSymbol[]>('textDocument/documentSymbol', freshUri));
    assert.deepEqual(await ask<FoldingRange[]>('textDocument/foldingRange', documentUri), await ask<FoldingRange[]>('textDocument/foldingRange', freshUri));
    assert.deepEqual(await ask('textDocument/semanticTokens/full', documentUri), await ask('textDocument/semanticTokens/full', freshUri));
    const strip = (diagnostics: Diagnostic[]) => diagnostics.map((diagnostic) => JSON.stringify(diagnostic).replaceAll(freshUri, documentUri)).sort();
    assert.deepEqual(strip(edited.diagnostics), strip(fresh.diagnostics));
  });

  it('logged no error (window/logMessage of type Error) through all the edits', () => {
    assert.deepEqual(client.loggedErrors, []);
  });
});

describe('requests the server cannot serve', () => {
  let client: LspTestClient;
  const knownUri = 'file:///robustness/known.cable';
  const knownText = generateCable({ seed: 3, paragraphs: 4, references: 2 });
  /** Handler failures the server caught and logged (`cable: hover failed: ...`): answered, but a bug. */
  before(async () => {
    client = new LspTestClient();
    await client.initialize();
    await client.open(knownUri, knownText);
  });
  after(() => {
    if (client.process.exitCode === null) client.kill();
  });

  const positionRequests = ['textDocument/hover', 'textDocument/completion', 'textDocument/definition', 'textDocument/documentHighlight', 'textDocument/prepareRename'];
  const documentRequests = ['textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/documentLink', 'textDocument/semanticTokens/full'];

  /** The answer, or the error when the server answered with a proper JSON-RPC error. */
  async function answer(method: string, params: unknown): Promise<unknown> {
    try {
      return await client.request(method, params);
    } catch (error) {
      assert.ok(error instanceof ResponseError, `${method}: not a JSON-RPC error: ${String(error)}`);
      return error;
    }
  }

  async function assertAlive(): Promise<void> {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: knownUri } });
    assert.ok(symbols.length > 0, 'the server still answers for the open cable');
    assert.equal(client.process.exitCode, null);
  }

  it('an unknown document: empty results', async () => {
    const textDocument = { uri: 'file:///robustness/never-opened.cable' };
    const position = { line: 0, character: 0 };
    const range = { start: position, end: position };
    for (const method of positionRequests) assert.ok(isEmptyResult(await answer(method, { textDocument, position })), method);
    assert.ok(isEmptyResult(await answer('textDocument/references', { textDocument, position, context: { includeDeclaration: true } })));
    for (const method of documentRequests) assert.ok(isEmptyResult(await answer(method, { textDocument })), method);
    assert.ok(isEmptyResult(await answer('textDocument/semanticTokens/range', { textDocument, range })));
    assert.ok(isEmptyResult(await answer('textDocument/codeAction', { textDocument, range, context: { diagnostics: [] } })));
    const rename = await answer('textDocument/rename', { textDocument, position, newName: 'B' });
    assert.ok(rename === null || rename instanceof ResponseError, 'rename of an unknown document');
    const command = await answer('workspace/executeCommand', { command: 'cable.renumberParagraphs', arguments: [textDocument.uri] });
    assert.ok(command instanceof ResponseError, 'a command on an unknown document is an error, not a silent no-op');
    await assertAlive();
  });

  it('positions and ranges out of range: an answer or a proper error, never a crash', async () => {
    const textDocument = { uri: knownUri };
    const lines = knownText.split('\n');
    const positions = [
      { line: lines.length + 10, character: 0 },
      { line: 1_000_000, character: 1_000_000 },
      { line: 0, character: 100_000 },
      { line: lines.length - 1, character: 5 },
      { line: 2 ** 31 - 1, character: 2 ** 31 - 1 },
    ];
    // A negative position breaks the protocol (uinteger) and is tried last: only survival is asked there.
    for (const position of [...positions, { line: -1, character: -1 }]) {
      if (position.line < 0) assert.deepEqual(client.loggedErrors, [], 'a feature threw on a position past the end of the document');
      for (const method of positionRequests) await answer(method, { textDocument, position });
      await answer('textDocument/references', { textDocument, position, context: { includeDeclaration: false } });
      await answer('textDocument/rename', { textDocument, position, newName: 'Q' });
      const range = { start: { line: 0, character: 0 }, end: position };
      await answer('textDocument/semanticTokens/range', { textDocument, range });
      await answer('textDocument/codeAction', { textDocument, range, context: { diagnostics: [] } });
      await answer('textDocument/codeAction', { textDocument, range: { start: position, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.cable'] } });
    }
    await assertAlive();
  });

  it('malformed requests and unknown methods: proper errors', async () => {
    for (const method of [...positionRequests, ...documentRequests]) await answer(method, {});
    await answer('textDocument/hover', null);
    await answer('textDocument/codeAction', { textDocument: { uri: knownUri }, range: null, context: null });
    const unknown = await answer('cable/noSuchRequest', {});
    assert.ok(unknown instanceof ResponseError && unknown.code === -32601, 'an unknown method is MethodNotFound');
    const command = await answer('workspace/executeCommand', { command: 'cable.noSuchCommand', arguments: [knownUri] });
    assert.ok(command instanceof ResponseError, 'an unknown command is an error');
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///robustness/never-opened.cable', version: 2 }, contentChanges: [{ text: 'x' }] });
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: 'file:///robustness/never-opened.cable' } });
    await client.connection.sendNotification('cable/noSuchNotification', { anything: true });
    await assertAlive();
  });

  it('cancelled requests ($/cancelRequest): a result or RequestCancelled, and the server carries on', async () => {
    const textDocument = { uri: knownUri };
    const pending: Array<Promise<unknown>> = [];
    for (let index = 0; index < 20; index++) {
      const source = new CancellationTokenSource();
      const method = index % 2 === 0 ? 'textDocument/semanticTokens/full' : 'textDocument/documentSymbol';
      pending.push(client.connection.sendRequest(method, { textDocument }, source.token).then((value) => value, (error: unknown) => error));
      source.cancel();
    }
    for (const outcome of await Promise.all(pending)) {
      if (outcome instanceof ResponseError) assert.equal(outcome.code, -32800, `a cancelled request fails with RequestCancelled, not ${outcome.message}`);
      else assert.ok(outcome !== undefined);
    }
    await assertAlive();
  });

  it('logged no error (window/logMessage of type Error) while serving all of these', () => {
    assert.deepEqual(client.loggedErrors, []);
  });
});

describe('a 20 MB cable', () => {
  it('is analysed up to the stated limit, with one diagnostic saying so, without freezing the server', async () => {
    const client = new LspTestClient();
    try {
      await client.initialize();
      const text = generateCableOfSize(11, 20 * 1024 * 1024);
      const uri = 'file:///robustness/huge.cable';
      const start = performance.now();
      await client.open(uri, text);
      // A hang guard, not a speed test: bounded by a generous CI allowance.
      const published = await client.waitForDiagnostics(uri, () => true, 60_000);
      const elapsed = performance.now() - start;
      const limit = published.diagnostics.filter((diagnostic) => /too large to analyse/i.test(diagnostic.message));
      assert.equal(limit.length, 1, 'exactly one diagnostic names the analysis limit');
      const limitLine = limit[0].range.start.line;
      assert.ok(limitLine > 0 && limitLine < text.split('\n').length - 1, `the limit falls inside the cable (line ${limitLine})`);
      assert.ok(published.diagnostics.every((diagnostic) => diagnostic.range.start.line <= limitLine), 'nothing is reported past the limit');
      assert.ok(elapsed < 30 * HANG_LIMIT_MS, `first diagnostics after ${elapsed.toFixed(0)} ms`);
      // The editor stays usable: a request on the huge cable and one on a small cable are answered.
      await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 1 } });
      await client.open('file:///robustness/small.cable', generateCable({ seed: 1, paragraphs: 2 }));
      const small = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: 'file:///robustness/small.cable' } });
      assert.ok(small.length > 0);
    } finally {
      if (client.process.exitCode === null) client.kill();
    }
  });
});

function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The parent pid is the second field after the parenthesised command name.
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) children.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return children;
}

function exitOf(client: LspTestClient): Promise<number | null> {
  return new Promise((resolve) => {
    if (client.process.exitCode !== null || client.process.signalCode !== null) resolve(client.process.exitCode);
    else client.process.once('exit', (code) => resolve(code));
  });
}

describe('process lifecycle (LSP spec)', () => {
  it('exits with code 0 after shutdown and exit', async () => {
    const client = new LspTestClient();
    await client.initialize();
    assert.equal(await client.shutdown(), 0);
  });

  it('exits with code 1 after exit without shutdown', async () => {
    const client = new LspTestClient();
    await client.initialize();
    const exited = exitOf(client);
    await client.connection.sendNotification('exit');
    assert.equal(await exited, 1);
    client.connection.dispose();
  });

  it('killed, it leaves no zombie and no orphaned child', async () => {
    const client = new LspTestClient();
    await client.initialize();
    await client.open('file:///robustness/killed.cable', generateCable({ seed: 5, paragraphs: 3 }));
    const pid = client.process.pid!;
    const children = childrenOf(pid);
    const exited = exitOf(client);
    client.process.kill('SIGKILL');
    await exited;
    client.connection.dispose();
    assert.equal(fs.existsSync(`/proc/${pid}`), false, 'the killed server was reaped (no zombie)');
    for (const child of children) assert.equal(fs.existsSync(`/proc/${child}`), false, `child ${child} of the server outlived it`);
  });

  it('exits on its own when the client goes away (stdin closed)', async () => {
    const client = new LspTestClient();
    await client.initialize();
    const pid = client.process.pid!;
    const exited = exitOf(client);
    client.process.stdin!.end();
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000).unref());
    const outcome = await Promise.race([exited, timeout]);
    if (outcome === 'timeout') client.process.kill('SIGKILL');
    client.connection.dispose();
    assert.notEqual(outcome, 'timeout', 'the server outlived its client by 10 s');
    assert.equal(fs.existsSync(`/proc/${pid}`), false);
  });
});
