// Runs every enabled rule over the model and turns findings into LSP diagnostics. (Placeholder.)
import type { Diagnostic } from 'vscode-languageserver-types';
import type { RuleContext } from './rules/rule';

export function computeDiagnostics(_context: RuleContext): Diagnostic[] {
  return [];
}
