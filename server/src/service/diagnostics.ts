// Runs every enabled rule over the model and turns findings into LSP diagnostics: severities from
// the rule or the configuration, `code` = rule id, `source` = cable, and in `data` what the fix needs.
import { describeError } from './logger';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { CableConfig, RuleSeverity } from './config';
import { allRules, ruleById } from './rules';
import type { Rule, RuleContext, Severity } from './rules/rule';

export const DIAGNOSTIC_SOURCE = 'cable';

/** Not a rule of the list: the notice that a very large text was analysed only in part. */
export const ANALYSIS_LIMIT = { id: 'CBL000', alias: 'analysis-limit' } as const;

const lspSeverity: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What the configuration says of each rule: its own severity or `off` (by id or alias; the last written wins). */
export function configuredSeverities(config: CableConfig): Map<Rule, RuleSeverity> {
  const result = new Map<Rule, RuleSeverity>();
  for (const [key, severity] of Object.entries(config.rules)) {
    const rule = ruleById(key);
    if (rule) result.set(rule, severity);
  }
  return result;
}

/** The rules that run under this configuration, with the severity that overrides each one's findings, if any. */
export function enabledRules(config: CableConfig): Array<{ rule: Rule; override?: Severity }> {
  const configured = configuredSeverities(config);
  const enabled: Array<{ rule: Rule; override?: Severity }> = [];
  for (const rule of allRules) {
    const severity = configured.get(rule);
    if (severity === 'off') continue;
    enabled.push({ rule, override: severity });
  }
  return enabled;
}

export function computeDiagnostics(context: RuleContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const { rule, override } of enabledRules(context.config)) {
    let findings;
    try {
      findings = rule.check(context);
    } catch (error) {
      // A failing rule must not hide the others' results: report it once, on line 1, and in the log.
      context.logger?.error(describeError(`Rule ${rule.id} (${rule.alias})`, error));
      diagnostics.push({
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Error,
        code: rule.id,
        source: DIAGNOSTIC_SOURCE,
        message: `Rule ${rule.id} (${rule.alias}) failed and was skipped: ${error instanceof Error ? error.message : String(error)}`,
        data: { ruleId: rule.id, ruleFailed: true },
      });
      continue;
    }
    for (const finding of findings) {
      const diagnostic: Diagnostic = {
        range: finding.range,
        severity: lspSeverity[override ?? finding.severity ?? rule.defaultSeverity],
        code: rule.id,
        source: DIAGNOSTIC_SOURCE,
        message: finding.message,
        data: { ruleId: rule.id, ...finding.data },
      };
      if (finding.tags) diagnostic.tags = finding.tags;
      diagnostics.push(diagnostic);
    }
  }
  const truncatedAt = context.model.truncatedAtLine;
  if (truncatedAt !== undefined) {
    const line = Math.max(0, Math.min(truncatedAt, context.model.lines.length - 1));
    diagnostics.push({
      range: { start: { line, character: 0 }, end: { line, character: (context.model.lines[line] ?? '').length } },
      severity: DiagnosticSeverity.Warning,
      code: ANALYSIS_LIMIT.id,
      source: DIAGNOSTIC_SOURCE,
      message: `The cable is too large to analyse in full: analysis stopped before line ${truncatedAt + 1} (size limit); nothing from there on was checked.`,
      data: { ruleId: ANALYSIS_LIMIT.id },
    });
  }
  // Document order, as the Problems panel and cable-lint's output read best; rules keep their order on a tie.
  return diagnostics.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
}
