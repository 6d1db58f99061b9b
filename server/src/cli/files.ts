// Turns cable-lint's PATH arguments into the list of files to check: files, folders, globs and `-`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { glob } from 'tinyglobby';
import { findCableFiles } from '../cableFiles';

export const standardInput = '-';

export interface Expansion {
  files: string[];
  /** One line per PATH that named nothing. */
  errors: string[];
}

export async function expandPaths(paths: string[], cwd: string): Promise<Expansion> {
  const files: string[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    if (!seen.has(file)) {
      seen.add(file);
      files.push(file);
    }
  };
  for (const argument of paths) {
    if (argument === standardInput) {
      add(standardInput);
      continue;
    }
    const absolute = path.resolve(cwd, argument);
    const stat = await fs.promises.stat(absolute).catch(() => undefined);
    if (stat?.isDirectory()) {
      const found = await findCableFiles(absolute);
      if (found.length === 0) errors.push(`${argument}: no .cable file in this folder (or every one is left out by .cableignore)`);
      for (const file of found) add(file);
    } else if (stat) {
      add(absolute);
    } else if (/[*?[\]{}]/.test(argument)) {
      const matches = await glob([argument], { cwd, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**', '**/.git/**'] });
      const cables = matches.filter((match) => match.toLowerCase().endsWith('.cable'));
      if (cables.length === 0) errors.push(`${argument}: no .cable file matches this glob`);
      for (const match of cables.sort()) add(path.normalize(match));
    } else {
      errors.push(`${argument}: no such file or folder`);
    }
  }
  return { files, errors };
}
