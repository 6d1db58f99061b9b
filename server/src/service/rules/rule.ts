// The shape of a diagnostic rule: one file per rule, listed in ./index.ts. The CLI, the server, the
// settings schema and the README's rule table are all generated or checked from that list.
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { CableConfig, RuleSeverity } from '../config';
import type { Logger } from '../logger';
import type { CableModel } from '../model';
import type { TagVocabulary } from '../tagVocabulary';
import type { WorkspaceIndex } from '../workspaceIndex';

export type Severity = Exclude<RuleSeverity, 'off'>;

/** What a rule sees: the model and everything configured around it. */
export interface RuleContext {
  /** The document's URI (a file URI in the CLI). */
  uri: string;
  model: CableModel;
  config: CableConfig;
  vocabulary: TagVocabulary;
  /** The workspace's cables by message reference, when the editor has one (not in the CLI by default). */
  workspace?: WorkspaceIndex;
  /** Where an error caught to stay alive is reported (see ../logger.ts); the service always sets it. */
  logger?: Logger;
}

/** One problem a rule found. */
export interface Finding {
  range: Range;
  message: string;
  /** Overrides the rule's default severity for this finding (CBL012's date before the DTG is an error). */
  severity?: Severity;
  /** What the fix needs, carried in the diagnostic's `data` so code actions need no second parse. */
  data?: Record<string, unknown>;
  /** Unnecessary (faded) or deprecated styling. */
  tags?: Array<1 | 2>;
}

export interface Fix {
  /** Says exactly what will change ("Insert (U)", "Raise banner to SECRET"). */
  title: string;
  edits: TextEdit[];
  isPreferred?: boolean;
}

export interface Rule {
  /** Stable id, `CBL001`. */
  id: string;
  /** Readable alias, `missing-portion-mark`. */
  alias: string;
  /** One line. */
  description: string;
  defaultSeverity: Severity;
  /** True when the fix needs no judgement and belongs in fix-all (`source.fixAll.cable`, `cable-lint --fix`). */
  safeForFixAll?: boolean;
  check(context: RuleContext): Finding[];
  /** The fixes for one finding, rebuilt from its `data` and range. */
  fixes?(finding: { range: Range; data?: Record<string, unknown> }, context: RuleContext): Fix[];
  /**
   * Everything fix-all takes from this rule in one pass over the document: groups of edits, each applied
   * whole or not at all. Without it fix-all takes each finding's preferred fix; a rule whose fix covers
   * the whole document defines it, so that n findings do not build the same n edits n times.
   */
  fixAllEdits?(context: RuleContext): TextEdit[][];
}
