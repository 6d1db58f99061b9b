// CBL016: a cable with a single paragraph does not number it (5 FAH-1 H-242; cable-format.md section 10).
import type { Rule } from './rule';

export const singleParagraphNumbered: Rule = {
  id: 'CBL016',
  alias: 'single-paragraph-numbered',
  description: 'A cable with a single paragraph does not number it.',
  defaultSeverity: 'hint',
  check({ model }) {
    if (model.paragraphs.length !== 1) return [];
    const [paragraph] = model.paragraphs;
    return [{ range: paragraph.number.range, message: 'This cable has a single paragraph, which is not numbered.' }];
  },
};
