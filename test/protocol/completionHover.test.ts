// Protocol tests of TAGS completion, field hovers, the CBL028 fix and the extra tags file, through
// the bundled server over stdio.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CompletionItem, CompletionList, Hover, MarkupContent, TextEdit } from 'vscode-languageserver-types';
import { seedPath } from '../helpers';
import { LspTestClient } from './lspClient';

const seedText = fs.readFileSync(seedPath, 'utf8');
const seedLines = seedText.split('\n');
const tagsLine = seedLines.findIndex((line) => line.startsWith('TAGS:'));
const emptiedSeed = seedLines.map((line, index) => (index === tagsLine ? 'TAGS: ' : line)).join('\n');
const typoCable = 'P R 102030Z OCT 08\nFM SECSTATE WASHDC\nTO AMEMBASSY PARIS PRIORITY\n\nC O N F I D E N T I A L STATE 109154\n\nE.O. 12958: DECL: 10/31/2018\n\nTAGS: PRLE FR XPOC\n\nSUBJECT: TEST (C)\n\n1. (C) Text.\n';

const itemsOf = (result: CompletionItem[] | CompletionList | null): CompletionItem[] => (Array.isArray(result) ? result : result?.items ?? []);
const hoverText = (hover: Hover | null): string => (hover?.contents as MarkupContent | undefined)?.value ?? '';

describe('completion, hover and the TAGS fixes over stdio', () => {
  let client: LspTestClient;
  let workDir: string;

  before(async () => {
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-tags-'));
    fs.writeFileSync(path.join(workDir, 'tags.tsv'), 'code\tkind\tmeaning\nXPOC\tprogram\tPoint of contact meetings\n');
    // The test client records the server's warnings (window/showMessageRequest) with its messages.
    client = new LspTestClient();
    client.configuration = { cable: { tags: { extraFile: path.join(workDir, 'tags.tsv') } } };
    await client.initialize();
  });

  after(async () => {
    if (client.process.exitCode === null) await client.shutdown().catch(() => client.kill());
    fs.rmSync(workDir, { recursive: true, force: true });
  });

  it('after `TAGS: ` on the seed lists PREL with its meaning and ranks FR (Paris) first', async () => {
    const uri = 'file:///work/seed-tags.cable';
    await client.open(uri, emptiedSeed);
    const items = itemsOf(await client.request('textDocument/completion', { textDocument: { uri }, position: { line: tagsLine, character: 6 } }));
    const prel = items.find((item) => item.label === 'PREL');
    assert.ok(prel, 'PREL offered');
    assert.match(prel.detail ?? '', /External Political Relations/);
    const ranked = [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
    assert.equal(ranked[0].label, 'FR');
    const edit = prel.textEdit as TextEdit;
    assert.deepEqual(edit.range, { start: { line: tagsLine, character: 6 }, end: { line: tagsLine, character: 6 } });
    assert.equal(edit.newText, 'PREL');
  });

  it('hovers a tag and the DTG', async () => {
    const uri = 'file:///work/seed.cable';
    await client.open(uri, seedText);
    const prelAt = seedLines[tagsLine].indexOf('PREL');
    const tag = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: tagsLine, character: prelAt + 1 } });
    assert.match(hoverText(tag), /External Political Relations/);
    assert.match(hoverText(tag), /of 1,283 released cables/);
    assert.deepEqual(tag?.range, { start: { line: tagsLine, character: prelAt }, end: { line: tagsLine, character: prelAt + 4 } });
    const dtgLine = seedLines.findIndex((line) => line.startsWith('P R 102030Z'));
    const dtg = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: dtgLine, character: 6 } });
    assert.match(hoverText(dtg), /Friday, 10 October 2008, 20:30 UTC/);
  });

  it("flags PRLE (CBL028) but not the extra file's XPOC, and the fix writes PREL", async () => {
    const uri = 'file:///work/typo.cable';
    await client.open(uri, typoCable);
    const published = await client.waitForDiagnostics(uri, (d) => d.diagnostics.some((diagnostic) => diagnostic.code === 'CBL028'));
    const unknown = published.diagnostics.filter((diagnostic) => diagnostic.code === 'CBL028');
    assert.equal(unknown.length, 1, unknown.map((diagnostic) => diagnostic.message).join(' | '));
    assert.match(unknown[0].message, /PRLE.*Did you mean PREL/);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: unknown[0].range,
      context: { diagnostics: unknown, only: ['quickfix'] },
    });
    const replace = actions.find((action) => /with PREL/.test(action.title));
    assert.ok(replace, actions.map((action) => action.title).join(' | '));
    const changes = replace.edit?.changes?.[uri] ?? replace.edit?.documentChanges?.flatMap((change) => ('edits' in change ? change.edits : [])) ?? [];
    assert.deepEqual(changes.map((edit) => ({ ...edit })), [{ range: unknown[0].range, newText: 'PREL' }]);
  });

  it('a missing extra tags file gets a message naming it, and the built-in vocabulary stays', async () => {
    const missing = path.join(workDir, 'missing.tsv');
    client.configuration = { cable: { tags: { extraFile: missing } } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await client.waitForShownMessage((message) => message.includes(missing));
    const uri = 'file:///work/typo.cable';
    const published = await client.waitForDiagnostics(uri, (d) => d.diagnostics.some((diagnostic) => diagnostic.code === 'CBL028' && /XPOC/.test(diagnostic.message)));
    assert.ok(!published.diagnostics.some((diagnostic) => diagnostic.code === 'CBL028' && /\bFR\b/.test(diagnostic.message)), 'built-in FR still known');
  });
});
