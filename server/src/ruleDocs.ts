// Where each rule is documented: its section of docs/rules.md, shipped in the .vsix and the npm package
// beside dist/, so a diagnostic's link and cable-lint's SARIF open the page without a network.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface RuleDoc {
  /** The zero-based line of the rule's heading (`## CBL001 missing-portion-mark`). */
  line: number;
  /** The heading's anchor as Markdown renderers write it: `cbl001-missing-portion-mark`. */
  anchor: string;
  /** The section's text up to its example or fix, on one line. */
  summary: string;
}

export interface RuleDocs {
  file: string;
  rules: ReadonlyMap<string, RuleDoc>;
}

/** docs/rules.md above `from` (dist/ in the package, out/server/src in tests), if it is there. */
export function findRuleDocs(from: string = __dirname): RuleDocs | undefined {
  for (let folder = from; ; folder = path.dirname(folder)) {
    const file = path.join(folder, 'docs', 'rules.md');
    if (fs.existsSync(file)) return { file, rules: parseRuleDocs(fs.readFileSync(file, 'utf8')) };
    if (path.dirname(folder) === folder) return undefined;
  }
}

export function parseRuleDocs(text: string): Map<string, RuleDoc> {
  const rules = new Map<string, RuleDoc>();
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    const heading = /^## (CBL\d{3}) (\S+)\s*$/.exec(line);
    if (!heading) return;
    const body: string[] = [];
    for (let next = index + 1; next < lines.length && !/^(?:## |```|\*\*Fix:\*\*)/.test(lines[next]); next++) body.push(lines[next].trim());
    const summary = body.join(' ').replace(/\*\*Default:\*\* \w+\.\s*/, '').replace(/\s+/g, ' ').trim();
    rules.set(heading[1], { line: index, anchor: `${heading[1]}-${heading[2]}`.toLowerCase(), summary });
  });
  return rules;
}

/** A link that opens the rule's section in the editor: VS Code reveals the line a `#L12` fragment names. */
export function editorLink(docs: RuleDocs, ruleId: string): string | undefined {
  const rule = docs.rules.get(ruleId);
  return rule ? `${pathToFileURL(docs.file).href}#L${rule.line + 1}` : undefined;
}

/** A link to the rule's section by its heading anchor, for SARIF viewers and browsers. */
export function anchorLink(docs: RuleDocs, ruleId: string): string | undefined {
  const rule = docs.rules.get(ruleId);
  return rule ? `${pathToFileURL(docs.file).href}#${rule.anchor}` : undefined;
}
