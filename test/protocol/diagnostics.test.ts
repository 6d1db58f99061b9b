// Diagnostics and code actions through the running server: the seed's diagnostics, the (U) quick
// fix, source.fixAll.cable, and a configuration change that re-checks with new severities.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { seedPath } from '../helpers';
import { applyTextEdits } from '../../server/src/service/textEdits';
import { LspTestClient } from './lspClient';

const seedUri = 'file:///work/seed.cable';
const draftUri = 'file:///work/draft.cable';
const seedText = fs.readFileSync(seedPath, 'utf8');
const draftText = ['R 151200Z MAR 10', 'FM AMEMBASSY PARIS', 'TO SECSTATE WASHDC', '', 'UNCLAS PARIS 000123', '', 'E.O. 13526: N/A', 'TAGS: PREL FR', 'SUBJECT: PRESS', '', '1. French press covered the plenary.', '', '2. (U) A marked paragraph: a cable that marks one marks all.', '', 'RIVKIN', ''].join('\n');

describe('diagnostics and code actions over stdio', () => {
  let client: LspTestClient;

  before(async () => {
    client = new LspTestClient();
    await client.initialize();
    await client.open(seedUri, seedText);
    await client.open(draftUri, draftText);
  });

  after(async () => {
    if (client.process.exitCode === null) await client.shutdown();
  });

  it('publishes the seed diagnostics with codes and source cable', async () => {
    const published = await client.waitForDiagnostics(seedUri, (d) => d.diagnostics.length > 0);
    const codes = new Set(published.diagnostics.map((d) => String(d.code)));
    assert.ok(codes.has('CBL012'), [...codes].join());
    assert.ok(codes.has('CBL026'));
    assert.ok(!codes.has('CBL001') && !codes.has('CBL002') && !codes.has('CBL003'));
    assert.ok(published.diagnostics.every((d) => d.source === 'cable'));
    const decl = published.diagnostics.find((d) => d.code === 'CBL012')!;
    assert.equal(decl.severity, 2);
    assert.equal(decl.range.start.line, seedText.split('\n').findIndex((line) => line.startsWith('E.O. 12958')));
  });

  it('answers a code action request with the (U) quick fix for an unmarked paragraph', async () => {
    const published = await client.waitForDiagnostics(draftUri, (d) => d.diagnostics.some((diagnostic) => diagnostic.code === 'CBL001'));
    const diagnostic = published.diagnostics.find((d) => d.code === 'CBL001')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: draftUri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    });
    const fix = actions.find((action) => action.title === 'Insert (U) after "1."');
    assert.ok(fix, actions.map((action) => action.title).join(' | '));
    assert.equal(fix.isPreferred, true);
    assert.equal(fix.kind, 'quickfix');
    assert.deepEqual(fix.diagnostics?.map((d) => d.code), ['CBL001']);
    assert.equal(applyTextEdits(draftText, fix.edit!.changes![draftUri]), draftText.replace('1. French', '1. (U) French'));
  });

  it('answers source.fixAll.cable with the safe fixes: the seed loses its web-copy artifacts', async () => {
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: seedUri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.cable'] },
    });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.cable');
    const fixed = applyTextEdits(seedText, actions[0].edit!.changes![seedUri]);
    assert.ok(!fixed.includes('](#)'));
    assert.ok(fixed.includes('TAGS: MTCRE PARM PREL MNUC KSCA TSPA ETTC FR'));
  });

  it('re-checks with new severities when the configuration changes', async () => {
    const severityOf = (diagnostics: Diagnostic[], code: string) => diagnostics.find((d) => d.code === code)?.severity;
    const initial = await client.waitForDiagnostics(seedUri, (d) => severityOf(d.diagnostics, 'CBL012') === 2);
    assert.equal(severityOf(initial.diagnostics, 'CBL026'), 3);
    client.configuration = { cable: { rules: { 'declassification-out-of-range': 'error', CBL026: 'off' } } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const updated = await client.waitForDiagnostics(seedUri, (d) => severityOf(d.diagnostics, 'CBL012') === 1);
    assert.equal(severityOf(updated.diagnostics, 'CBL026'), undefined, 'CBL026 is off');
  });
});
