// CBL036: an empty or blank file is not a cable: it has no header, so no other rule has anything to read.
// Reported so that a folder check (cable-lint, CI) does not pass a file that lost its text.
import type { Rule } from './rule';

export const emptyCable: Rule = {
  id: 'CBL036',
  alias: 'empty-cable',
  description: 'The file is empty or blank: not a cable (no header).',
  defaultSeverity: 'error',
  check({ model }) {
    if (model.lines.some((line) => line.trim() !== '')) return [];
    return [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: model.lines[0]?.length ?? 0 } },
        message: 'Not a cable: the file is empty or blank, with no header (precedence and DTG, FM, TO, banner). Type "cable" for the new-cable snippet.',
      },
    ];
  },
};
