// Shared paths and small helpers for the test suites (compiled to out/test/).
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root, whether running from test/ sources or compiled out/test/. */
export const repoRoot = findRoot(__dirname);
export const fixturesDir = path.join(repoRoot, 'test', 'fixtures');
export const corpusDir = path.join(fixturesDir, 'corpus');
export const seedPath = path.join(fixturesDir, 'seed.cable');

function findRoot(start: string): string {
  let dir = start;
  // tsconfig.json marks the root: out/ may hold a copy of package.json but never a tsconfig.
  while (!fs.existsSync(path.join(dir, 'tsconfig.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no tsconfig.json above ${start}`);
    dir = parent;
  }
  return dir;
}

export function readFixture(relative: string): string {
  return fs.readFileSync(path.join(fixturesDir, relative), 'utf8');
}

export function corpusFiles(): string[] {
  return fs.readdirSync(corpusDir).filter((name) => name.endsWith('.cable')).sort();
}

/**
 * Splits a text with a `|` cursor marker into the text without it and the cursor's position.
 * Use `||` for a literal bar.
 */
export function withCursor(marked: string): { text: string; position: { line: number; character: number } } {
  const index = marked.indexOf('|');
  if (index < 0) throw new Error('no | cursor in text');
  const text = marked.slice(0, index) + marked.slice(index + 1);
  const before = text.slice(0, index).split(/\r\n|\r|\n/);
  return { text, position: { line: before.length - 1, character: before[before.length - 1].length } };
}

/** A range as the protocol sends it: model ranges are `TextRange` objects that serialise to plain `{ start, end }`. */
export function wireRange(range: unknown): unknown {
  return JSON.parse(JSON.stringify(range)) as unknown;
}
