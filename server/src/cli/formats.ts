// cable-lint's output formats: text (for VS Code's problem matcher), JSON and SARIF 2.1.0.
import type { Rule } from '../service/rules/rule';

export type CliSeverity = 'error' | 'warning' | 'info' | 'hint';

/** One problem, with 1-based lines and columns. */
export interface CliProblem {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: CliSeverity;
  rule: string;
  alias: string;
  message: string;
}

export function formatText(problem: CliProblem): string {
  return `${problem.file}:${problem.line}:${problem.column} ${problem.severity} ${problem.rule} ${problem.message}`;
}

export function formatJson(problems: CliProblem[]): string {
  return JSON.stringify(problems, null, 2);
}

const sarifLevel: Record<CliSeverity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** A rule's documentation for SARIF: where it is, and its text. */
export interface RuleHelp {
  uri?: string;
  text?: string;
}

export function formatSarif(problems: CliProblem[], rules: readonly Rule[], version: string, help: (ruleId: string) => RuleHelp = () => ({})): string {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'cable-lint',
            version,
            rules: rules.map((rule) => {
              const { uri, text } = help(rule.id);
              return {
                id: rule.id,
                name: rule.alias,
                shortDescription: { text: rule.description },
                fullDescription: { text: text || rule.description },
                ...(uri ? { helpUri: uri } : {}),
                defaultConfiguration: { level: sarifLevel[rule.defaultSeverity] },
              };
            }),
          },
        },
        results: problems.map((problem) => ({
          ruleId: problem.rule,
          ...(ruleIndex.has(problem.rule) ? { ruleIndex: ruleIndex.get(problem.rule) } : {}),
          level: sarifLevel[problem.severity],
          message: { text: problem.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: problem.file.split('\\').join('/') },
                region: { startLine: problem.line, startColumn: problem.column, endLine: problem.endLine, endColumn: problem.endColumn },
              },
            },
          ],
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}
