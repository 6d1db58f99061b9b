// Quick fixes for the diagnostics the editor sends back, the fix-all set (`source.fixAll.cable`),
// and the Renumber Paragraphs source action. Fixes are rebuilt from each diagnostic's `data`.
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE, enabledRules } from './diagnostics';
import { parse } from './parser';
import { renumberParagraphEdits } from './renumber';
import { describeError } from './logger';
import { ruleById } from './rules';
import { applyTextEditsToLines } from './textEdits';
import type { Fix, Rule, RuleContext } from './rules/rule';

export interface CodeActionRequest {
  range: Range;
  diagnostics: Diagnostic[];
  /** Requested kinds (`quickfix`, `source.fixAll`, `source.fixAll.cable`, `source`). */
  only?: string[];
}

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.cable`;
export const RENUMBER_KIND = `${CodeActionKind.Source}.renumberParagraphs.cable`;

/** True when an action of `kind` answers a request for `requested` (a kind covers its sub-kinds). */
function kindMatches(kind: string, requested: string): boolean {
  return kind === requested || kind.startsWith(`${requested}.`);
}

function wanted(kind: string, only: string[] | undefined): boolean {
  return !only || only.length === 0 || only.some((requested) => kindMatches(kind, requested));
}

export function codeActions(context: RuleContext, request: CodeActionRequest): CodeAction[] {
  const actions: CodeAction[] = [];
  if (wanted(CodeActionKind.QuickFix, request.only)) actions.push(...quickFixes(context, request.diagnostics));
  // Source actions only on request: VS Code asks for them by kind (on save, or from the Source Action menu).
  if (request.only && request.only.length > 0) {
    if (wanted(FIX_ALL_KIND, request.only)) {
      const edits = fixAllEdits(context);
      if (edits.length > 0) actions.push({ title: 'Fix all safe Cable problems', kind: FIX_ALL_KIND, edit: { changes: { [context.uri]: edits } } });
    }
    if (wanted(RENUMBER_KIND, request.only)) {
      const edits = renumberParagraphEdits(context.model);
      if (edits.length > 0) actions.push({ title: 'Renumber paragraphs 1 to n', kind: RENUMBER_KIND, edit: { changes: { [context.uri]: edits } } });
    }
  }
  return actions;
}

function quickFixes(context: RuleContext, diagnostics: Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  // Rules hand the same whole-document edit list to every finding: serialise each list once.
  const keys = new Map<TextEdit[], string>();
  const editsKey = (edits: TextEdit[]) => {
    let key = keys.get(edits);
    if (key === undefined) {
      key = JSON.stringify(edits);
      keys.set(edits, key);
    }
    return key;
  };
  const seen = new Set<string>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
    const data = (diagnostic.data ?? {}) as Record<string, unknown>;
    const rule = ruleById(typeof data.ruleId === 'string' ? data.ruleId : String(diagnostic.code ?? ''));
    if (!rule?.fixes) continue;
    let fixes: Fix[];
    try {
      fixes = rule.fixes({ range: diagnostic.range, data }, context);
    } catch (error) {
      context.logger?.error(describeError(`The quick fixes of ${rule.id}`, error));
      continue;
    }
    for (const fix of fixes) {
      // Several diagnostics may offer the same whole-document fix: list it once.
      const key = `${fix.title}\u0000${editsKey(fix.edits)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [context.uri]: fix.edits } } };
      if (fix.isPreferred) action.isPreferred = true;
      actions.push(action);
    }
  }
  return actions;
}

/**
 * The edits of one pass of the safe fixes over a model, merged: each safe rule's groups collected
 * once (its `fixAllEdits`, or else each finding's preferred fix), then overlaps dropped in one sweep.
 */
function safeFixEdits(context: RuleContext): TextEdit[] {
  const candidates: TextEdit[][] = [];
  for (const { rule } of enabledRules(context.config)) {
    if (!rule.safeForFixAll || !rule.fixes) continue;
    try {
      candidates.push(...safeFixGroups(rule, context));
    } catch (error) {
      // A failing rule contributes nothing; the others still fix.
      context.logger?.error(describeError(`Fix-all of ${rule.id}`, error));
    }
  }
  return mergeEdits(candidates);
}

/** One rule's fix-all groups: non-empty, each to be taken whole or not at all. */
function safeFixGroups(rule: Rule, context: RuleContext): TextEdit[][] {
  if (rule.fixAllEdits) return rule.fixAllEdits(context).filter((group) => group.length > 0);
  const groups: TextEdit[][] = [];
  for (const finding of rule.check(context)) {
    let fixes: Fix[];
    try {
      fixes = rule.fixes?.({ range: finding.range, data: { ruleId: rule.id, ...finding.data } }, context) ?? [];
    } catch (error) {
      context.logger?.error(describeError(`The fix of ${rule.id}`, error));
      continue;
    }
    const fix = fixes.find((candidate) => candidate.isPreferred) ?? fixes[0];
    if (fix && fix.edits.length > 0) groups.push(fix.edits);
  }
  return groups;
}

