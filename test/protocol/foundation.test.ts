// Protocol tests of the foundation: the bundled server over stdio, symbols, folding, incremental sync.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { DocumentSymbol, FoldingRange } from 'vscode-languageserver-types';
import { seedPath } from '../helpers';
import { LspTestClient } from './lspClient';

const seedUri = 'file:///work/seed.cable';
const seedText = fs.readFileSync(seedPath, 'utf8');
const seedLines = seedText.split('\n');
const lineOf = (prefix: string) => seedLines.findIndex((line) => line.startsWith(prefix));

describe('language server over stdio', () => {
  let client: LspTestClient;

  before(async () => {
    client = new LspTestClient();
    await client.initialize();
    await client.open(seedUri, seedText);
  });

  after(async () => {
    if (client.process.exitCode === null) client.kill();
  });

  it('announces incremental sync, symbols and folding', () => {
    const capabilities = client.initializeResult!.capabilities;
    const sync = capabilities.textDocumentSync as { change: number; openClose: boolean };
    assert.equal(sync.change, 2, 'incremental');
    assert.equal(sync.openClose, true);
    assert.ok(capabilities.documentSymbolProvider);
    assert.ok(capabilities.foldingRangeProvider);
  });

  it('outlines the seed: header, subject, references, paragraphs with their sections', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: seedUri } });
    const names = symbols.map((symbol) => symbol.name);
    assert.equal(names[0], 'Header');
    assert.ok(names.some((name) => name.startsWith('SUBJECT:') && name.includes('(C)')), names.join(' | '));
    const references = symbols.find((symbol) => symbol.name === 'References');
    assert.deepEqual(references?.children?.map((child) => child.name.slice(0, 6)), ['REF A.', 'REF B.', 'REF C.', 'REF D.', 'REF E.', 'REF F.', 'REF G.', 'REF H.', 'REF I.', 'REF J.', 'REF K.']);
    const paragraphs = symbols.filter((symbol) => /^\d+\. /.test(symbol.name));
    assert.deepEqual(paragraphs.map((symbol) => symbol.name.split(' ').slice(0, 2).join(' ')), ['1. (U)', '2. (C)', '3. (C)', '14. (U)']);
    const guidance = paragraphs[2];
    const sections = guidance.children!.filter((child) => /^(\d*[A-Z])\. /.test(child.name)).map((child) => child.name.split(' ')[0]);
    assert.deepEqual(sections, ['A.', '1B.', '1C.', '1D.']);
    assert.ok(guidance.children!.some((child) => child.name === 'GUIDANCE'), 'the BEGIN GUIDANCE block is in paragraph 3');
  });

  it('folds the header, the REF list, paragraphs and blocks', async () => {
    const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: seedUri } });
    const starts = new Set(ranges.map((range) => range.startLine));
    assert.ok(ranges.some((range) => range.startLine <= lineOf('P R 102030Z') && range.endLine >= lineOf('Reason:')), 'header');
    assert.ok(starts.has(lineOf('REF: A.')), 'REF list');
    assert.ok(starts.has(lineOf('[3](#).')), 'paragraph 3');
    assert.ok(starts.has(lineOf('1B.')), 'section B');
    const background = lineOf('(BACKGROUND: We want');
    assert.ok(starts.has(background), 'a BACKGROUND block');
  });

  it('applies incremental edits: renaming paragraph 14 to 4 shows in the outline', async () => {
    const line = lineOf('14. (U)');
    await client.change(seedUri, [{ range: { start: { line, character: 0 }, end: { line, character: 2 } }, text: '4' }]);
    await client.change(seedUri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: seedUri } });
    const last = symbols.filter((symbol) => /^\d+\. /.test(symbol.name)).pop()!;
    assert.ok(last.name.startsWith('4. (U)'), last.name);
    assert.equal(last.range.start.line, line + 1, 'the inserted line moved the paragraph down');
  });

  it('answers an unknown document with an empty result', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: 'file:///nowhere.cable' } });
    assert.deepEqual(symbols, []);
  });

  it('shuts down cleanly with exit code 0', async () => {
    const code = await client.shutdown();
    assert.equal(code, 0);
  });
});
