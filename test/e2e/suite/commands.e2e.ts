// The commands: Renumber Paragraphs on the seed, and the classification summary behind the status bar.
import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { lineMatching, openCopy, waitFor } from './helpers';

describe('commands', () => {
  it('cable.renumberParagraphs turns the seed\'s "14." into "4."', async () => {
    const { document } = await openCopy('seed.cable');
    const lastParagraph = lineMatching(document, /^14\. \(U\) Please slug/);
    await vscode.commands.executeCommand('cable.renumberParagraphs', document.uri);
    await waitFor('paragraph 14 to become 4', () => (/^4\. \(U\) Please slug/.test(document.lineAt(lastParagraph).text) ? true : undefined), 20_000);
    assert.doesNotMatch(document.getText(), /^14\. /m);
    // Paragraphs that were in order keep their numbers.
    assert.match(document.getText(), /^\[?1\]?(\(#\))?\. \(U\) This is an action request/m);
  });

  it('cable.showPortionMarks returns the classification summary (cable/classificationSummary)', async () => {
    const { document } = await openCopy('seed.cable');
    // The server may still be starting: ask until a summary comes back.
    const summary = await waitFor('a classification summary', async () => {
      const pending = Promise.resolve(vscode.commands.executeCommand<unknown>('cable.showPortionMarks', document.uri));
      // If the command shows a picker, close it so the command can finish.
      const timer = setTimeout(() => void vscode.commands.executeCommand('workbench.action.closeQuickOpen'), 5_000);
      try {
        const result = await pending;
        return result === undefined || result === null ? undefined : result;
      } finally {
        clearTimeout(timer);
      }
    }, 30_000);
    const text = JSON.stringify(summary);
    assert.match(text, /CONFIDENTIAL/, `the summary does not name the banner level: ${text}`);
    assert.match(text, /\(U\)|"U"/, `the summary does not count the (U) portions: ${text}`);
  });
});
