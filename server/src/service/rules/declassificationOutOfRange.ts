// CBL012: a declassification date falls after the DTG and no more than `maxDeclassificationYears`
// (25) after it; indefinite markings (OADR, MR, X1-X8) belong to cables before E.O. 13526.
import type { Finding, Rule } from './rule';
import { addYears, declassificationDay, dtgDay, formatDate, isNewCable } from './support';

export const declassificationOutOfRange: Rule = {
  id: 'CBL012',
  alias: 'declassification-out-of-range',
  description: 'A declassification date on or before the DTG (error) or more than the maximum years after it, or OADR/MR/X1-X8 on a new cable.',
  defaultSeverity: 'warning',
  check({ model, config }) {
    const instruction = model.eo?.instruction;
    if (!instruction) return [];
    const findings: Finding[] = [];
    if (instruction.kind === 'date' && instruction.valid) {
      const dtg = dtgDay(model);
      if (!dtg) return [];
      const decl = declassificationDay(instruction);
      const limit = addYears(dtg, config.maxDeclassificationYears);
      if (decl.getTime() <= dtg.getTime()) {
        findings.push({
          range: instruction.range,
          severity: 'error',
          message: `Declassification date ${instruction.text} is not after the DTG (${formatDate(dtg)}): it must be a later date.`,
        });
      } else if (decl.getTime() > limit.getTime()) {
        findings.push({
          range: instruction.range,
          message: `Declassification date ${instruction.text} is more than ${config.maxDeclassificationYears} years after the DTG (${formatDate(dtg)}; latest ${formatDate(limit)}): a longer period needs an exemption such as 25X1.`,
        });
      }
    } else if (instruction.kind === 'obsolete' && isNewCable(model)) {
      findings.push({
        range: instruction.range,
        message: `${instruction.code} is an obsolete indefinite declassification marking, valid only on cables before E.O. 13526: give a date, an event or an exemption.`,
      });
    }
    return findings;
  },
};
