// Fixture cables carry their expectations inline, as markdownlint's fixtures do: a line that should draw
// findings ends with the rule ids in brackets, ` ⟦CBL001 CBL015⟧`. The markers are removed before a
// cable is checked.
import * as fs from 'node:fs';

const MARKER = / ⟦([^⟧]*)⟧$/;

/** The fixture's text without markers, and `LINE RULE` for every expected finding (1-based lines), sorted. */
export function readMarkedFixture(text: string): { text: string; expected: string[] } {
  const expected: string[] = [];
  const lines = text.split('\n').map((line, index) => {
    const marker = MARKER.exec(line);
    if (!marker) return line;
    for (const rule of marker[1].split(/\s+/)) expected.push(`${index + 1} ${rule}`);
    return line.slice(0, marker.index);
  });
  return { text: lines.join('\n'), expected: expected.sort() };
}

/** A fixture file's cable text, its markers removed. */
export function fixtureText(file: string): string {
  return readMarkedFixture(fs.readFileSync(file, 'utf8')).text;
}
