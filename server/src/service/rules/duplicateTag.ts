// CBL029 duplicate-tag: a tag given twice on the TAGS line; the fix removes the second occurrence
// together with its separator.
import type { Range } from 'vscode-languageserver-types';
import type { CableModel, Tag } from '../model';
import type { Finding, Fix, Rule } from './rule';

/** The tag as written: the whole `[PREL](#)` artifact when the web copy wrapped it. */
function writtenRange(model: CableModel, tag: Tag): Range {
  const artifact = model.artifacts.find(
    (candidate) =>
      candidate.inner.range.start.line === tag.range.start.line &&
      candidate.inner.range.start.character <= tag.range.start.character &&
      candidate.inner.range.end.character >= tag.range.end.character,
  );
  return artifact?.range ?? tag.range;
}

/** The text to delete: the tag and the separator before it (or after it when it leads its line). */
export function duplicateRemovalRange(model: CableModel, index: number): Range | undefined {
  const tags = model.tags?.tags ?? [];
  const tag = tags[index];
  if (!tag) return undefined;
  const own = writtenRange(model, tag);
  const previous = index > 0 ? writtenRange(model, tags[index - 1]) : undefined;
  const next = index + 1 < tags.length ? writtenRange(model, tags[index + 1]) : undefined;
  if (previous && previous.end.line === own.start.line) return { start: previous.end, end: own.end };
  if (next && next.start.line === own.end.line) return { start: own.start, end: next.start };
  if (previous) return { start: previous.end, end: own.end };
  return own;
}

export const duplicateTag: Rule = {
  id: 'CBL029',
  alias: 'duplicate-tag',
  description: 'A tag given twice on the TAGS line.',
  defaultSeverity: 'info',
  safeForFixAll: true,
  check({ model }): Finding[] {
    const findings: Finding[] = [];
    const seen = new Set<string>();
    (model.tags?.tags ?? []).forEach((tag, index) => {
      if (!seen.has(tag.code)) {
        seen.add(tag.code);
        return;
      }
      findings.push({ range: tag.range, message: `${tag.code} is already on the TAGS line.`, data: { code: tag.code, index }, tags: [1] });
    });
    return findings;
  },
  fixes(finding, { model }): Fix[] {
    const tags = model.tags?.tags ?? [];
    const recorded = typeof finding.data?.index === 'number' ? finding.data.index : -1;
    // Trust the recorded index only while it still points at the flagged tag.
    const index = tags[recorded] && sameStart(tags[recorded].range, finding.range) ? recorded : tags.findIndex((tag) => sameStart(tag.range, finding.range));
    const range = index > 0 ? duplicateRemovalRange(model, index) : undefined;
    if (!range) return [];
    return [{ title: `Remove the second ${tags[index].code}`, edits: [{ range, newText: '' }], isPreferred: true }];
  },
};

function sameStart(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character;
}
