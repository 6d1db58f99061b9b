// Applying text edits, one way everywhere: TextDocument.applyEdits, which counts lines as the protocol
// does (`\r\n`, `\r` and `\n` each end one) and refuses overlapping edits.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import { splitLines } from './parser';

/** The text after `edits` (non-overlapping, any order, ranges in the original text). */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  return edits.length === 0 ? text : TextDocument.applyEdits(TextDocument.create('cable:edits', 'cable', 0, text), edits);
}

/** The same for a text held as lines joined by `eol`; returns the new lines. */
export function applyTextEditsToLines(lines: readonly string[], edits: TextEdit[], eol: string): string[] {
  return splitLines(applyTextEdits(lines.join(eol), edits)).lines;
}
