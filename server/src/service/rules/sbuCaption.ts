// CBL027: (SBU) portions under an UNCLAS banner need the SENSITIVE caption, which makes the cable
// Sensitive But Unclassified (cable-format.md section 4).
import type { Rule } from './rule';
import { hasCaption, insertCaptionEdit, validMarks } from './support';

export const sbuCaption: Rule = {
  id: 'CBL027',
  alias: 'sbu-caption',
  description: '(SBU) portions in an UNCLAS cable without the SENSITIVE caption.',
  defaultSeverity: 'warning',
  safeForFixAll: true,
  check({ model }) {
    if (model.banner?.level !== 'U' || hasCaption(model, 'SENSITIVE')) return [];
    const first = validMarks(model).find((mark) => mark.level === 'SBU');
    if (!first) return [];
    return [
      {
        range: first.range,
        message: `Portion ${first.text} is Sensitive But Unclassified, but the UNCLAS banner has no SENSITIVE caption.`,
      },
    ];
  },
  fixes(_finding, { model }) {
    const edit = insertCaptionEdit(model, 'SENSITIVE');
    return edit ? [{ title: 'Add the caption line SENSITIVE below the banner', edits: [edit], isPreferred: true }] : [];
  },
};