const MAX_FIX_PASSES = 5;

/**
 * The edits of every fix that needs no judgement (rules marked `safeForFixAll`, not turned off), one
 * preferred fix per finding. Fixes whose edits overlap are applied in further passes over the fixed
 * text, so the result leaves nothing for a second fix-all to do (idempotent); then the change is
 * given as the lines that differ.
 */
export function fixAllEdits(context: RuleContext): TextEdit[] {
  const first = safeFixEdits(context);
  if (first.length === 0) return [];
  const original = context.model.lines;
  let lines = applyTextEditsToLines(original, first, context.model.eol);
  let morePasses = 0;
  for (let pass = 1; pass < MAX_FIX_PASSES; pass++) {
    const next = safeFixEdits({ ...context, model: parse(lines.join(context.model.eol)) });
    if (next.length === 0) break;
    lines = applyTextEditsToLines(lines, next, context.model.eol);
    morePasses++;
  }
  // Usually one pass fixes everything: keep its small edits rather than whole lines.
  return morePasses === 0 ? first : lineDiffEdits(original, lines, context.model.eol);
}

/** One edit replacing the lines that differ between two versions (common first and last lines kept). */
function lineDiffEdits(before: readonly string[], after: readonly string[], eol: string): TextEdit[] {
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
  if (prefix === before.length && prefix === after.length) return [];
  let suffix = 0;
  while (suffix < before.length - prefix && suffix < after.length - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  const replacement = after.slice(prefix, after.length - suffix);
  if (suffix > 0) {
    const range = { start: { line: prefix, character: 0 }, end: { line: before.length - suffix, character: 0 } };
    return [{ range, newText: replacement.map((line) => line + eol).join('') }];
  }
  const lastLine = before.length - 1;
  const end = { line: lastLine, character: before[lastLine].length };
  if (prefix > 0) {
    const start = { line: prefix - 1, character: before[prefix - 1].length };
    return [{ range: { start, end }, newText: replacement.map((line) => eol + line).join('') }];
  }
  return [{ range: { start: { line: 0, character: 0 }, end }, newText: replacement.join(eol) }];
}

/**
 * A whole-document fix (renumbering) comes back as the same edit list for every finding: keep one copy,
 * or thousands of identical groups would all conflict with each other.
 */
function distinctGroups(groups: TextEdit[][]): TextEdit[][] {
  const editKey = (edit: TextEdit) => `${edit.range.start.line}:${edit.range.start.character}-${edit.range.end.line}:${edit.range.end.character}=${edit.newText}`;
  const seen = new Map<string, TextEdit[][]>();
  const distinct: TextEdit[][] = [];
  for (const group of groups) {
    if (group.length === 0) continue;
    const signature = `${group.length}|${editKey(group[0])}|${editKey(group[group.length - 1])}`;
    const candidates = seen.get(signature) ?? [];
    if (candidates.some((other) => other === group || other.every((edit, index) => editKey(edit) === editKey(group[index])))) continue;
    candidates.push(group);
    seen.set(signature, candidates);
    distinct.push(group);
  }
  return distinct;
}

/** A position as one sortable number (lines and characters both stay far below the bounds). */
function positionKey(position: { line: number; character: number }): number {
  return position.line * 1e7 + Math.min(position.character, 1e7 - 1);
}

/**
 * Takes each group of edits whole or not at all, in order, dropping a group that overlaps (or inserts
 * at the same place as) an edit of a group already taken. Conflicts are found in one sorted sweep, so
 * thousands of edits cost O(n log n), not a comparison of every pair.
 */
export function mergeEdits(allGroups: TextEdit[][]): TextEdit[] {
  const groups = distinctGroups(allGroups);
  const items = groups.flatMap((group, index) => group.map((edit) => ({ edit, group: index, start: positionKey(edit.range.start), end: positionKey(edit.range.end) })));
  items.sort((a, b) => a.start - b.start || a.end - b.end);
  const conflicts = new Map<number, Set<number>>();
  const addConflict = (a: number, b: number) => {
    if (a === b) return;
    if (!conflicts.has(a)) conflicts.set(a, new Set());
    if (!conflicts.has(b)) conflicts.set(b, new Set());
    conflicts.get(a)!.add(b);
    conflicts.get(b)!.add(a);
  };
  // Items that may still overlap a later one: those ending after its start, or starting where it starts.
  let active: typeof items = [];
  for (const item of items) {
    active = active.filter((other) => other.end > item.start || other.start === item.start);
    for (const other of active) addConflict(other.group, item.group);
    active.push(item);
  }
  const taken = new Set<number>();
  for (let group = 0; group < groups.length; group++) {
    const rivals = conflicts.get(group);
    if (!rivals || ![...rivals].some((rival) => taken.has(rival))) taken.add(group);
  }
  return items.filter((item) => taken.has(item.group)).map((item) => item.edit);
}
