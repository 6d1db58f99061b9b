// Finding the .cable files under a folder, one way for the CLI and the workspace index: node_modules,
// version-control, build and dot folders skipped, and the patterns of `.cableignore` files (gitignore
// syntax) honoured, each relative to its own folder, as `.gitignore` is: the one in the folder walked and
// those in the folders above it and below it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';

export const CABLE_IGNORE_FILE = '.cableignore';
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn', 'out', 'dist']);

/** A `.cableignore` and the folder its patterns are relative to. */
interface IgnoreRules {
  folder: string;
  rules: Ignore;
}

async function readIgnoreRules(folder: string): Promise<IgnoreRules | undefined> {
  const text = await fs.promises.readFile(path.join(folder, CABLE_IGNORE_FILE), 'utf8').catch(() => undefined);
  return text === undefined ? undefined : { folder, rules: ignore().add(text) };
}

/** Outermost file first, as git reads them: a nearer file may ignore again, or take back (`!name`), what an outer one said. */
function isIgnored(target: string, isFolder: boolean, rules: readonly IgnoreRules[]): boolean {
  let ignored = false;
  for (const { folder, rules: patterns } of rules) {
    const relative = path.relative(folder, target).split(path.sep).join('/');
    if (relative === '' || relative.startsWith('..')) continue;
    const verdict = patterns.test(isFolder ? `${relative}/` : relative);
    if (verdict.ignored) ignored = true;
    else if (verdict.unignored) ignored = false;
  }
  return ignored;
}

/** The `.cableignore` files of a folder's ancestors, nearest last. */
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
        if (SKIPPED_FOLDERS.has(entry.name) || entry.name.startsWith('.') || isIgnored(full, true, inForce)) continue;
        await walk(full, inForce);
        // A link is listed too: reading it says what is wrong with it (a dangling link is reported, not hidden).
      } else if ((entry.isFile() || entry.isSymbolicLink()) && entry.name.toLowerCase().endsWith('.cable') && !isIgnored(full, false, inForce)) {
        found.push(full);
      }
    }
  };
  await walk(folder, await rulesAbove(folder));
  return found.sort();
}
