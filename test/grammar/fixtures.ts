// Reads the seed and corpus cables for the grammar tests, from the checkout that holds the grammar.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from './grammarHelper';

const fixturesDir = path.join(projectRoot, 'test', 'fixtures');

export function seedText(): string {
  return fs.readFileSync(path.join(fixturesDir, 'seed.cable'), 'utf8');
}

/** Every corpus cable as [file name, text]. */
export function corpusTexts(): Array<[string, string]> {
  const corpusDir = path.join(fixturesDir, 'corpus');
  return fs
    .readdirSync(corpusDir)
    .filter((name) => name.endsWith('.cable'))
    .sort()
    .map((name) => [name, fs.readFileSync(path.join(corpusDir, name), 'utf8')]);
}
