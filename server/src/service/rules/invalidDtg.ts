// CBL023: precedence letters are Z, O, P or R and the DTG is a real date and time (cable-format.md section 2).
import type { Finding, Rule } from './rule';

export const invalidDtg: Rule = {
  id: 'CBL023',
  alias: 'invalid-dtg',
  description: 'A precedence letter or DTG that is malformed or not a real date and time.',
  defaultSeverity: 'error',
  check({ model }) {
    const line = model.precedence;
    if (!line) return [];
    const findings: Finding[] = [];
    if (line.problem) findings.push({ range: line.range, message: `${line.problem}: precedence letters are Z (FLASH), O (IMMEDIATE), P (PRIORITY) or R (ROUTINE).` });
    if (!line.dtg) {
      findings.push({ range: line.range, message: 'The precedence line has no date-time group: write DDHHMMZ MON YY, e.g. 102030Z OCT 08.' });
    } else if (line.dtg.problem || !line.dtg.date) {
      findings.push({ range: line.dtg.range, message: `DTG ${line.dtg.text} is not a real date and time${line.dtg.problem ? `: ${line.dtg.problem}` : ''}.` });
    }
    return findings;
  },
};
