// Protocol tests of the drafting experience: the classification summary request behind the status
// bar, Update Banner through workspace/executeCommand, and semantic tokens (full and range).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { SemanticTokens, SemanticTokensLegend, TextEdit } from 'vscode-languageserver-types';
import { decodeSemanticTokens } from '../../server/src/service/semanticTokens';
import { seedPath } from '../helpers';
import { LspTestClient } from './lspClient';

const seedUri = 'file:///work/experience/seed.cable';
const seedText = fs.readFileSync(seedPath, 'utf8');
const seedLines = seedText.split('\n');
const draftUri = 'file:///work/experience/draft.cable';
const draftText = ['C O N F I D E N T I A L STATE 000123', 'SIPDIS', '', 'SUBJECT: TEST (C)', '', '1. (S//NF) Secret text.', '', '3. (U) More.', ''].join('\n');

interface Summary {
  required: string;
  banner?: string;
  bannerMatches: boolean;
  aboveSystemHigh: boolean;
  portions: Array<{ level: string; mark: string; line: number; character: number; preview: string }>;
}

describe('drafting experience over the protocol', () => {
  let client: LspTestClient;
  let legend: SemanticTokensLegend;

  before(async () => {
    client = new LspTestClient();
    const result = await client.initialize();
    legend = (result.capabilities.semanticTokensProvider as { legend: SemanticTokensLegend }).legend;
    await client.open(seedUri, seedText);
    await client.open(draftUri, draftText);
  });

  after(() => {
    if (client.process.exitCode === null) client.kill();
  });

  it('announces semantic tokens, full and range, with the legend', () => {
    const provider = client.initializeResult!.capabilities.semanticTokensProvider as { full: unknown; range: unknown };
    assert.ok(provider.full);
    assert.equal(provider.range, true);
    assert.ok(legend.tokenTypes.includes('portionMark'));
    assert.ok(legend.tokenModifiers.includes('confidential'));
  });

  it('cable/classificationSummary: the seed requires CONFIDENTIAL and its banner agrees', async () => {
    const summary = await client.request<Summary>('cable/classificationSummary', { textDocument: { uri: seedUri } });
    assert.equal(summary.required, 'CONFIDENTIAL');
    assert.equal(summary.bannerMatches, true);
    assert.equal(summary.aboveSystemHigh, false);
    assert.ok(summary.portions.some((portion) => portion.mark === '(U)' && /This is an action request/.test(portion.preview)));
  });

  it('cable/classificationSummary follows edits: a (S//NF) portion makes it SECRET//NOFORN, against the banner', async () => {
    const before = await client.request<Summary>('cable/classificationSummary', { textDocument: { uri: draftUri } });
    assert.equal(before.required, 'SECRET//NOFORN');
    assert.equal(before.bannerMatches, false);
    // Lower the portion to (C): the summary follows the new version.
    await client.change(draftUri, [{ range: { start: { line: 5, character: 3 }, end: { line: 5, character: 10 } }, text: '(C)' }]);
    const after = await client.request<Summary>('cable/classificationSummary', { textDocument: { uri: draftUri } });
    assert.equal(after.required, 'CONFIDENTIAL');
    assert.equal(after.bannerMatches, true);
    await client.change(draftUri, [{ range: { start: { line: 5, character: 3 }, end: { line: 5, character: 6 } }, text: '(S//NF)' }]);
  });

  it('answers null for a document it does not have', async () => {
    assert.equal(await client.request('cable/classificationSummary', { textDocument: { uri: 'file:///nowhere.cable' } }), null);
  });

  it('cable.updateBanner through workspace/executeCommand applies one edit set: SECRET and NOFORN', async () => {
    client.appliedEdits.length = 0;
    const result = await client.request<{ applied: boolean; changes: number }>('workspace/executeCommand', { command: 'cable.updateBanner', arguments: [draftUri] });
    assert.equal(result.applied, true);
    assert.equal(client.appliedEdits.length, 1);
    const applied = client.appliedEdits[0] as { edit: { documentChanges: Array<{ textDocument: { uri: string }; edits: TextEdit[] }> } };
    const edits = applied.edit.documentChanges[0].edits;
    assert.equal(applied.edit.documentChanges[0].textDocument.uri, draftUri);
    assert.ok(edits.some((edit) => edit.newText === 'S E C R E T'));
    assert.ok(edits.some((edit) => edit.newText.endsWith('NOFORN')));
  });

  it('semantic tokens (full): the seed\'s marks by level and 14 out of sequence', async () => {
    const tokens = decodeSemanticTokens((await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: seedUri } })).data, legend);
    const text = (token: (typeof tokens)[number]) => seedLines[token.line].slice(token.character, token.character + token.length);
    const marks = tokens.filter((token) => token.type === 'portionMark');
    assert.ok(marks.length > 20);
    assert.ok(marks.every((token) => (text(token) === '(C)' ? token.modifiers.includes('confidential') : text(token) === '(U)' && token.modifiers.includes('unclassified'))));
    const outOfSequence = tokens.filter((token) => token.modifiers.includes('outOfSequence')).map(text);
    assert.deepEqual(outOfSequence, ['14']);
  });

  it('semantic tokens (range): only the tokens inside the range', async () => {
    const line = seedLines.findIndex((text) => text.startsWith('14. (U)'));
    const range = { start: { line, character: 0 }, end: { line: line + 1, character: 0 } };
    const tokens = decodeSemanticTokens((await client.request<SemanticTokens>('textDocument/semanticTokens/range', { textDocument: { uri: seedUri }, range })).data, legend);
    assert.deepEqual(
      tokens.map((token) => [token.line, token.type, token.modifiers]),
      [
        [line, 'paragraphNumber', ['outOfSequence']],
        [line, 'portionMark', ['unclassified']],
      ],
    );
  });

  it('shuts down cleanly', async () => {
    assert.equal(await client.shutdown(), 0);
  });
});
