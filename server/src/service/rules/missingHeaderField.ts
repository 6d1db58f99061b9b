// CBL022: a cable has its precedence/DTG line, FM, TO, banner and SUBJECT (cable-format.md sections 2-4, 7),
// and a banner whose classification is written right. A garbled banner is one finding, on the banner: the
// parser reads it as the level it plainly means, so the rest of the header is read and found.
import type { Finding, Rule } from './rule';
import { firstLineRange, isBlankDocument, rangeOf } from './support';

export const missingHeaderField: Rule = {
  id: 'CBL022',
  alias: 'missing-header-field',
  description: 'No precedence/DTG line, FM, TO, banner or SUBJECT, or a garbled banner.',
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
    const findings = missing.map(([field, message]): Finding => ({ range, message, data: { field } }));
    const banner = model.banner;
    if (banner?.malformed) {
      findings.push({
        range: banner.classification.range,
        message: `The banner's classification "${banner.classification.text}" is malformed: it reads as ${banner.malformed.intended}.`,
        data: { field: 'banner', replace: banner.classification.range, intended: banner.malformed.intended },
      });
    }
    return findings;
  },
  fixes(finding) {
    const replace = rangeOf(finding.data?.replace);
    const intended = finding.data?.intended;
    if (!replace || typeof intended !== 'string') return [];
    return [{ title: `Write the banner's classification as ${intended}`, edits: [{ range: replace, newText: intended }], isPreferred: true }];
  },
};
