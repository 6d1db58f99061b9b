// Helpers for the extension-host suite: fresh fixture copies, and waiting on the editor's events
// (diagnostics changed, text changed) with a deadline instead of fixed sleeps.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const extensionId = 'cable-team.cable';

let copyCounter = 0;

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite needs the test/e2e/workspace folder open');
  return folder.uri.fsPath;
}

/** Copies a workspace fixture to a new file, so that every test edits its own document. */
export async function openCopy(fixtureName: string): Promise<{ document: vscode.TextDocument; editor: vscode.TextEditor }> {
  const root = workspaceRoot();
  const scratch = path.join(root, 'scratch');
  fs.mkdirSync(scratch, { recursive: true });
  copyCounter += 1;
  const target = path.join(scratch, `${path.basename(fixtureName, '.cable')}-${process.pid}-${copyCounter}.cable`);
  fs.copyFileSync(path.join(root, fixtureName), target);
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(target));
  const editor = await vscode.window.showTextDocument(document);
  return { document, editor };
}

/** Polls `probe` until it returns a value that is not undefined, or fails at the deadline. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function ruleId(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** Resolves with the document's diagnostics once `accept` holds, waking on every diagnostics change. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
  timeoutMs = 30_000,
): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!accept(diagnostics)) return false;
      finish();
      resolve(diagnostics);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      finish();
      const seen = vscode.languages.getDiagnostics(uri).map((d) => `${ruleId(d)} line ${d.range.start.line + 1}: ${d.message}`);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for diagnostics; have: ${seen.join(' | ') || 'none'}`));
    }, timeoutMs);
    function finish(): void {
      clearTimeout(timer);
      subscription.dispose();
    }
    check();
  });
}

/** The position of the `occurrence`-th match of `needle` in the document, plus `offset` characters. */
export function positionOf(document: vscode.TextDocument, needle: string, offset = 0, occurrence = 1): vscode.Position {
  const text = document.getText();
  let index = -1;
  for (let seen = 0; seen < occurrence; seen += 1) {
    index = text.indexOf(needle, index + 1);
    assert.notEqual(index, -1, `"${needle}" not found in ${document.uri.fsPath}`);
  }
  return document.positionAt(index + offset);
}

/** The zero-based number of the first line matching `pattern`. */
export function lineMatching(document: vscode.TextDocument, pattern: RegExp): number {
  for (let line = 0; line < document.lineCount; line += 1) {
    if (pattern.test(document.lineAt(line).text)) return line;
  }
  assert.fail(`no line matches ${pattern}`);
}

/** Applies a code action the way the editor does: its edit, then its command. */
export async function applyCodeAction(action: vscode.CodeAction | vscode.Command): Promise<void> {
  if ('edit' in action || 'kind' in action || 'diagnostics' in action) {
    const codeAction = action as vscode.CodeAction;
    if (codeAction.edit) assert.ok(await vscode.workspace.applyEdit(codeAction.edit), 'the edit was refused');
    if (codeAction.command) await vscode.commands.executeCommand(codeAction.command.command, ...(codeAction.command.arguments ?? []));
    return;
  }
  const command = action as vscode.Command;
  await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
}

export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

export function completionLabel(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}
