// Running the built cable-lint (dist/cli.js) as a child process, on copies of the fixture cables.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fixturesDir, repoRoot } from '../helpers';

export const cli = path.join(repoRoot, 'dist', 'cli.js');
export const cliFixtures = path.join(fixturesDir, 'cli');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function run(args: string[], options: { cwd: string; input?: string }): Run {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: options.cwd, input: options.input, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh folder holding copies of the named fixture cables. */
export function workspace(...names: string[]): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-lint-'));
  for (const name of names) fs.copyFileSync(path.join(cliFixtures, name), path.join(folder, name));
  return folder;
}

