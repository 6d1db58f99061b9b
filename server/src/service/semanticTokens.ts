// Semantic tokens for what the grammar cannot know. (Placeholder.)
import type { Range, SemanticTokensLegend } from 'vscode-languageserver-types';
import type { RuleContext } from './rules/rule';

export const semanticTokensLegend: SemanticTokensLegend = { tokenTypes: [], tokenModifiers: [] };

export function semanticTokens(_context: RuleContext, _range?: Range): number[] {
  return [];
}
