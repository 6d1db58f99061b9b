// CBL022: a cable has its precedence/DTG line, FM, TO, banner and SUBJECT (cable-format.md sections 2-4, 7).
import type { Finding, Rule } from './rule';
import { firstLineRange, isBlankDocument } from './support';

export const missingHeaderField: Rule = {
  id: 'CBL022',
  alias: 'missing-header-field',
  description: 'No precedence/DTG line, FM, TO, banner or SUBJECT.',
  defaultSeverity: 'error',
  check({ model }) {
    if (isBlankDocument(model)) return [];
    const range = firstLineRange(model);
    const missing: Array<[string, string]> = [];
    if (!model.precedence) missing.push(['precedence', 'No precedence and date-time group line, e.g. "P 102030Z OCT 08".']);
    if (!model.addresses.some((block) => block.keyword.kind === 'FM')) missing.push(['FM', 'No FM line naming the originator, e.g. "FM SECSTATE WASHDC".']);
    if (!model.addresses.some((block) => block.keyword.kind === 'TO')) missing.push(['TO', 'No TO line naming the action addressees, e.g. "TO AMEMBASSY PARIS PRIORITY".']);
    if (!model.banner) missing.push(['banner', 'No banner (classification line), e.g. "C O N F I D E N T I A L STATE 109154" or "UNCLAS".']);
    if (!model.subject) missing.push(['SUBJECT', 'No SUBJECT line.']);
    return missing.map(([field, message]): Finding => ({ range, message, data: { field } }));
  },
};
