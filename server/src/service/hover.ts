// Hovers on header fields, tags, marks, reasons and dates. (Placeholder.)
import type { Hover, Position } from 'vscode-languageserver-types';
import type { RuleContext } from './rules/rule';

export function fieldHover(_context: RuleContext, _position: Position): Hover | null {
  return null;
}
