// The two texts of real shape that benchmarks 7-10 use besides the generated cable (issue 17): prose,
// the seed's body repeated to 1 MB in one cable; and real cables, the 48 released cables of the corpus
// repeated as separate files to about 1 MB.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from './support';

const MEGABYTE = 1024 * 1024;

/** The seed's header once, then its body (from paragraph 1) repeated until the cable is about 1 MB. */
export function proseCable(): string {
  const seed = fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'seed.cable'), 'utf8');
  const lines = seed.split('\n');
  // The seed's heads are web-copy links (`[1](#). (U)`); a plain `1. (` is matched too.
  const bodyStart = lines.findIndex((line) => /^(?:\[1\]\(#\)|1)\. \(/.test(line));
  if (bodyStart < 0) throw new Error('the seed has no paragraph 1');
  const header = lines.slice(0, bodyStart).join('\n');
  const body = lines.slice(bodyStart).join('\n');
  const parts = [header];
  let size = header.length;
  while (size < MEGABYTE) {
    parts.push(body);
    size += body.length + 1;
  }
  return parts.join('\n');
}

/** The corpus cables, each its own document, repeated until they add up to about 1 MB. */
export function realCables(): string[] {
  const folder = path.join(repoRoot, 'test', 'fixtures', 'corpus');
  const cables = fs.readdirSync(folder).filter((name) => name.endsWith('.cable')).sort().map((name) => fs.readFileSync(path.join(folder, name), 'utf8'));
  const documents: string[] = [];
  let size = 0;
  while (size < MEGABYTE) {
    for (const cable of cables) {
      documents.push(cable);
      size += cable.length;
    }
  }
  return documents;
}

/** A folder holding the documents as .cable files, written anew for each run. */
export function folderOf(name: string, documents: string[]): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), `cable-bench-${name}-`));
  documents.forEach((text, index) => fs.writeFileSync(path.join(folder, `${String(index).padStart(4, '0')}.cable`), text));
  return folder;
}
