// Finding the cables under a folder, one way for cable-lint and the workspace index, with .cableignore.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { findCableFiles } from '../../server/src/cableFiles';
import { CABLE_IGNORE_FILE, ignoreRules, isIgnoredFile, outermostFirst } from '../../server/src/cableIgnore';
import { repoRoot } from '../helpers';

function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cable-files-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

const relative = (root: string, files: string[]) => files.map((file) => path.relative(root, file).split(path.sep).join('/'));

describe('findCableFiles', () => {
  it('finds .cable files, sorted, and skips node_modules, .git, dot folders and build output', async () => {
    const root = tree({ 'b.cable': '', 'a/c.cable': '', 'a/notes.txt': '', 'node_modules/x.cable': '', '.git/y.cable': '', '.hidden/z.cable': '', 'out/o.cable': '' });
    assert.deepEqual(relative(root, await findCableFiles(root)), ['a/c.cable', 'b.cable']);
  });

  it('honours .cableignore as .gitignore: patterns relative to their folder, nested files too, negation', async () => {
    const root = tree({
      '.cableignore': 'received/\n*.draft.cable\n',
      'received/old.cable': '',
      'keep.cable': '',
      'x.draft.cable': '',
      'team/.cableignore': 'private.cable\n!x.draft.cable\n',
      'team/private.cable': '',
      'team/public.cable': '',
      'team/x.draft.cable': '',
    });
    assert.deepEqual(relative(root, await findCableFiles(root)), ['keep.cable', 'team/public.cable', 'team/x.draft.cable']);
    // Walked from below, the .cableignore above still applies.
    assert.deepEqual(relative(root, await findCableFiles(path.join(root, 'team'))), ['team/public.cable', 'team/x.draft.cable']);
  });

  it('cable-lint leaves ignored files out of a folder run, but checks one named on the command line', () => {
    const root = tree({ '.cableignore': 'ignored.cable\n', 'ignored.cable': 'not a cable', 'kept.cable': 'not a cable either' });
    const run = (args: string[]) => {
      try {
        return execFileSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), '--format', 'json', ...args], { cwd: root, encoding: 'utf8' });
      } catch (error) {
        return (error as { stdout: string }).stdout;
      }
    };
    const files = (output: string) => [...new Set((JSON.parse(output) as Array<{ file: string }>).map((problem) => path.basename(problem.file)))].sort();
    assert.deepEqual(files(run(['.'])), ['kept.cable']);
    assert.deepEqual(files(run(['ignored.cable'])), ['ignored.cable']);
  });

  it('a listing of the workspace filtered with isIgnoredFile (the browser client) leaves out what the walk does', async () => {
    const names = ['a.cable', 'b.draft.cable', 'old/c.cable', 'old/keep/d.cable', 'team/e.cable', 'team/old/f.cable', 'team/x.draft.cable', 'out/g.cable', '.hidden/h.cable'];
    const lines = ['old/', '*.draft.cable', '!x.draft.cable', '!old/keep/', 'keep', 'e.cable', '/old', 'team/old/', '# a comment', '!*.cable'];
    const ignoreFile = fc.subarray(lines, { maxLength: 4 }).map((chosen) => chosen.join('\n'));
    await fc.assert(
      fc.asyncProperty(fc.option(ignoreFile), fc.option(ignoreFile), fc.option(ignoreFile), async (top, team, old) => {
        const files: Record<string, string> = Object.fromEntries(names.map((name) => [name, '']));
        if (top !== null) files[CABLE_IGNORE_FILE] = top;
        if (team !== null) files[`team/${CABLE_IGNORE_FILE}`] = team;
        if (old !== null) files[`old/${CABLE_IGNORE_FILE}`] = old;
        const root = tree(files);
        const rules = outermostFirst(
          Object.entries(files)
            .filter(([name]) => path.basename(name) === CABLE_IGNORE_FILE)
            .map(([name, text]) => ignoreRules(path.posix.dirname(`${root}/${name}`), text)),
        );
        const listed = names.filter((name) => !isIgnoredFile(`${root}/${name}`, root, rules)).sort();
        assert.deepEqual(listed, relative(root, await findCableFiles(root)).sort());
        fs.rmSync(root, { recursive: true, force: true });
      }),
      { numRuns: 60 },
    );
  });
});
