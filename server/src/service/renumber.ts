// Paragraph renumbering and REF re-lettering with their cross-references. (Placeholder.)
import type { TextEdit } from 'vscode-languageserver-types';
import type { CableModel } from './model';

export function renumberParagraphEdits(_model: CableModel): TextEdit[] {
  return [];
}
export function reletterReferenceEdits(_model: CableModel): TextEdit[] {
  return [];
}
