// CBL028 unknown-tag: a TAGS code in no vocabulary (built-in or the user's extra file); the fixes
// offer the nearest known codes.
import { suggestTags } from '../tagVocabulary';
import type { Finding, Fix, Rule } from './rule';

export const unknownTag: Rule = {
  id: 'CBL028',
  alias: 'unknown-tag',
  description: 'A TAGS code that is in no TAGS vocabulary.',
  defaultSeverity: 'warning',
  check({ model, vocabulary }): Finding[] {
    const findings: Finding[] = [];
    for (const tag of model.tags?.tags ?? []) {
      if (vocabulary.get(tag.code)) continue;
      const suggestions = suggestTags(vocabulary, tag.code);
      const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.join(' or ')}?` : ' Add it to the file of the cable.tags.extraFile setting if it is a real tag.';
      findings.push({ range: tag.range, message: `Unknown tag ${tag.code}: it is in no TAGS vocabulary.${hint}`, data: { code: tag.code, suggestions, lowerCase: tag.text === tag.text.toLowerCase() } });
    }
    return findings;
  },
  fixes(finding, { vocabulary }): Fix[] {
    const code = typeof finding.data?.code === 'string' ? finding.data.code : undefined;
    const suggestions = Array.isArray(finding.data?.suggestions)
      ? finding.data.suggestions.filter((value): value is string => typeof value === 'string')
      : code
        ? suggestTags(vocabulary, code)
        : [];
    // A line written in lower case (`Tags: mtcr, parm`) keeps its case.
    const lowerCase = finding.data?.lowerCase === true;
    return suggestions.map((suggestion, index) => {
      const meaning = vocabulary.get(suggestion)?.meaning;
      const written = lowerCase ? suggestion.toLowerCase() : suggestion;
      return {
        title: `Replace ${code ?? 'the tag'} with ${written}${meaning ? ` (${meaning})` : ''}`,
        edits: [{ range: finding.range, newText: written }],
        isPreferred: index === 0 && suggestions.length === 1,
      };
    });
  },
};
