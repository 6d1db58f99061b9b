// CBL004: a restrictive dissemination control in any portion (NOFORN, ORCON, PROPIN, IMCON) must
// appear with the banner, as a caption line or in the banner itself (32 CFR 2001.21). REL TO is not
// required there: a banner without it is more restrictive, and cables often mark single portions REL.
import type { CableModel } from '../model';
import type { Finding, Rule } from './rule';
import { insertCaptionEdit, validMarks } from './support';

/** Controls the banner must carry when any portion does, with the short forms a banner may use. */
const BANNER_CONTROLS: ReadonlyMap<string, readonly string[]> = new Map([
  ['NOFORN', ['NOFORN', 'NF']],
  ['ORCON', ['ORCON', 'OC']],
  ['PROPIN', ['PROPIN', 'PR']],
  ['IMCON', ['IMCON', 'IMC']],
]);

function bannerCarries(model: CableModel, control: string): boolean {
  const names = BANNER_CONTROLS.get(control) ?? [control];
  if (model.captions.some((caption) => names.includes(caption.name))) return true;
  // `SECRET//NOFORN`, `S E C R E T NOFORN`, or a caption the parser kept as a passing line.
  const words = [model.banner?.text ?? '', ...model.passingLines.map((line) => line.text)]
    .join(' ')
    .toUpperCase()
    .split(/[\s/,]+/);
  return names.some((name) => words.includes(name));
}

export const controlMissingFromBanner: Rule = {
  id: 'CBL004',
  alias: 'control-missing-from-banner',
  description: 'A dissemination control such as NOFORN in a portion is missing from the banner captions.',
  defaultSeverity: 'error',
  check({ model }) {
    if (!model.banner) return [];
    const findings: Finding[] = [];
    const reported = new Set<string>();
    // An indexed loop over the long lists: see the note on loops in ../model.ts.
    const marks = validMarks(model);
    for (let index = 0; index < marks.length; index++) {
      const mark = marks[index];
      const controls = mark.controls;
      for (let at = 0; at < controls.length; at++) {
        const control = controls[at];
        if (!BANNER_CONTROLS.has(control) || reported.has(control) || bannerCarries(model, control)) continue;
        reported.add(control);
        findings.push({
          range: mark.range,
          message: `Portion ${mark.text} carries ${control}, but the banner has no ${control} caption: every control in a portion must appear with the banner.`,
          data: { control },
        });
      }
    }
    return findings;
  },
  fixes(finding, { model }) {
    const control = typeof finding.data?.control === 'string' ? finding.data.control : undefined;
    const edit = control ? insertCaptionEdit(model, control) : undefined;
    return control && edit ? [{ title: `Add the caption line ${control} below the banner`, edits: [edit], isPreferred: true }] : [];
  },
};
