// Which cable a command works on: the URI it was given (editor context menu, tests), else the active editor's cable.
import * as vscode from 'vscode';

export function isCable(document: vscode.TextDocument | undefined): document is vscode.TextDocument {
  return document?.languageId === 'cable';
}

/** The cable's document, or undefined after telling the user that the command needs one. */
export async function cableFor(argument: unknown, commandTitle: string): Promise<vscode.TextDocument | undefined> {
  const uri = argument instanceof vscode.Uri ? argument : typeof argument === 'string' ? vscode.Uri.parse(argument) : undefined;
  let document: vscode.TextDocument | undefined;
  if (uri) {
    document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
    if (!document) {
      try {
        document = await vscode.workspace.openTextDocument(uri);
      } catch {
        document = undefined;
      }
    }
  } else {
    document = vscode.window.activeTextEditor?.document;
  }
  if (!isCable(document)) {
    void vscode.window.showInformationMessage(`Cable: ${commandTitle} works on a cable. Open a .cable file (or run "Cable: New Cable") and try again.`);
    return undefined;
  }
  return document;
}
