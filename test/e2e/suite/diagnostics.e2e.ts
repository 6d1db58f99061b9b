// Diagnostics with their rule ids, the quick fix that inserts a portion mark, and fix-all.
import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { applyCodeAction, lineMatching, openCopy, ruleId, waitFor, waitForDiagnostics } from './helpers';

describe('diagnostics and fixes', () => {
  it('reports CBL001 on the paragraph without a portion mark, with source cable', async () => {
    const { document } = await openCopy('unmarked.cable');
    const unmarkedLine = lineMatching(document, /^2\. This paragraph has no portion mark/);
    const diagnostics = await waitForDiagnostics(document.uri, (all) => all.some((d) => ruleId(d) === 'CBL001'));
    const missingMarks = diagnostics.filter((d) => ruleId(d) === 'CBL001');
    assert.deepEqual(missingMarks.map((d) => d.range.start.line), [unmarkedLine]);
    assert.equal(missingMarks[0].source, 'cable');
  });

  it('offers a quick fix that inserts (U) into the unmarked paragraph', async () => {
    const { document } = await openCopy('unmarked.cable');
    const diagnostics = await waitForDiagnostics(document.uri, (all) => all.some((d) => ruleId(d) === 'CBL001'));
    const missingMark = diagnostics.find((d) => ruleId(d) === 'CBL001')!;
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider', document.uri, missingMark.range, vscode.CodeActionKind.QuickFix.value);
    const insertU = actions.find((action) => action.title.includes('(U)'));
    assert.ok(insertU, `no quick fix mentions (U); offered: ${actions.map((a) => a.title).join(' | ')}`);
    await applyCodeAction(insertU);
    const line = document.lineAt(missingMark.range.start.line).text;
    assert.match(line, /^2\. \(U\) This paragraph has no portion mark\.$/);
    await waitForDiagnostics(document.uri, (all) => !all.some((d) => ruleId(d) === 'CBL001'));
  });

  it('fix-all (source.fixAll.cable) removes the [1](#) link artifacts that CBL026 reports', async () => {
    const { document } = await openCopy('seed.cable');
    await waitForDiagnostics(document.uri, (all) => all.some((d) => ruleId(d) === 'CBL026'));
    const whole = new vscode.Range(0, 0, document.lineCount, 0);
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider', document.uri, whole, 'source.fixAll.cable');
    assert.ok(actions.length > 0, 'no source.fixAll.cable action offered');
    await applyCodeAction(actions[0]);
    await waitFor('the artifacts to go', () => (document.getText().includes('](#)') ? undefined : true), 10_000);
    const text = document.getText();
    assert.match(text, /^TAGS: MTCRE PARM PREL MNUC KSCA TSPA ETTC FR$/m);
    assert.match(text, /^1\. \(U\) This is an action request\./m);
    assert.match(text, /^C\. STATE 106288$/m);
    await waitForDiagnostics(document.uri, (all) => !all.some((d) => ruleId(d) === 'CBL026'));
  });
});
