// Completion for TAGS, marks, numbers, REF letters, reasons and header fields. (Placeholder.)
import type { CompletionItem, Position } from 'vscode-languageserver-types';
import type { RuleContext } from './rules/rule';

export function completions(_context: RuleContext, _position: Position): CompletionItem[] {
  return [];
}
