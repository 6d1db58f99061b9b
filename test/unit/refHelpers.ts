// Helpers for the reference, renumbering and workspace-index tests: a rule context over a text, edits applied.
import type { Position, Range } from 'vscode-languageserver-types';
import { defaultConfig } from '../../server/src/service/config';
import type { CableModel } from '../../server/src/service/model';
import { parse } from '../../server/src/service/parser';
import type { RuleContext } from '../../server/src/service/rules/rule';
import { emptyVocabulary } from '../../server/src/service/tagVocabulary';
import type { WorkspaceIndex } from '../../server/src/service/workspaceIndex';
import { withCursor } from '../helpers';

export const testUri = 'file:///work/test.cable';

export function contextFor(text: string, workspace?: WorkspaceIndex, uri = testUri): RuleContext {
  return { uri, model: parse(text), config: defaultConfig, vocabulary: emptyVocabulary(), workspace };
}

/** A context and the cursor position from a text with a `|` cursor. */
export function contextAt(marked: string, workspace?: WorkspaceIndex): { context: RuleContext; position: Position } {
  const { text, position } = withCursor(marked);
  return { context: contextFor(text, workspace), position };
}


/** The text a one-line range covers. */
export function textOf(model: CableModel, range: Range): string {
  return model.lines[range.start.line].slice(range.start.character, range.end.character);
}

/** A small cable around a REF block and a body, with a DTG in 2008. */
export function cable(options: { banner?: string; refs?: string[]; body: string[] }): string {
  return [
    'P 101200Z OCT 08',
    'FM SECSTATE WASHDC',
    'TO AMEMBASSY PARIS PRIORITY',
    '',
    options.banner ?? 'C O N F I D E N T I A L STATE 100001',
    '',
    'E.O. 12958: DECL: 10/10/2018',
    'TAGS: PREL FR',
    'SUBJECT: TEST SUBJECT (C)',
    '',
    ...(options.refs && options.refs.length > 0 ? [`REF: ${options.refs[0]}`, ...options.refs.slice(1), ''] : []),
    'Classified By: Jane Doe, Director. Reason: 1.4 (b), (d).',
    '',
    ...options.body.flatMap((paragraph) => [paragraph, '']),
  ].join('\n');
}
