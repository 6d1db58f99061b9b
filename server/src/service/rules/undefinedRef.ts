// CBL017: a citation of a REF letter that no entry defines, or REFTEL in a cable with several references.
import type { Finding, Rule } from './rule';

export const undefinedRef: Rule = {
  id: 'CBL017',
  alias: 'undefined-ref',
  description: 'Every citation names a REF letter that the REF line defines; REFTEL needs a single reference.',
  defaultSeverity: 'error',
  check({ model }) {
    const findings: Finding[] = [];
    const entryCount = model.refs?.entries.length ?? 0;
    // An indexed loop over the long lists: see the note on loops in ../model.ts.
    const citations = model.refCitations;
    for (let index = 0; index < citations.length; index++) {
      const citation = citations[index];
      if (citation.reftel) {
        // REFTELS names them all; a lone REFTEL must mean one reference.
        if (entryCount > 1 && !/^reftels/i.test(citation.text)) {
          // Often written of the references together: worth a look, not a mistake (info).
          findings.push({ range: citation.range, message: `${citation.text} is ambiguous: this cable has ${entryCount} references; cite one by letter.`, severity: 'info' });
        }
        continue;
      }
      const parts = citation.parts;
      for (let at = 0; at < parts.length; at++) {
        const part = parts[at];
        if (!part.to) {
          if (!model.structure.refEntries.get(part.from.letter)) {
            findings.push({ range: part.from.range, message: `REF ${part.from.letter} is not defined in the REF line.`, data: { letter: part.from.letter } });
          }
          continue;
        }
        const missing: string[] = [];
        for (let code = part.from.letter.charCodeAt(0); code <= part.to.letter.charCodeAt(0); code++) {
          if (!model.structure.refEntries.get(String.fromCharCode(code))) missing.push(String.fromCharCode(code));
        }
        if (missing.length > 0) {
          const range = { start: part.from.range.start, end: part.to.range.end };
          const names = missing.length === 1 ? `REF ${missing[0]}, which is` : `REFS ${missing.join(', ')}, which are`;
          findings.push({ range, message: `${part.from.letter}-${part.to.letter} names ${names} not defined in the REF line.`, data: { letters: missing } });
        }
      }
    }
    return findings;
  },
};
