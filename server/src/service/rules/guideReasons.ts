// CBL033: the Classified By reasons lack a reason that a matched classification-guide topic gives
// (E.O. 13526 sec. 1.4 categories; 32 CFR 2001.22). Fix: add the missing letters to the Reason line.
import { matchGuides } from '../guides';
import type { Fix, Rule } from './rule';
import { positionOf } from './support';

/** After the letter and its closing parenthesis, if it has one: `(B)`, not `(B`. */
function afterLetter(line: string, end: { line: number; character: number }): { line: number; character: number } {
  return line[end.character] === ')' ? { line: end.line, character: end.character + 1 } : end;
}

export const guideReasons: Rule = {
  id: 'CBL033',
  alias: 'guide-reasons',
  description: "The Classified By reasons do not include a matched classification guide topic's reasons.",
  defaultSeverity: 'warning',
  check({ model, config }) {
    const classifiedBy = model.classifiedBy;
    if (!classifiedBy || classifiedBy.derivedFrom) return [];
    const matches = matchGuides(model, config.guides);
    const present = new Set(classifiedBy.letters.map((letter) => letter.letter.toLowerCase()));
    const missing = new Map<string, string>();
    for (const { topic } of matches) for (const reason of topic.reasons) if (!present.has(reason) && !missing.has(reason)) missing.set(reason, topic.id);
    if (missing.size === 0) return [];
    const letters = [...missing.keys()].sort();
    const last = classifiedBy.letters[classifiedBy.letters.length - 1];
    const upper = last ? last.text.toUpperCase() === last.text : false;
    const written = letters.map((letter) => `(${upper ? letter.toUpperCase() : letter})`);
    const range = (classifiedBy.reasonKeyword ?? classifiedBy.keyword).range;
    return [
      {
        range,
        message: `The reasons lack 1.4 ${written.join(', ')}, which guide topic${missing.size > 1 ? 's' : ''} ${[...new Set(missing.values())].join(', ')} give${missing.size > 1 ? '' : 's'}.`,
        data: last ? { insertAt: afterLetter(model.lines[last.range.endLine] ?? '', last.range.end), text: written.map((letter) => `, ${letter}`).join('') } : undefined,
      },
    ];
  },
  fixes(finding) {
    const at = positionOf(finding.data?.insertAt);
    const text = finding.data?.text;
    if (!at || typeof text !== 'string') return [];
    const fix: Fix = { title: `Add ${text.replace(/^, /, '')} to the reasons`, edits: [{ range: { start: at, end: at }, newText: text }], isPreferred: true };
    return [fix];
  },
};
