// CBL009: the Reason cites section 1.4 (1.5 on an E.O. 12958 cable, as before its 2003 amendment
// and as many later cables still wrote) and one or more category letters a-h (cable-format.md section 9).
import type { CableModel } from '../model';
import { reasonForLetter } from '../data/reasons';
import type { Finding, Rule } from './rule';

/** E.O. 12958's categories were sec. 1.5 until E.O. 13292 amended it; the corpus shows 1.5 on 2008-2010 cables too. */
function acceptedSections(model: CableModel): string[] {
  const order = model.eo?.order?.value;
  if (order === undefined) {
    const dtg = model.precedence?.dtg?.date;
    return dtg && dtg.getTime() < Date.UTC(2003, 2, 25) ? ['1.4', '1.5'] : ['1.4'];
  }
  if (order === 13526) return ['1.4'];
  return ['1.4', '1.5'];
}

/** Orders before E.O. 12958 (12356, 12065, 11652) used other sections; their reasons are not checked. */
function predatesSection14(model: CableModel): boolean {
  const order = model.eo?.order?.value;
  return order !== undefined && order < 12958;
}

export const invalidReason: Rule = {
  id: 'CBL009',
  alias: 'invalid-reason',
  description: 'A Reason without section 1.4 (or 1.5 on an E.O. 12958 cable) and category letters, or with a letter outside a-h.',
  defaultSeverity: 'error',
  check({ model }) {
    const block = model.classifiedBy;
    if (!block || predatesSection14(model)) return [];
    const hasReason = block.reasonKeyword !== undefined || block.section !== undefined || block.letters.length > 0;
    if (!hasReason) return [];
    const where = block.reasonText?.range ?? block.reasonKeyword?.range ?? block.keyword.range;
    const accepted = acceptedSections(model);
    const findings: Finding[] = [];
    if (!block.section) {
      findings.push({ range: where, message: `The Reason cites no section: write ${accepted.join(' or ')} before the letters, e.g. "Reason: 1.4 (b), (d)".` });
    } else if (!accepted.includes(block.section.text)) {
      const order = model.eo?.order?.value;
      findings.push({
        range: block.section.range,
        message: `Reason section ${block.section.text} is not valid${order ? ` under E.O. ${order}` : ''}: use ${accepted.join(' or ')}.`,
      });
    }
    if (block.letters.length === 0) {
      findings.push({ range: where, message: 'The Reason names no category: add letters a-h, e.g. (b) foreign government information, (d) foreign relations.' });
    }
    for (const letter of block.letters) {
      if (!reasonForLetter(letter.letter)) {
        findings.push({ range: letter.range, message: `(${letter.text}) is not a classification category: the letters of section 1.4 are a to h.` });
      }
    }
    return findings;
  },
};
