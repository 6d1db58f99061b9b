// Quick fixes for diagnostics, and the fix-all set. (Placeholder.)
import type { CodeAction, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import type { RuleContext } from './rules/rule';

export interface CodeActionRequest {
  range: Range;
  diagnostics: Diagnostic[];
  /** Requested kinds (`quickfix`, `source.fixAll`, `source.fixAll.cable`, `source`). */
  only?: string[];
}

export function codeActions(_context: RuleContext, _request: CodeActionRequest): CodeAction[] {
  return [];
}

export function fixAllEdits(_context: RuleContext): TextEdit[] {
  return [];
}
