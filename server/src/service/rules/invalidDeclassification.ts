// CBL011: the declassification instruction is a real date, a known exemption, an event or N/A.
import type { Finding, Rule } from './rule';

export const invalidDeclassification: Rule = {
  id: 'CBL011',
  alias: 'invalid-declassification',
  description: 'A declassification date that is not a real date, or an unknown exemption.',
  defaultSeverity: 'error',
  check({ model }) {
    const instruction = model.eo?.instruction;
    if (!instruction) return [];
    const findings: Finding[] = [];
    if (instruction.kind === 'date' && !instruction.valid) {
      findings.push({ range: instruction.range, message: `Declassification date ${instruction.text} is not a real date: write MM/DD/YYYY.` });
    } else if (instruction.kind === 'exemption' && !instruction.known) {
      findings.push({
        range: instruction.range,
        message: `Unknown declassification exemption ${instruction.text}: use 25X1-25X9, 50X1-HUM or 50X2-WMD.`,
      });
    } else if (instruction.kind === 'unknown') {
      findings.push({
        range: instruction.range,
        message: `"${instruction.text}" is not a declassification instruction: write a date (MM/DD/YYYY), an event, an exemption such as 25X1, or N/A.`,
      });
    }
    return findings;
  },
};
