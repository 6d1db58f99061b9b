// REF citations and paragraph cross-references as live objects: hover, definition, references, rename. (Placeholder.)
import type { DocumentHighlight, DocumentLink, Hover, Location, Position, Range, WorkspaceEdit } from 'vscode-languageserver-types';
import type { RuleContext } from './rules/rule';

export function referenceHover(_context: RuleContext, _position: Position): Hover | null {
  return null;
}
export function definition(_context: RuleContext, _position: Position): Location[] {
  return [];
}
export function findReferences(_context: RuleContext, _position: Position, _includeDeclaration: boolean): Location[] {
  return [];
}
export function documentHighlights(_context: RuleContext, _position: Position): DocumentHighlight[] {
  return [];
}
export function prepareRename(_context: RuleContext, _position: Position): { range: Range; placeholder: string } | { error: string } {
  return { error: 'Only a REF letter can be renamed.' };
}
export function rename(_context: RuleContext, _position: Position, _newName: string): WorkspaceEdit | { error: string } {
  return { error: 'Only a REF letter can be renamed.' };
}
export function documentLinks(_context: RuleContext): DocumentLink[] {
  return [];
}
