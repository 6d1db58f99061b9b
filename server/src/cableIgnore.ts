// `.cableignore` files (gitignore syntax), read one way by the folder walk of the CLI and the workspace index
// (cableFiles.ts) and by the browser client, which lists a workspace's files instead of walking it. Each
// file's patterns are relative to its own folder, as `.gitignore`'s are; paths here are absolute and POSIX.
import ignore, { type Ignore } from 'ignore';
import { relativeInside } from './service/paths';

export const CABLE_IGNORE_FILE = '.cableignore';

/** Folders never read: dependencies, version control and build output (and, in the walk, dot folders). */
export const SKIPPED_FOLDERS: readonly string[] = ['node_modules', '.git', '.hg', '.svn', 'out', 'dist'];

/** A `.cableignore` and the folder its patterns are relative to. */
export interface IgnoreRules {
  folder: string;
  patterns: Ignore;
}

export function ignoreRules(folder: string, text: string): IgnoreRules {
  return { folder, patterns: ignore().add(text) };
}

/** Rules in the order they are read: outermost folder first. */
export function outermostFirst(rules: readonly IgnoreRules[]): IgnoreRules[] {
  return [...rules].sort((a, b) => a.folder.length - b.folder.length);
}

/**
 * Whether `target` (a folder when `isFolder`) is left out by the rules of the folders above it, given
 * outermost first (see outermostFirst) as git reads them: a nearer file may ignore again, or take back
 * (`!name`), what an outer one said. Rules of other folders do not apply.
 */
export function isIgnored(target: string, isFolder: boolean, rules: readonly IgnoreRules[]): boolean {
  let ignored = false;
  for (const { folder, patterns } of rules) {
    const relative = relativeInside(folder, target);
    if (relative === undefined) continue;
    const verdict = patterns.test(isFolder ? `${relative}/` : relative);
    if (verdict.ignored) ignored = true;
    else if (verdict.unignored) ignored = false;
  }
  return ignored;
}

/**
 * Whether a file of a listing is left out, as the walk would leave it out: under a skipped or ignored folder
 * (a walk never enters one, so nothing below it can be taken back), or ignored itself. `root` is the folder
 * the listing is of: the folders above it are not looked at.
 */
export function isIgnoredFile(file: string, root: string, rules: readonly IgnoreRules[]): boolean {
  const relative = relativeInside(root, file);
  if (relative === undefined) return false;
  const folders = relative.split('/').slice(0, -1);
  let folder = root.replace(/\/$/, '');
  for (const name of folders) {
    folder = `${folder}/${name}`;
    if (SKIPPED_FOLDERS.includes(name) || name.startsWith('.') || isIgnored(folder, true, rules)) return true;
  }
  return isIgnored(file, false, rules);
}
