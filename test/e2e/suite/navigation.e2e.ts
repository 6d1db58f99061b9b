// Hover, completion, go to definition, rename and the outline, through VS Code's own commands.
import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { completionLabel, hoverText, lineMatching, openCopy, positionOf, waitFor } from './helpers';

describe('navigation and completion', () => {
  it('hover on REF C shows the reference it names, STATE 106288', async () => {
    const { document } = await openCopy('seed.cable');
    const onLetter = positionOf(document, '(REF C)', 5);
    // The first requests may come before the server is ready: retry until a hover arrives.
    const text = await waitFor('a hover on REF C', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, onLetter);
      const joined = hoverText(hovers ?? []);
      return joined.length > 0 ? joined : undefined;
    }, 60_000);
    assert.match(text, /STATE 106288/);
  });

  it('completes subject tags after "TAGS: ", PREL among them', async () => {
    const { document } = await openCopy('draft.cable');
    const tagsLine = lineMatching(document, /^TAGS:/);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, document.lineAt(tagsLine).range, 'TAGS: ');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const afterColon = new vscode.Position(tagsLine, 'TAGS: '.length);
    const labels = await waitFor('TAGS completions', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider', document.uri, afterColon);
      const found = (list?.items ?? []).map(completionLabel);
      return found.includes('PREL') ? found : undefined;
    });
    assert.ok(labels.includes('PGOV'), 'PGOV is missing from the TAGS completions');
    // Word-based suggestions must be off for cable: no words of the text in the list.
    assert.ok(!labels.includes('TALKING'), 'words of the document leaked into the TAGS completions');
  });

  it('goes from REF C to its definition in the REF list', async () => {
    const { document } = await openCopy('seed.cable');
    const definitionLine = lineMatching(document, /^\[?C\]?(\(#\))?\. STATE 106288/);
    const locations = await waitFor('a definition of REF C', async () => {
      const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
        'vscode.executeDefinitionProvider', document.uri, positionOf(document, '(REF C)', 5));
      return found && found.length > 0 ? found : undefined;
    });
    assert.equal(locations.length, 1);
    const target = locations[0];
    const range = 'targetRange' in target ? target.targetRange : target.range;
    const uri = 'targetUri' in target ? target.targetUri : target.uri;
    assert.equal(uri.toString(), document.uri.toString());
    assert.equal(range.start.line, definitionLine);
  });

  it('renames REF C to L in the REF list and in its citation', async () => {
    const { document } = await openCopy('seed.cable');
    const citation = positionOf(document, '(REF C)', 5);
    const edit = await waitFor('a rename edit', async () => {
      return await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
        'vscode.executeDocumentRenameProvider', document.uri, citation, 'L');
    });
    assert.ok(await vscode.workspace.applyEdit(edit));
    const text = document.getText();
    assert.match(text, /\(REF L\)/);
    assert.doesNotMatch(text, /\(REF C\)/);
    assert.match(text, /^\[?L\]?(\(#\))?\. STATE 106288$/m);
    // Other letters stay as they were.
    assert.match(text, /^\[?D\]?(\(#\))?\. STATE 106631$/m);
  });

  it('outlines the seed: subject, references and the numbered paragraphs', async () => {
    const { document } = await openCopy('seed.cable');
    const symbols = await waitFor('document symbols', async () => {
      const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
      return found && found.length > 0 ? found : undefined;
    });
    const flat: vscode.DocumentSymbol[] = [];
    const collect = (list: vscode.DocumentSymbol[]): void => {
      for (const symbol of list) { flat.push(symbol); collect(symbol.children ?? []); }
    };
    collect(symbols);
    const names = flat.map((symbol) => symbol.name);
    assert.ok(names.some((name) => /subject/i.test(name)), `no SUBJECT symbol in ${names.join(' | ')}`);
    for (const number of ['1', '2', '3', '14']) {
      const paragraph = flat.find((symbol) => new RegExp(`^\\[?${number}\\]?\\.?\\s`).test(symbol.name) || symbol.name.startsWith(`${number}.`));
      assert.ok(paragraph, `no symbol for paragraph ${number} in ${names.join(' | ')}`);
    }
    const third = flat.find((symbol) => /^\[?3\]?\.?\s/.test(symbol.name) || symbol.name.startsWith('3.'))!;
    assert.equal(third.range.start.line, lineMatching(document, /^\[3\]\(#\)\. \(C\) BEGIN GUIDANCE/));
    assert.ok((third.children ?? []).length > 0, 'paragraph 3 has no sub-paragraph symbols');
  });
});
