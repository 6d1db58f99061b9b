// Finding the .cable files under a folder, one way for the CLI and the workspace index: node_modules,
// version-control, build and dot folders skipped, and the patterns of `.cableignore` files honoured (see
// cableIgnore.ts): the one in the folder walked and those in the folders above it and below it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CABLE_IGNORE_FILE, SKIPPED_FOLDERS, ignoreRules, isIgnored, type IgnoreRules } from './cableIgnore';

export { CABLE_IGNORE_FILE } from './cableIgnore';

/** A path as cableIgnore.ts reads paths: with `/` between its parts. */
function posix(file: string): string {
  return file.split(path.sep).join('/');
}

async function readIgnoreRules(folder: string): Promise<IgnoreRules | undefined> {
  const text = await fs.promises.readFile(path.join(folder, CABLE_IGNORE_FILE), 'utf8').catch(() => undefined);
  return text === undefined ? undefined : ignoreRules(posix(folder), text);
}

/** The `.cableignore` files of a folder's ancestors, outermost first. */
async function rulesAbove(folder: string): Promise<IgnoreRules[]> {
  const found: IgnoreRules[] = [];
  for (let current = path.dirname(folder); ; current = path.dirname(current)) {
    const rules = await readIgnoreRules(current);
    if (rules) found.unshift(rules);
    if (path.dirname(current) === current) break;
  }
  return found;
}

/** Every .cable file under `folder`, sorted, that no `.cableignore` leaves out. */
export async function findCableFiles(folder: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (current: string, rules: IgnoreRules[]): Promise<void> => {
    const own = await readIgnoreRules(current);
    const inForce = own ? [...rules, own] : rules;
    const entries = await fs.promises.readdir(current, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (SKIPPED_FOLDERS.includes(entry.name) || entry.name.startsWith('.') || isIgnored(posix(full), true, inForce)) continue;
        await walk(full, inForce);
        // A link is listed too: reading it says what is wrong with it (a dangling link is reported, not hidden).
      } else if ((entry.isFile() || entry.isSymbolicLink()) && entry.name.toLowerCase().endsWith('.cable') && !isIgnored(posix(full), false, inForce)) {
        found.push(full);
      }
    }
  };
  await walk(folder, await rulesAbove(folder));
  return found.sort();
}
